/** Durations for the Token step: English words for evidence lines, whole units for the summaries' Intl format. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "3 days", "5 hours", "12 minutes", "less than a minute" — the largest unit that fits (evidence lines, English). */
export function humanDuration(ms: number): string {
  const abs = Math.abs(ms);
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (abs >= 2 * DAY) return unit(Math.floor(abs / DAY), 'day');
  if (abs >= 2 * HOUR) return unit(Math.floor(abs / HOUR), 'hour');
  if (abs >= MINUTE) return unit(Math.floor(abs / MINUTE), 'minute');
  return 'less than a minute';
}

/**
 * `ms` cut down to whole units of what `{{ms, duration}}` shows (shared/i18n/formatters.ts: days from 2 days,
 * hours from 1 hour, minutes from 1 minute, seconds from 1 second), so "6 days left" never rounds up to 7.
 */
export function wholeDuration(ms: number): number {
  const abs = Math.abs(ms);
  const step = abs >= 2 * DAY ? DAY : abs >= HOUR ? HOUR : abs >= MINUTE ? MINUTE : abs >= 1000 ? 1000 : 1;
  return Math.sign(ms) * Math.floor(abs / step) * step;
}
