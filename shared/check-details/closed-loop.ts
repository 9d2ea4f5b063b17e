import * as z from 'zod/mini';
import type { ProblemCode } from '../problems';
import { CLOSED_LOOP_CHECK_IDS } from './closed-loop-limits';
import { SIGN_IN_CODES } from './sign-in-chain';

export {
  CLOSED_LOOP_CHECK_IDS,
  POLL_EVERY_MS,
  TRAKT_READS_PER_WINDOW,
  WAIT_SECONDS,
  type ClosedLoopCheckId,
} from './closed-loop-limits';

/*
 * The closed loop (docs/architecture.md "Confirming a fix"): the two interactive checks that watch a fix
 * take effect. Their ids, the wait they accept, their details (the engine produces them, the window's
 * panels read them back with the same schemas), their progress, and the window-only sighting of the live
 * scrobble test (a watched title: never in a report, a log, the copy summary or a bundle).
 */

/**
 * What a renewed Trakt link fixes (`token.relink` confirms these): the link's own state, Trakt's refusal of
 * it, and the sign-in chain's failures (the sign-in got through) — but not a Cloudflare block, which the
 * Connectivity step also sees on the wizard's own requests: the user's browser getting through does not clear
 * those. The window offers the re-link watch while one of them is open.
 */
export const RELINK_FIXES: readonly ProblemCode[] = [
  'TRAKT_TOKEN_EXPIRED',
  'TRAKT_TOKEN_EXPIRING',
  'TRAKT_NOT_LINKED',
  'TRAKT_TOKEN_REVOKED',
  ...SIGN_IN_CODES.filter((code) => code !== 'CLOUDFLARE_BLOCKED'),
];

/** True when a new Trakt link would fix a finding of `code` (the window offers the re-link watch then). */
export function isRelinkFix(code: string): boolean {
  return RELINK_FIXES.some((fix) => fix === code);
}

/** What a watch seen on Trakt confirms (`scrobbling.live`): scrobbles reach Trakt, so the path and the link work. */
export const LIVE_FIXES: readonly ProblemCode[] = [
  'SCROBBLES_NOT_REACHING_TRAKT',
  'STREMIO_EVENTS_BLOCKED',
  'TRAKT_TOKEN_EXPIRED',
  'TRAKT_NOT_LINKED',
  'TRAKT_TOKEN_REVOKED',
  'TRAKT_LINK_NOT_RENEWED',
];

/** A Trakt link as the details show it: when it was made and when it ends (ISO-8601), never the token. */
const LinkDatesSchema = z.object({ createdAt: z.string(), expiresAt: z.string() });

/** `token.relink` details: the wait, the polls made, the link before and after, and when the new one was seen. */
export const RelinkDetailsSchema = z.object({
  waitSeconds: z.number(),
  polls: z.number(),
  failedPolls: z.number(),
  pollEverySeconds: z.number(),
  /** The link the diagnosis read before the wait (null: not linked). */
  before: z.nullable(LinkDatesSchema),
  /** The link the last successful poll read (null: not linked, or no poll answered). */
  after: z.nullable(LinkDatesSchema),
  /** When a poll first saw the new link (ISO-8601); null when it was not seen. */
  renewedAt: z.nullable(z.string()),
});
/** `token.relink` details. */
export type RelinkDetails = z.infer<typeof RelinkDetailsSchema>;

/** `scrobbling.live` details: the wait, the requests made (by kind), and when and how a watch was seen — no titles. */
export const LiveScrobbleDetailsSchema = z.object({
  waitSeconds: z.number(),
  /** Trakt reads made (both kinds). */
  polls: z.number(),
  watchingReads: z.number(),
  activityReads: z.number(),
  failedReads: z.number(),
  /** The most requests any 5 minutes of the test held (never above 60). */
  maxRequestsPer5Min: z.number(),
  /** When a watch was first seen (ISO-8601); null when none was. */
  seenAt: z.nullable(z.string()),
  /** What showed it: `GET /users/me/watching` (a watch in progress) or a newer `/sync/last_activities`. */
  seenBy: z.nullable(z.enum(['watching', 'last-activities'])),
  /** A movie or an episode (for a watch in progress); never its title. */
  kind: z.nullable(z.enum(['movie', 'episode'])),
  /** Trakt's 429: how long it asked to wait (seconds; null when it did not say). */
  rateLimited: z.nullable(z.object({ retryAfterSeconds: z.nullable(z.number()) })),
});
/** `scrobbling.live` details. */
export type LiveScrobbleDetails = z.infer<typeof LiveScrobbleDetailsSchema>;

/**
 * What the live test saw in progress, for the window only (`windowOnly` of `scrobbling.live`): the title
 * is personal. Read back with `LiveSightingSchema` (what arrives over IPC is checked, not trusted).
 */
export const LiveSightingSchema = z.object({
  title: z.string(),
  kind: z.enum(['movie', 'episode']),
  year: z.nullable(z.number()),
  /** `S1E2` for an episode. */
  episode: z.nullable(z.string()),
  /** When Trakt says the watch started (ISO-8601). */
  since: z.string(),
});
/** The live test's sighting (window only). */
export type LiveSighting = z.infer<typeof LiveSightingSchema>;

/** Where a closed-loop wait is: started (instructions shown), a poll made, a 429's pause, or finished. */
export const WatchPhaseSchema = z.enum(['started', 'polled', 'rate-limited', 'finished']);

/** A closed-loop wait's progress (no titles, no secrets): the CLI prints it, the window shows a countdown. */
export const WatchProgressSchema = z.object({
  check: z.enum([CLOSED_LOOP_CHECK_IDS.relink, CLOSED_LOOP_CHECK_IDS.liveScrobble]),
  phase: WatchPhaseSchema,
  polls: z.number(),
  /** When the wait began and when it ends (ISO-8601). */
  startedAt: z.string(),
  waitUntil: z.string(),
  /** A 429's pause: when the next read may go (ISO-8601). */
  resumeAt: z.optional(z.string()),
  /** True once the fix was seen (the check ends right after). */
  seen: z.boolean(),
});
/** One progress update of a closed-loop wait. */
export type WatchProgress = z.infer<typeof WatchProgressSchema>;
