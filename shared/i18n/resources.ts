/// <reference types="vite/client" />
import type { Locale } from './locales';

/** The namespaces of every language (one JSON file each in shared/locales/<locale>/; docs/i18n.md). */
export const NAMESPACES = [
  'common',
  'problems',
  'engine',
  'checks-version',
  'checks-cache',
  'checks-connectivity',
  'checks-token',
  'checks-revoked',
  'checks-scrobbling',
  'clients',
  'wizard',
  'cli',
  'report',
] as const;

/** A language's texts: namespace → nested keys → text (or a list of texts: a fix's steps). */
export type LocaleResources = Record<string, Record<string, unknown>>;

// English is in every bundle (it is the fallback); the other languages are separate chunks, loaded when chosen,
// so the window's first paint does not pay for four languages it does not show.
const english = import.meta.glob<Record<string, unknown>>('../locales/en/*.json', { eager: true, import: 'default' });
const others = import.meta.glob<Record<string, unknown>>(['../locales/*/*.json', '!../locales/en/*.json'], {
  import: 'default',
});

function namespaceOf(file: string): { locale: string; namespace: string } {
  const [, locale = '', namespace = ''] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file) ?? [];
  return { locale, namespace };
}

/** English's texts, synchronously (the fallback of every other language). */
export const ENGLISH_RESOURCES: LocaleResources = Object.fromEntries(
  Object.entries(english).map(([file, texts]) => [namespaceOf(file).namespace, texts]),
);

/** A language's texts, loaded on demand (English at once). */
export async function loadLocaleResources(locale: Locale): Promise<LocaleResources> {
  if (locale === 'en') return ENGLISH_RESOURCES;
  const entries = Object.entries(others).filter(([file]) => namespaceOf(file).locale === locale);
  const loaded = await Promise.all(entries.map(async ([file, load]) => [namespaceOf(file).namespace, await load()]));
  return Object.fromEntries(loaded) as LocaleResources;
}
