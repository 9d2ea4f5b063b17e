import type { i18n as I18n } from 'i18next';
import { DEFAULT_LOCALE, isLocale, resolveLocale, type Locale } from '../../../shared/i18n/locales';
import { ENGLISH_RESOURCES } from '../../../shared/i18n/resources';
import { i18nextOptions, newI18nInstance, switchLanguage } from '../../../shared/i18n/translator';

/**
 * The window's i18next instance (docs/i18n.md "Choosing the language"): English bundled and ready at once,
 * another language loaded as its own chunk before the first paint, so the initial JS carries one language.
 */
export async function createWindowI18n(locale: Locale = DEFAULT_LOCALE): Promise<I18n> {
  const i18n = englishWindowI18n();
  if (locale !== DEFAULT_LOCALE) await switchLanguage(i18n, locale);
  return i18n;
}

/** The window's i18next instance in English, ready synchronously (English is bundled; tests start here). */
export function englishWindowI18n(): I18n {
  const i18n = newI18nInstance();
  // Resources are in memory: `initAsync: false` initialises synchronously; Suspense would only flash a fallback.
  void i18n.init({
    ...i18nextOptions(DEFAULT_LOCALE),
    resources: { en: ENGLISH_RESOURCES },
    react: { useSuspense: false },
  });
  return i18n;
}

/** The window's first language: the saved choice, else the nearest shipped one to the OS's (`navigator.languages`). */
export function initialLocale(saved: unknown, preferred: readonly string[] | undefined): Locale {
  return isLocale(saved) ? saved : resolveLocale(preferred ?? []);
}
