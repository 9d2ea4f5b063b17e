import * as z from 'zod/mini';

/*
 * The Scrobbling step's check ids (kept in check-ids.ts), and the window-only payload of its comparison: the engine's check produces it
 * (typed and checked by this schema), the window's panel parses it with the same schema. It carries titles, so it
 * travels only as a check's window-only payload: never in a report, a log, the copy summary or a bundle.
 */

export { SCROBBLING_CHECK_IDS } from './check-ids';

const count = z.int().check(z.nonnegative());

/** One watch as listed in the window. */
export const ViewWatchSchema = z.object({
  title: z.string(),
  /** ISO-8601. */
  watchedAt: z.string(),
  /** `S1E2` for an episode. */
  episode: z.optional(z.string()),
});
/** One watch as listed in the window. */
export type ViewWatch = z.infer<typeof ViewWatchSchema>;

/** The comparison payload (`windowOnly` of `scrobbling.comparison`); what arrives over IPC is parsed, not trusted. */
export const ScrobblingViewSchema = z.object({
  /** When the link was made (ISO-8601): the start of the compared window. */
  since: z.string(),
  /** Titles finished in Stremio since then (IMDb ids, inside what Trakt's answer covers). */
  finished: count,
  /** Of those, how many Trakt's history holds. */
  matched: count,
  /** The last watch Trakt recorded (ISO-8601), or null when it has none. */
  lastOnTrakt: z.nullable(z.string()),
  /** The newest titles finished in Stremio, each with whether Trakt has it. */
  stremio: z.array(z.extend(ViewWatchSchema, { onTrakt: z.boolean() })),
  /** The newest watches in Trakt's history. */
  trakt: z.array(ViewWatchSchema),
});
/** The comparison payload. */
export type ScrobblingView = z.infer<typeof ScrobblingViewSchema>;
