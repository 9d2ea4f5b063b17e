/*
 * The closed loop's ids and limits, free of zod so the CLI's argument parser can read them without loading a
 * schema library (`diagnose --help` stays fast: docs/testing.md "Benchmarks").
 */

/** The two interactive checks that confirm a fix. */
export const CLOSED_LOOP_CHECK_IDS = { relink: 'token.relink', liveScrobble: 'scrobbling.live' } as const;

/** One of the closed-loop checks. */
export type ClosedLoopCheckId = (typeof CLOSED_LOOP_CHECK_IDS)[keyof typeof CLOSED_LOOP_CHECK_IDS];

/** How long a closed-loop check may wait for the user, in seconds (the CLI's flags and the window's request). */
export const WAIT_SECONDS = { min: 10, max: 900, default: 300 } as const;

/** The time between two polls: `getUser` for the re-link, one Trakt read for the live test (docs/architecture.md). */
export const POLL_EVERY_MS = 5000;

/** The most Trakt reads the live test makes in any 5 minutes (Trakt's own GET limit is 500 per 5 minutes). */
export const TRAKT_READS_PER_WINDOW = { max: 60, windowMs: 5 * 60_000 } as const;
