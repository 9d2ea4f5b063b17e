import { FALLBACK_LOCALE, normalizeTag } from '../pick-locale';

/** The languages the wizard, the CLI and the bundle speak (docs/i18n.md). English is the source and the fallback. */
export const LOCALES = ['en', 'es', 'pt-BR', 'fr', 'de'] as const;
/** One of the shipped languages. */
export type Locale = (typeof LOCALES)[number];

/** The fallback language: every key exists in it. */
export const DEFAULT_LOCALE: Locale = FALLBACK_LOCALE;

/** Each language's own name, as the language menu shows it (a user who cannot read English still finds theirs). */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  es: 'Español',
  'pt-BR': 'Português (Brasil)',
  fr: 'Français',
  de: 'Deutsch',
};

/** True when `value` names a shipped language exactly. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The shipped language one tag names: exactly (`pt-BR`, `pt_br`) or by its language (`de-AT` → `de`); null = none. */
export function matchLocale(tag: string): Locale | null {
  const wanted = normalizeTag(tag);
  const language = wanted.split('-')[0];
  return LOCALES.find((l) => normalizeTag(l) === wanted) ?? LOCALES.find((l) => l.split('-')[0] === language) ?? null;
}

/**
 * The shipped language for the user's preferred tags, best first (`navigator.languages`, `LANG`): the first
 * tag that names one (`es-MX` → `es`, `pt-PT` → `pt-BR`, the one Portuguese we ship), else English.
 */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}
