import { msg } from '../../../../shared/i18n/message';
import {
  CLOSED_LOOP_CHECK_IDS,
  LIVE_FIXES,
  LiveScrobbleDetailsSchema,
  POLL_EVERY_MS,
  TRAKT_READS_PER_WINDOW,
  WAIT_SECONDS,
  type LiveScrobbleDetails,
  LiveSightingSchema,
  type LiveSighting,
} from '../../../../shared/check-details/closed-loop';
import { traktExpiresAtMs } from '../../clients/stremio/account';
import { stremioGetUser } from '../../clients/stremio/api-client';
import { readStremioClientId } from '../../clients/stremio/sign-in-link';
import {
  readActivityStamps,
  readWatching,
  type ActivityStamps,
  type LiveReadRequest,
  type WatchingItem,
} from '../../clients/trakt/live-reads';
import type { RateLimitInfo } from '../../clients/trakt/rate-limit';
import { defineCheck, type CheckOutcome, type CheckRunArgs } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import { RequestBudget } from '../../runtime/request-budget';
import { runWatchLoop, type PollAnswer } from '../../runtime/watch-loop';
import { progressReporter } from '../../runtime/watch-progress';
import type { WatchRunOptions } from '../../runtime/watch-types';
import { usersSettingsCheck } from '../revoked/users-settings';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktTokenCheck } from '../token/trakt-token';
import { addonsCheck } from './addons';
import { appLimitCheck } from './app-limit';
import { comparisonCheck } from './comparison';
import { eventsPathCheck } from './events-path';
import { causeSteps, causeSupport, rankCauses } from './live-causes';

/** How long Trakt blocks a client after a 429 that does not say (trakt/trakt-api#827: "blocked for 5 minutes"). */
const DEFAULT_RETRY_AFTER_S = 300;

/** How the test ended early: a watch seen, or Trakt refusing Stremio's token. */
type Sighting =
  | { readonly kind: 'watching'; readonly item: WatchingItem; readonly atMs: number }
  | { readonly kind: 'activity'; readonly atMs: number }
  | { readonly kind: 'revoked'; readonly evidence: string };

/** What the polls learnt along the way. */
interface Tally {
  watchingReads: number;
  activityReads: number;
  failedReads: number;
  answered: number;
  baseline: ActivityStamps | null;
  rateLimit: RateLimitInfo | null;
}

/**
 * The live scrobble test (docs/architecture.md "Confirming a fix"), interactive and opt-in: the user plays
 * anything in Stremio for a minute, then pauses and resumes once (Stremio sends its first scrobble only then:
 * stremio-core `player.rs`), while the wizard reads Trakt with the token Stremio holds — `/users/me/watching`
 * and `/sync/last_activities` in turn (the first stamps are the baseline), one read every 5 s at most and never
 * more than 60 in any 5 minutes, pausing for a 429's `Retry-After`. A watch in progress or a
 * newer watch stamp passes (the title only in the window-only payload); a wait that ends without one is
 * SCROBBLE_NOT_SEEN_LIVE, its fix ranked from what the other checks found; a wait cut short by Trakt's rate
 * limit is TRAKT_RATE_LIMITED.
 */
export const liveScrobbleCheck = defineCheck<undefined, LiveScrobbleDetails, LiveSighting>()({
  id: CLOSED_LOOP_CHECK_IDS.liveScrobble,
  step: 'scrobbling',
  // The title of what Trakt sees playing: for the window alone (docs/architecture.md "Privacy").
  windowOnly: LiveSightingSchema,
  dependsOn: [stremioAccountCheck],
  // What the other checks found ranks the causes; the comparison is waited for so a confirmation covers it.
  consults: [traktTokenCheck, usersSettingsCheck, addonsCheck, eventsPathCheck, appLimitCheck, comparisonCheck],
  codes: ['SCROBBLE_NOT_SEEN_LIVE', 'TRAKT_RATE_LIMITED', 'TRAKT_TOKEN_REVOKED'],
  details: LiveScrobbleDetailsSchema,
  interactive: true,
  // Opt-in: when nobody asked, that is its reason, whatever its dependencies did (not a second "needs a sign-in").
  runsWhenDepsSkipped: true,
  // Bounded by its own wait (at most 15 minutes) and cancellation, not the run's deadline.
  budgetMs: (ctx) => WAIT_SECONDS.max * 1000 + 3 * ctx.config.timeouts.probeMs + 5000,
  async run(args) {
    const { ctx, input, deps, signal } = args;
    const options = input.liveScrobble;
    if (!options) return { verdict: 'skipped', summary: msg('checks-scrobbling:live.optIn') };
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-scrobbling:skipped.noAccount') };
    // The link as it is now (the user may have authenticated again since the diagnosis read it).
    const user = await stremioGetUser(ctx, account.session.authKey, signal);
    if (!user.ok) return { verdict: 'error', summary: msg('checks-scrobbling:live.noAccountRead') };
    const link = user.value.user.trakt;
    if (!link || traktExpiresAtMs(link) <= ctx.now())
      return {
        verdict: 'skipped',
        summary: msg('checks-scrobbling:live.noLink', { context: link ? 'expired' : 'none' }),
      };
    const clientId = await readStremioClientId(ctx, user.value.user.id, {
      signal,
      budgetMs: ctx.config.timeouts.probeMs,
    });
    if (!clientId) return { verdict: 'skipped', summary: msg('checks-scrobbling:live.noClientId') };
    return watchTrakt(args, options, { accessToken: link.accessToken, clientId, signal });
  },
});

