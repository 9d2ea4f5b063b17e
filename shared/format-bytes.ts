import { numberFormat } from './intl-formats';

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'];

/** A byte count as people read it in `locale`, the same in check summaries and panels: `812 B`, `3.3 KiB`, `2,0 MiB`. */
export function formatBytes(bytes: number, locale = 'en'): string {
  const number = (value: number, digits: number) =>
    numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${number(bytes, 0)} B`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${number(value, 1)} ${UNITS[unit]}`;
}
