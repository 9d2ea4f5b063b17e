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

/**
 * The shipped language for the user's preferred tags, best first (`navigator.languages`, `LANG`): the exact
 * tag, else its language (`es-MX` → `es`, `pt-PT` → `pt-BR`, the one Portuguese we ship), else English.
 */
export function resolveLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const wanted = normalizeTag(tag);
    const exact = LOCALES.find((l) => normalizeTag(l) === wanted);
    if (exact) return exact;
    const language = wanted.split('-')[0];
    const byLanguage = LOCALES.find((l) => l.split('-')[0] === language);
    if (byLanguage) return byLanguage;
  }
  return DEFAULT_LOCALE;
}
