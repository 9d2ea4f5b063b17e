/** The language every localised text must have; the fallback when the user's is missing. */
export const FALLBACK_LOCALE = 'en';

/**
 * Picks the text for `locale` from a `{locale: text}` map: the exact tag (`pt-BR`), then its language
 * (`pt`), then English. For maps that carry their own languages (the incidents feed's texts); the shipped
 * languages are matched by shared/i18n/locales.ts. Tags compare case-insensitively and `_` counts as `-`
 * (POSIX `LANG=pt_BR.UTF-8` names the same locale).
 */
export function pickLocalized(texts: Readonly<Record<string, string>>, locale: string): string | undefined {
  const byTag = new Map(Object.entries(texts).map(([tag, text]) => [normalizeTag(tag), text]));
  const wanted = normalizeTag(locale);
  const language = wanted.split('-')[0] ?? '';
  return byTag.get(wanted) ?? byTag.get(language) ?? byTag.get(FALLBACK_LOCALE);
}

/** The user's locale from POSIX variables (`LC_ALL`, `LC_MESSAGES`, `LANG`), else the runtime's (Intl). */
export function localeFromEnv(env: Readonly<Record<string, string | undefined>>): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    // `C` and `POSIX` name no language; `pt_BR.UTF-8@euro` → `pt-BR`.
    if (value && value !== 'C' && value !== 'POSIX') return normalizeTag(value.split(/[.@]/)[0] ?? '');
  }
  return Intl.DateTimeFormat().resolvedOptions().locale;
}

/** A language tag in one spelling: `pt_br` → `pt-BR`, `EN` → `en`. */
export function normalizeTag(tag: string): string {
  const [language = '', region] = tag.replace(/_/g, '-').split('-');
  return region ? `${language.toLowerCase()}-${region.toUpperCase()}` : language.toLowerCase();
}
