import { formatBytes } from '../format-bytes';
import { dateTimeFormat, listFormat, numberFormat, relativeTimeFormat } from '../intl-formats';

/** A duration in ms as people read it in `locale`: `350 ms`, `1.2 s`, `5 min`, `3 h`, `2 days` (Intl units). */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: string, digits = 0) =>
    numberFormat(locale, {
      style: 'unit',
      unit: name,
      unitDisplay: name === 'day' ? 'long' : 'short',
      maximumFractionDigits: digits,
    }).format(value);
  const abs = Math.abs(ms);
  if (abs < 1000) return unit(Math.round(ms), 'millisecond');
  if (abs < 60_000) return unit(ms / 1000, 'second', 1);
  if (abs < 3_600_000) return unit(Math.round(ms / 60_000), 'minute');
  if (abs < 2 * 86_400_000) return unit(Math.round(ms / 3_600_000), 'hour');
  return unit(Math.round(ms / 86_400_000), 'day');
}

type FormatOptions = Record<string, string | number | boolean>;

/** Parses `datetime(dateStyle: medium; timeStyle: short)` into its name and options (i18next's format syntax). */
function parseFormat(format: string): { name: string; options: FormatOptions } {
  const open = format.indexOf('(');
  if (open < 0) return { name: format.trim().toLowerCase(), options: {} };
  const options: FormatOptions = {};
  for (const part of format.slice(open + 1, format.lastIndexOf(')')).split(';')) {
    const [key = '', ...rest] = part.split(':');
    const raw = rest
      .join(':')
      .trim()
      .replace(/^'+|'+$/g, '');
    if (!key.trim()) continue;
    options[key.trim()] = raw === 'true' ? true : raw === 'false' ? false : /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return { name: format.slice(0, open).trim().toLowerCase(), options };
}

/**
 * Formats one interpolated value (i18next's `interpolation.format`): `{{n, number}}`, `{{d, datetime(...)}}`,
 * `{{items, list}}`, `{{n, relativetime(day)}}`, and ours: `{{ms, duration}}`, `{{size, bytes}}`, `{{text, clause}}`.
 * Only the options written in the text reach Intl. (i18next's own formatter also passes every parameter of the
 * message as an Intl option, so a parameter named `second` or `style` silently broke a date.)
 */
export function formatValue(value: unknown, format: string | undefined, lng: string | undefined): unknown {
  if (!format || value === null || value === undefined) return value;
  const locale = lng ?? 'en';
  const { name, options } = parseFormat(format);
  const number = () => (typeof value === 'number' ? value : Number(value));
  switch (name) {
    case 'number':
      return numberFormat(locale, options).format(number());
    case 'datetime':
      return dateTimeFormat(locale, options).format(new Date(value as string | number | Date));
    case 'list':
      return listFormat(locale, options).format(Array.isArray(value) ? value.map(String) : [String(value)]);
    case 'relativetime': {
      const { range = 'day', ...rest } = options;
      return relativeTimeFormat(locale, rest).format(number(), String(range) as Intl.RelativeTimeFormatUnit);
    }
    case 'duration':
      return formatDuration(number(), locale);
    case 'bytes':
      return formatBytes(number(), locale);
    case 'clause':
      // A sentence used as a clause inside another ("… (not signed in)."): without its own final stop.
      return String(value).replace(/[.。]\s*$/, '');
    default:
      return value;
  }
}

/**
 * The i18next formatter module that formats with `formatValue` (register with `i18n.use(...)` before `init`;
 * `newI18nInstance` in translator.ts does it).
 */
export const INTL_FORMATTER_MODULE = {
  type: 'formatter' as const,
  init(): void {},
  format: (value: unknown, format: string | undefined, lng: string | undefined) => formatValue(value, format, lng),
  add(): void {},
  addCached(): void {},
};
