import { isLocale, type Locale } from './i18n/locales';
import { THEMES, type Theme } from './themes';

/**
 * The window's saved language and theme travel to its preload as one command-line argument
 * (`webPreferences.additionalArguments`, which Electron's docs name for "small bits of data" a sandboxed preload
 * reads from `process.argv`), so the first paint is already in the right language: no IPC round trip before it.
 */
const PREFIX = '--doctor-preferences=';

/** The remembered choices (the same shape `settings:get-preferences` answers). */
export interface InitialPreferences {
  readonly locale?: Locale;
  readonly theme?: Theme;
}

/** The argument that carries `preferences` to the preload. */
export function preferencesArgument(preferences: InitialPreferences): string {
  return `${PREFIX}${encodeURIComponent(JSON.stringify(preferences))}`;
}

/** The choices carried in `argv`; anything absent, malformed or unknown is left out (the OS's language and theme). */
export function readPreferencesArgument(argv: readonly string[]): InitialPreferences {
  const raw = argv.find((arg) => arg.startsWith(PREFIX));
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(decodeURIComponent(raw.slice(PREFIX.length)));
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null) return {};
  const { locale, theme } = value as { locale?: unknown; theme?: unknown };
  return {
    ...(isLocale(locale) ? { locale } : {}),
    ...((THEMES as readonly unknown[]).includes(theme) ? { theme: theme as Theme } : {}),
  };
}