/** Polls Trakt for the whole wait (or until a watch is seen) and judges what it saw. */
async function watchTrakt(
  { ctx, deps, signal }: CheckRunArgs,
  options: WatchRunOptions,
  request: LiveReadRequest,
): Promise<CheckOutcome<undefined, LiveScrobbleDetails, LiveSighting>> {
  const budget = new RequestBudget(TRAKT_READS_PER_WINDOW.max, TRAKT_READS_PER_WINDOW.windowMs);
  const report = progressReporter(CLOSED_LOOP_CHECK_IDS.liveScrobble, options);
  const tally: Tally = {
    watchingReads: 0,
    activityReads: 0,
    failedReads: 0,
    answered: 0,
    baseline: null,
    rateLimit: null,
  };
  report('started', 0);
  const end = await runWatchLoop<Sighting>({
    waitMs: options.waitMs,
    everyMs: POLL_EVERY_MS,
    signal,
    budget,
    // The watch in progress first (one already playing is seen at once), then the stamps and it in turn.
    poll: (index) => (index % 2 === 0 ? pollWatching(ctx, request, tally) : pollActivities(ctx, request, tally)),
    onPolled: (polls, pausedUntil) =>
      report(
        pausedUntil === null ? 'polled' : 'rate-limited',
        polls,
        pausedUntil === null ? {} : { resumeAtMs: pausedUntil },
      ),
  });
  const seen = end.kind === 'done' && end.value.kind !== 'revoked' ? end.value : null;
  report('finished', end.polls, { seen: seen !== null });
  const details: LiveScrobbleDetails = {
    waitSeconds: Math.round(options.waitMs / 1000),
    polls: budget.count,
    watchingReads: tally.watchingReads,
    activityReads: tally.activityReads,
    failedReads: tally.failedReads,
    maxRequestsPer5Min: budget.maxInWindow(),
    seenAt: seen ? new Date(seen.atMs).toISOString() : null,
    seenBy: seen ? (seen.kind === 'watching' ? 'watching' : 'last-activities') : null,
    kind: seen?.kind === 'watching' ? seen.item.kind : null,
    rateLimited: tally.rateLimit ? { retryAfterSeconds: tally.rateLimit.retryAfterSeconds } : null,
  };
  const reads = `${budget.count} Trakt reads in ${details.waitSeconds} s (${tally.watchingReads} of /users/me/watching, ${tally.activityReads} of /sync/last_activities)`;
  if (end.kind === 'cancelled')
    return {
      verdict: 'skipped',
      summary: msg('engine:outcome.stopped', { why: msg('engine:stopped.cancelled') }),
      details,
    };
  if (seen?.kind === 'watching') {
    const sighting: LiveSighting = {
      title: seen.item.title,
      kind: seen.item.kind,
      year: seen.item.year,
      episode: seen.item.season === null ? null : `S${seen.item.season}E${seen.item.episode ?? 0}`,
      since: new Date(seen.item.startedAtMs).toISOString(),
    };
    return {
      verdict: 'pass',
      summary: msg('checks-scrobbling:live.seenWatching', { context: seen.item.kind, since: seen.item.startedAtMs }),
      details,
      windowOnly: sighting,
      confirms: { codes: LIVE_FIXES, atMs: seen.atMs },
    };
  }
  if (seen?.kind === 'activity')
    return {
      verdict: 'pass',
      summary: msg('checks-scrobbling:live.seenActivity', { at: seen.atMs }),
      details,
      confirms: { codes: LIVE_FIXES, atMs: seen.atMs },
    };
  if (end.kind === 'done' && end.value.kind === 'revoked')
    return {
      verdict: 'fail',
      summary: msg('checks-scrobbling:live.revoked'),
      problems: [{ code: 'TRAKT_TOKEN_REVOKED', evidence: `scrobbling.live: ${end.value.evidence}`, confidence: 0.9 }],
      details,
    };
  if (end.kind === 'waited' && end.paused && tally.rateLimit) {
    const retry = tally.rateLimit.retryAfterSeconds;
    return {
      verdict: 'warn',
      summary: msg('checks-scrobbling:live.rateLimited', {
        context: retry === null ? 'unsaid' : 'said',
        seconds: retry ?? 0,
      }),
      problems: [
        {
          code: 'TRAKT_RATE_LIMITED',
          evidence: `scrobbling.live: Trakt answered 429 (${retry === null ? 'no Retry-After' : `Retry-After ${retry} s`}) and the wait ended before reads could resume; ${reads}`,
          confidence: 0.9,
        },
      ],
      details,
    };
  }
  if (tally.answered === 0)
    return { verdict: 'error', summary: msg('checks-scrobbling:live.unreadable', { count: budget.count }), details };
  const support = causeSupport({
    token: deps.result(traktTokenCheck),
    usersSettings: deps.result(usersSettingsCheck),
    eventsPath: deps.result(eventsPathCheck),
    appLimit: deps.result(appLimitCheck),
    addons: deps.get(addonsCheck),
    tokenAccepted: tally.answered > 0,
  });
  const ranked = rankCauses(support);
  const supported = ranked.filter((c) => support[c] === 'supported');
  return {
    verdict: 'fail',
    summary: msg('checks-scrobbling:live.notSeen', { ms: options.waitMs }),
    problems: [
      {
        code: 'SCROBBLE_NOT_SEEN_LIVE',
        evidence: `scrobbling.live: no watch in progress and no newer watch stamp over ${reads}; Trakt accepted Stremio's token; causes the other checks support: ${supported.join(', ') || 'none'}`,
        // Reads that failed leave gaps in what was watched.
        confidence: tally.failedReads === 0 ? 0.85 : 0.7,
        fixSteps: causeSteps(ranked),
      },
    ],
    details,
  };
}

