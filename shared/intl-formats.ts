/**
 * Intl formatters kept per kind, locale and options. Creating one loads ICU data (a datetime format about 1 ms
 * in Chromium) while formatting with it costs microseconds; the texts use a handful of formats, so the window's
 * first texts no longer pay for a new formatter per call (docs/testing.md "Benchmarks").
 */
const kept = new Map<string, object>();

function keep<T extends object>(kind: string, locale: string, options: object, create: () => T): T {
  const key = `${kind}\0${locale}\0${JSON.stringify(options)}`;
  let formatter = kept.get(key) as T | undefined;
  if (!formatter) {
    formatter = create();
    kept.set(key, formatter);
  }
  return formatter;
}

/** `new Intl.NumberFormat(locale, options)`, made once. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  keep('number', locale, options, () => new Intl.NumberFormat(locale, options));

/** `new Intl.DateTimeFormat(locale, options)`, made once. */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  keep('datetime', locale, options, () => new Intl.DateTimeFormat(locale, options));

/** `new Intl.ListFormat(locale, options)`, made once. */
export const listFormat = (locale: string, options: Intl.ListFormatOptions = {}): Intl.ListFormat =>
  keep('list', locale, options, () => new Intl.ListFormat(locale, options));

/** `new Intl.RelativeTimeFormat(locale, options)`, made once. */
export const relativeTimeFormat = (
  locale: string,
  options: Intl.RelativeTimeFormatOptions = {},
): Intl.RelativeTimeFormat => keep('relativetime', locale, options, () => new Intl.RelativeTimeFormat(locale, options));
