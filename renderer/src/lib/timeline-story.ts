import type { ScrobblingTimeline } from '../../../shared/check-details/scrobbling-timeline';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One day of the timeline: its date (UTC midnight) and its two counts (null = not compared that day). */
export interface TimelineDay {
  readonly date: Date;
  readonly finished: number | null;
  readonly recorded: number | null;
}

/** What the picture shows in one sentence: when scrobbles stopped, or that they never came, or that they flow. */
export type TimelineStory =
  | { readonly kind: 'empty' }
  | { readonly kind: 'stopped'; readonly lastRecorded: Date; readonly finishedSince: number }
  | { readonly kind: 'none-recorded'; readonly finished: number }
  | { readonly kind: 'flowing'; readonly finished: number; readonly recorded: number };

/** The timeline's days, oldest first. */
export function timelineDays(timeline: ScrobblingTimeline): TimelineDay[] {
  const first = Date.parse(`${timeline.firstDay}T00:00:00Z`);
  return timeline.finished.map((finished, i) => ({
    date: new Date(first + i * DAY_MS),
    finished,
    recorded: timeline.recorded[i] ?? null,
  }));
}

/**
 * The one sentence under the picture: Trakt's last recorded day when Stremio finished titles after it (the day
 * scrobbles stopped), none recorded at all, or both flowing.
 */
export function timelineStory(days: readonly TimelineDay[]): TimelineStory {
  const finished = days.reduce((n, d) => n + (d.finished ?? 0), 0);
  const recorded = days.reduce((n, d) => n + (d.recorded ?? 0), 0);
  if (finished === 0 && recorded === 0) return { kind: 'empty' };
  if (recorded === 0) return { kind: 'none-recorded', finished };
  const last = days.findLastIndex((d) => (d.recorded ?? 0) > 0);
  const finishedSince = days.slice(last + 1).reduce((n, d) => n + (d.finished ?? 0), 0);
  const lastDay = days[last];
  if (finishedSince > 0 && lastDay) return { kind: 'stopped', lastRecorded: lastDay.date, finishedSince };
  return { kind: 'flowing', finished, recorded };
}
