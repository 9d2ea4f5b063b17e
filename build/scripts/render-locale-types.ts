import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Renders `shared/i18n/locale-texts.generated.ts` from the locale files (docs/i18n.md "Typed keys"): every key the
 * code may say (a text, a plural group, a context group), the kind of each parameter its texts take, and the keys
 * that are lists (a fix's steps). `msg`, `Translator.t` and the window's `t` are typed from it, so a wrong key or
 * a missing parameter fails `npm run typecheck`. English is the source; a parameter another language uses is
 * required too.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCALES_DIR = path.join(root, 'shared/locales');

/** Where the generated types live. */
export const LOCALE_TYPES_PATH = 'shared/i18n/locale-texts.generated.ts';

/** The kind of a parameter, from its format in the text (`{{n, number}}` → number) or its name (`count`). */
type ParamKind = 'text' | 'count' | 'number' | 'datetime' | 'list' | 'duration' | 'bytes' | 'clause';

const PLURAL = /_(zero|one|two|few|many|other)$/;
/** A context variant: a lower-camel leaf, `_`, the context (`signedIn_login`); codes (`CLOCK_SKEW`) are not. */
const CONTEXT = /^([a-z][A-Za-z0-9]*)_([a-z][A-Za-z0-9-]*)$/;
const FORMATS: Readonly<Record<string, ParamKind>> = {
  number: 'number',
  datetime: 'datetime',
  list: 'list',
  duration: 'duration',
  bytes: 'bytes',
  clause: 'clause',
};

interface KeyEntry {
  /** Parameters by name, with their kind. */
  readonly params: Map<string, ParamKind>;
  /** The parameters of each variant: `''` is the text without a context, else the context's name. */
  readonly variants: Map<string, Set<string>>;
}

function parameters(text: string): [string, ParamKind][] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,\s*([a-z]+))?[^}]*\}\}/gi)].map(([, name = '', format]) => [
    name,
    name === 'count' ? 'count' : ((format ? FORMATS[format.toLowerCase()] : undefined) ?? 'text'),
  ]);
}

/** Reads every language's files into the keys, their parameters and the list keys. */
function collect(): { keys: Map<string, KeyEntry>; lists: Set<string> } {
  const keys = new Map<string, KeyEntry>();
  const lists = new Set<string>();
  const entry = (key: string) => {
    let found = keys.get(key);
    if (!found) keys.set(key, (found = { params: new Map(), variants: new Map() }));
    return found;
  };
  const locales = readdirSync(LOCALES_DIR).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  for (const locale of locales) {
    for (const file of readdirSync(path.join(LOCALES_DIR, locale)).sort()) {
      const namespace = file.replace(/\.json$/, '');
      const walk = (value: unknown, at: string[]) => {
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          for (const [name, inner] of Object.entries(value)) walk(inner, [...at, name]);
          return;
        }
        const leaf = at.at(-1)!.replace(PLURAL, '');
        const context = CONTEXT.exec(leaf);
        const base = `${namespace}:${[...at.slice(0, -1), context ? context[1] : leaf].join('.')}`;
        // Only English defines keys; the other languages add the parameters they use.
        if (locale !== 'en' && !keys.has(base) && !lists.has(base)) return;
        if (Array.isArray(value)) {
          lists.add(base);
          return;
        }
        const found = entry(base);
        const variant = context ? context[2]! : '';
        const names = found.variants.get(variant) ?? new Set<string>();
        found.variants.set(variant, names);
        const said: [string, ParamKind][] = [
          ...(PLURAL.test(at.at(-1)!) ? [['count', 'count'] as [string, ParamKind]] : []),
          ...parameters(String(value)),
        ];
        for (const [name, kind] of said) {
          names.add(name);
          if (!found.params.has(name) || found.params.get(name) === 'text') found.params.set(name, kind);
        }
      };
      walk(JSON.parse(readFileSync(path.join(LOCALES_DIR, locale, file), 'utf8')) as unknown, []);
    }
  }
  return { keys, lists };
}

const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** The generated module's text (Prettier-formatted as it is written). */
export function renderLocaleTypes(): string {
  const { keys, lists } = collect();
  const lines = [...keys.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, e]) => {
      // A parameter only some variants say (`waitingForBrowser_until`'s `until`) is optional.
      const variants = [...e.variants.values()];
      const everywhere = (name: string) => variants.every((names) => names.has(name));
      const params = [...e.params.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, kind]) => `${name}${everywhere(name) ? '' : '?'}: ${quote(kind)}`);
      const vars = params.length > 0 ? `{ ${params.join('; ')} }` : 'NoParams';
      const contexts = [...e.variants.keys()].filter((c) => c !== '').sort();
      const plain = e.variants.has('');
      const context = contexts.length > 0 ? `; context${plain ? '?' : ''}: ${contexts.map(quote).join(' | ')}` : '';
      return `  ${quote(key)}: { vars: ${vars}${context} };`;
    });
  const listKeys = [...lists].sort().map((key) => `  | ${quote(key)}`);
  return [
    '// Generated by build/scripts/locale-types.mjs from shared/locales (`npm run i18n:types`); do not edit.',
    '',
    '/** A text that takes no parameter. */',
    'type NoParams = Record<never, never>;',
    '',
    '/** Every key the code may say, the kind of each parameter its texts take, and its i18next contexts. */',
    'export interface LocaleTexts {',
    ...lines,
    '}',
    '',
    "/** The keys whose value is a list of texts (a fix's steps). */",
    'export type LocaleListKey =',
    ...listKeys.map((line, i) => (i === listKeys.length - 1 ? `${line};` : line)),
    '',
  ].join('\n');
}
