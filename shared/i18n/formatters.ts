import type { i18n as I18n } from 'i18next';
import { formatBytes } from '../format-bytes';

/** A duration in ms as people read it in `locale`: `350 ms`, `1.2 s`, `5 min`, `3 h`, `2 days` (Intl units). */
export function formatDuration(ms: number, locale: string): string {
  const unit = (value: number, name: string, digits = 0) =>
    new Intl.NumberFormat(locale, {
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

/**
 * Adds the formats our texts use besides i18next's built-in `number`, `datetime`, `relativetime` and `list`
 * (all Intl): `{{ms, duration}}`, `{{size, bytes}}` and `{{text, clause}}`. Call after `init` (the formatter exists from then).
 */
export function addFormatters(i18n: I18n): void {
  const formatter = i18n.services.formatter;
  if (!formatter) return;
  formatter.add('duration', (value: unknown, lng: string | undefined) => formatDuration(Number(value), lng ?? 'en'));
  // A sentence used as a clause inside another ("… (not signed in)."): without its own final stop.
  formatter.add('clause', (value: unknown) => String(value).replace(/[.。]\s*$/, ''));
  formatter.add('bytes', (value: unknown, lng: string | undefined) => formatBytes(Number(value), lng ?? 'en'));
}
