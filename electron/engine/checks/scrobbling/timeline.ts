import { TIMELINE_DAYS, type ScrobblingTimeline } from '../../../../shared/check-details/scrobbling-timeline';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the timeline counts: when each compared title was finished, and when Trakt recorded each watch. */
export interface TimelineInput {
  /** The run's "now" (ms). */
  readonly nowMs: number;
  /** Where the comparison starts (ms): the link, or the oldest watch Trakt's answer covers. */
  readonly comparedFromMs: number;
  /** When each compared title was finished in Stremio (ms). */
  readonly finishedAtMs: readonly number[];
  /** When each watch in Trakt's history was recorded (ms). */
  readonly recordedAtMs: readonly number[];
}

/**
 * Per UTC day over the last 30 days (ending with today): how many compared titles Stremio finished and how
 * many watches Trakt recorded. A day wholly before `comparedFromMs` is null in both: nothing was compared
 * there, so an empty bar would wrongly say "nothing reached Trakt". Counts only, never a title.
 */
export function dailyTimeline({
  nowMs,
  comparedFromMs,
  finishedAtMs,
  recordedAtMs,
}: TimelineInput): ScrobblingTimeline {
  const firstDayMs = Math.floor(nowMs / DAY_MS) * DAY_MS - (TIMELINE_DAYS - 1) * DAY_MS;
  const compared = (day: number) => firstDayMs + (day + 1) * DAY_MS > comparedFromMs;
  const perDay = (times: readonly number[]) => {
    const counts: (number | null)[] = Array.from({ length: TIMELINE_DAYS }, (_, day) => (compared(day) ? 0 : null));
    for (const ms of times) {
      const day = Math.floor((ms - firstDayMs) / DAY_MS);
      const count = counts[day];
      if (typeof count === 'number') counts[day] = count + 1;
    }
    return counts;
  };
  return {
    firstDay: new Date(firstDayMs).toISOString().slice(0, 10),
    finished: perDay(finishedAtMs),
    recorded: perDay(recordedAtMs),
  };
}
