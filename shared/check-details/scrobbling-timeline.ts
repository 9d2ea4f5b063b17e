import * as z from 'zod/mini';

/*
 * The details of `scrobbling.comparison` that the window reads back: counts and dates only, never a title
 * (titles travel as the check's window-only payload, shared/scrobbling-view.ts). The engine's check
 * produces them (typed and checked by these schemas); the Scrobbling timeline panel parses them.
 */

/** Days the timeline covers, ending with the day of the run (UTC days). */
export const TIMELINE_DAYS = 30;

/** A count per day; null for a day outside the compared window (before the link, or older than Trakt's answer). */
const DailyCountsSchema = z.array(z.nullable(z.int().check(z.nonnegative()))).check(z.length(TIMELINE_DAYS));

/** Per UTC day over the last 30 days: titles finished in Stremio (compared ones) and watches Trakt's history recorded. */
export const ScrobblingTimelineSchema = z.object({
  /** The first day shown, `YYYY-MM-DD` (UTC); the last is the day of the run. */
  firstDay: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** Titles finished in Stremio that day (the titles the comparison matched against Trakt's history). */
  finished: DailyCountsSchema,
  /** Watches Trakt's history recorded that day (any app's). */
  recorded: DailyCountsSchema,
});
/** The per-day counts of the Scrobbling timeline. */
export type ScrobblingTimeline = z.infer<typeof ScrobblingTimelineSchema>;

/** `scrobbling.comparison`'s details: what was compared, since when, and the per-day counts. */
export const ComparisonDetailsSchema = z.object({
  since: z.string(),
  compared: z.number(),
  onTrakt: z.number(),
  missing: z.number(),
  lastWatchOnTrakt: z.nullable(z.string()),
  historyComplete: z.boolean(),
  timeline: ScrobblingTimelineSchema,
});
/** `scrobbling.comparison` details. */
export type ComparisonDetails = z.infer<typeof ComparisonDetailsSchema>;
