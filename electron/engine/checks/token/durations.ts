/** Plain-language durations and dates for the Token step's sentences. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days", "5 hours", "12 minutes", "less than a minute" — the largest unit that fits. */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (abs >= 2 * DAY) return unit(Math.floor(abs / DAY), 'day');
  if (abs >= 2 * HOUR) return unit(Math.floor(abs / HOUR), 'hour');
  if (abs >= MINUTE) return unit(Math.floor(abs / MINUTE), 'minute');
  return 'less than a minute';
}

/** A date and time in the user's locale (the system's, or `locale` when given). */
export function localDateTime(ms: number, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(ms));
}
