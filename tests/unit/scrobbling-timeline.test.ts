import { describe, expect, it } from 'vitest';
import { ComparisonDetailsSchema, TIMELINE_DAYS } from '../../shared/check-details/scrobbling-timeline';
import { dailyTimeline } from '../../electron/engine/checks/scrobbling/timeline';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const DAY = 86_400_000;
const at = (daysAgo: number) => NOW - daysAgo * DAY;

describe('the Scrobbling timeline: counts per UTC day over the last 30 days', () => {
  it('counts finished titles and recorded watches per day, ending today; days before the compared window are null', () => {
    const timeline = dailyTimeline({
      nowMs: NOW,
      comparedFromMs: at(10),
      finishedAtMs: [at(9), at(9.1), at(5), at(0.2), at(40)],
      recordedAtMs: [at(9.05), at(8.9), at(45)],
    });
    expect(timeline.firstDay).toBe('2026-11-01');
    expect(timeline.finished).toHaveLength(TIMELINE_DAYS);
    // Nov 20 12:00 (10 days ago) starts the comparison: Nov 1 … Nov 19 are not compared.
    expect(timeline.finished.slice(0, 19).every((n) => n === null)).toBe(true);
    expect(timeline.recorded.slice(0, 19).every((n) => n === null)).toBe(true);
    expect(timeline.finished.slice(19)).toEqual([0, 2, 0, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(timeline.recorded.slice(19)).toEqual([0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    // Only counts leave the check: the schema the window reads accepts it.
    expect(
      ComparisonDetailsSchema.safeParse({
        since: 'x',
        compared: 4,
        onTrakt: 1,
        missing: 3,
        lastWatchOnTrakt: null,
        historyComplete: true,
        timeline,
      }).success,
    ).toBe(true);
  });

  it('a link older than 30 days compares every day; a negative or fractional count is not a timeline', () => {
    const timeline = dailyTimeline({ nowMs: NOW, comparedFromMs: at(90), finishedAtMs: [], recordedAtMs: [] });
    expect(timeline.finished.every((n) => n === 0)).toBe(true);
    const bad = { ...timeline, recorded: [...timeline.recorded.slice(1), -1] };
    expect(
      ComparisonDetailsSchema.safeParse({
        since: 'x',
        compared: 0,
        onTrakt: 0,
        missing: 0,
        lastWatchOnTrakt: null,
        historyComplete: true,
        timeline: bad,
      }).success,
    ).toBe(false);
  });
});
