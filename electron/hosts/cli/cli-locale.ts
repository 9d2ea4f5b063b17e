import { LOCALES, matchLocale, resolveLocale, type Locale } from '../../../shared/i18n/locales';
import { msg } from '../../../shared/i18n/message';
import { localeFromEnv } from '../../../shared/pick-locale';
import { UsageError } from './args';

/** The value of `--lang` (`--lang de` or `--lang=de`) anywhere on the command line, so `--help` and errors use it too. */
export function langArgument(argv: readonly string[]): string | undefined {
  let found: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === '--lang') found = argv[i + 1] ?? '';
    else if (arg.startsWith('--lang=')) found = arg.slice('--lang='.length);
  });
  return found;
}

/** The language the environment asks for (LC_ALL, LC_MESSAGES, LANG, else the runtime's), nearest shipped one. */
export function envLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  return resolveLocale([localeFromEnv(env)]);
}

/**
 * The CLI's language (docs/i18n.md "Choosing the language"): `--lang`, else the environment's. An unknown
 * `--lang` is a usage error naming the shipped languages — a typo should not silently print English.
 */
export function cliLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Locale {
  const value = langArgument(argv);
  if (value === undefined) return envLocale(env);
  if (value === '') throw new UsageError(msg('cli:error.needsValue', { option: '--lang' }));
  const locale = matchLocale(value);
  if (!locale) throw new UsageError(msg('cli:error.unknownLang', { value, locales: LOCALES.join(', ') }));
  return locale;
}
