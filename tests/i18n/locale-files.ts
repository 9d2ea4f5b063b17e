import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { NAMESPACES } from '../../shared/i18n/resources';

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the locale files live. */
export const LOCALES_DIR = path.join(ROOT, 'shared/locales');

/** One text of a locale file: its full key (`namespace:a.b.c`) and value (a string or a list of strings). */
export interface LocaleEntry {
  readonly key: string;
  readonly value: unknown;
}

/** Every leaf of one language's files, keyed `namespace:path` (arrays are leaves: a fix's steps). */
export function readLocale(locale: Locale): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  for (const namespace of NAMESPACES) {
    const file = path.join(LOCALES_DIR, locale, `${namespace}.json`);
    const walk = (value: unknown, at: string) => {
      if (value !== null && typeof value === 'object' && !Array.isArray(value))
        for (const [name, inner] of Object.entries(value)) walk(inner, at ? `${at}.${name}` : name);
      else entries.set(`${namespace}:${at}`, value);
    };
    walk(JSON.parse(readFileSync(file, 'utf8')) as unknown, '');
  }
  return entries;
}

/** The files present in each language's folder (to catch a namespace file nobody loads). */
export function localeFileNames(locale: Locale): string[] {
  return readdirSync(path.join(LOCALES_DIR, locale)).sort();
}

/** i18next's plural suffixes (CLDR categories), and `_zero`. */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** A key without its plural suffix: `found_one` → `found`. */
export function pluralBase(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** True when the key is a plural form. */
export function isPluralForm(key: string): boolean {
  return PLURAL_SUFFIX.test(key);
}

/** The plural categories a language needs for cardinal numbers (CLDR via Intl). */
export function pluralCategories(locale: Locale): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
}

/** The interpolation variables of a text: `{{count}}`, `{{at, datetime(...)}}` → `count`, `at`; `$t(...)` nestings. */
export function variablesOf(value: unknown): string[] {
  const texts = Array.isArray(value) ? value.map(String) : [String(value)];
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/\{\{\s*([\w.]+)/g)) names.add(match[1] ?? '');
    for (const match of text.matchAll(/\$t\(([^),]+)/g)) names.add(`$t:${match[1] ?? ''}`);
  }
  return [...names].sort();
}

export { LOCALES, NAMESPACES };