/** One read of the watch in progress. */
async function pollWatching(ctx: EngineContext, request: LiveReadRequest, tally: Tally): Promise<PollAnswer<Sighting>> {
  tally.watchingReads += 1;
  const read = await readWatching(ctx, request);
  if (read.kind === 'ok') {
    tally.answered += 1;
    return read.value
      ? { kind: 'done', value: { kind: 'watching', item: read.value, atMs: ctx.now() } }
      : { kind: 'continue' };
  }
  return notAnswered(read, tally);
}

/** One read of the activity stamps: the first is the baseline, a later newer one is a new watch. */
async function pollActivities(
  ctx: EngineContext,
  request: LiveReadRequest,
  tally: Tally,
): Promise<PollAnswer<Sighting>> {
  tally.activityReads += 1;
  const read = await readActivityStamps(ctx, request);
  if (read.kind !== 'ok') return notAnswered(read, tally);
  tally.answered += 1;
  if (!tally.baseline) {
    tally.baseline = read.value;
    return { kind: 'continue' };
  }
  return newer(read.value, tally.baseline)
    ? { kind: 'done', value: { kind: 'activity', atMs: ctx.now() } }
    : { kind: 'continue' };
}

/** A read that got no usable answer: a 429 pauses the loop, a 401 ends it, anything else is counted and retried. */
function notAnswered(
  read: Exclude<Awaited<ReturnType<typeof readWatching>>, { kind: 'ok' }>,
  tally: Tally,
): PollAnswer<Sighting> {
  if (read.kind === 'unauthorized') return { kind: 'done', value: { kind: 'revoked', evidence: read.evidence } };
  tally.failedReads += 1;
  if (read.kind !== 'rate-limited') return { kind: 'continue' };
  tally.rateLimit = read.rateLimit;
  const seconds = read.rateLimit.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_S;
  return { kind: 'pause', untilMs: Date.now() + seconds * 1000 };
}

/**
 * A new watch since the baseline: a newer movie or episode stamp (watched or paused: Stremio's pause sends a
 * scrobble pause), or, when Trakt gave none, a newer `all`.
 */
function newer(now: ActivityStamps, baseline: ActivityStamps): boolean {
  if (now.playbackMs !== null && baseline.playbackMs !== null) return now.playbackMs > baseline.playbackMs;
  if (now.playbackMs !== null && baseline.playbackMs === null) return true;
  return now.allMs !== null && baseline.allMs !== null && now.allMs > baseline.allMs;
}
