import { z } from 'zod';
import type { HttpOutcome } from '../../net/http-client';
import { parseJsonWith } from '../../core/parse-json';
import type { RateLimitInfo } from './rate-limit';
import { sendTraktGet, type TraktApiContext } from './api-get';
import { classifyUsersSettings } from './users-settings';

/**
 * The two read-only Trakt calls of the live scrobble test (docs/architecture.md "Confirming a fix"), made with
 * the token Stremio holds and its public client_id; each returns what Trakt said, as facts, and never throws:
 *
 * - `GET {traktApi}/users/me/watching` (trakt/trakt-api `contracts/users/index.ts`: 200 with
 *   `watchingResponseSchema` — `{expires_at, started_at, action: scrobble|checkin, type: movie|episode,
 *   movie | episode + show}` — or 204 when nothing is in progress);
 * - `GET {traktApi}/sync/last_activities` (`lastActivitiesResponseSchema`: `{all, movies:{watched_at,
 *   paused_at,…}, episodes:{watched_at, paused_at,…}, …}`).
 *
 * Other statuses are read by the `/users/settings` table (401 revoked, 429 with `Retry-After`, …).
 */

/** What is in progress on Trakt. The title is personal: registered as such, shown in the window only. */
export interface WatchingItem {
  readonly kind: 'movie' | 'episode';
  readonly title: string;
  readonly year: number | null;
  readonly season: number | null;
  readonly episode: number | null;
  /** `started_at` (ms). */
  readonly startedAtMs: number;
  readonly action: 'scrobble' | 'checkin';
}

/** When Trakt last recorded anything, and the newest watch-related stamp (a watch or a paused scrobble), in ms. */
export interface ActivityStamps {
  readonly allMs: number | null;
  readonly playbackMs: number | null;
}

/** One live read's answer. */
export type LiveRead<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'rate-limited'; readonly rateLimit: RateLimitInfo; readonly evidence: string }
  | { readonly kind: 'unauthorized'; readonly evidence: string }
  | { readonly kind: 'failed'; readonly status: number | null; readonly evidence: string };

/** A live read's request. */
export interface LiveReadRequest {
  /** The bearer token (registered as a secret before anything is sent). */
  readonly accessToken: string;
  /** Stremio's public client_id as seen in its sign-in redirect. */
  readonly clientId: string;
  readonly signal?: AbortSignal | undefined;
}

const Stamp = z.string().max(64).nullish().catch(null);
const ActivitiesSchema = z
  .object({
    all: Stamp,
    movies: z.object({ watched_at: Stamp, paused_at: Stamp }).passthrough().nullish().catch(null),
    episodes: z.object({ watched_at: Stamp, paused_at: Stamp }).passthrough().nullish().catch(null),
  })
  .passthrough();

const Title = z.string().max(500);
const WatchingSchema = z
  .object({
    started_at: z.string().max(64),
    action: z.enum(['scrobble', 'checkin']).catch('scrobble'),
    type: z.enum(['movie', 'episode']),
    movie: z.object({ title: Title, year: z.number().int().nullish() }).passthrough().optional(),
    show: z.object({ title: Title, year: z.number().int().nullish() }).passthrough().optional(),
    episode: z.object({ season: z.number().int(), number: z.number().int() }).passthrough().optional(),
  })
  .passthrough();

const MAX_BODY_BYTES = 128 * 1024;

/** `GET /users/me/watching`: null when nothing is in progress (204). */
export async function readWatching(
  ctx: TraktApiContext,
  request: LiveReadRequest,
): Promise<LiveRead<WatchingItem | null>> {
  const path = '/users/me/watching';
  const outcome = await get(ctx, path, request);
  if (outcome.ok && outcome.status === 204) return { kind: 'ok', value: null };
  if (!outcome.ok || outcome.status !== 200) return notOk(ctx, outcome, path);
  const parsed = outcome.truncated ? null : parseJsonWith(WatchingSchema, outcome.body);
  const item = parsed && itemOf(parsed);
  if (!item)
    return { kind: 'failed', status: 200, evidence: `GET ${path} → 200 whose body is not a watch in progress` };
  // The title names what the person watches: registered before any summary or log line could carry it.
  ctx.secrets.add(item.title, 'title');
  return { kind: 'ok', value: item };
}

/** `GET /sync/last_activities`: the stamps the live test compares between reads. */
export async function readActivityStamps(
  ctx: TraktApiContext,
  request: LiveReadRequest,
): Promise<LiveRead<ActivityStamps>> {
  const path = '/sync/last_activities';
  const outcome = await get(ctx, path, request);
  if (!outcome.ok || outcome.status !== 200) return notOk(ctx, outcome, path);
  const parsed = outcome.truncated ? null : parseJsonWith(ActivitiesSchema, outcome.body);
  if (!parsed)
    return { kind: 'failed', status: 200, evidence: `GET ${path} → 200 whose body is not the activity stamps` };
  const playback = [
    parsed.movies?.watched_at,
    parsed.movies?.paused_at,
    parsed.episodes?.watched_at,
    parsed.episodes?.paused_at,
  ]
    .map(stamp)
    .filter((v): v is number => v !== null);
  return {
    kind: 'ok',
    value: { allMs: stamp(parsed.all), playbackMs: playback.length > 0 ? Math.max(...playback) : null },
  };
}

function get(ctx: TraktApiContext, path: string, request: LiveReadRequest): Promise<HttpOutcome> {
  return sendTraktGet(ctx, request, { path, maxBytes: MAX_BODY_BYTES });
}

function notOk<T>(ctx: TraktApiContext, outcome: HttpOutcome, path: string): LiveRead<T> {
  const c = classifyUsersSettings(outcome, ctx.now(), path);
  if (c.kind === 'rate-limited' && c.rateLimit)
    return { kind: 'rate-limited', rateLimit: c.rateLimit, evidence: c.evidence };
  if (c.kind === 'unauthorized') return { kind: 'unauthorized', evidence: c.evidence };
  return { kind: 'failed', status: c.status, evidence: c.evidence };
}

function itemOf(w: z.infer<typeof WatchingSchema>): WatchingItem | null {
  const startedAtMs = stamp(w.started_at);
  const what = w.type === 'movie' ? w.movie : w.show;
  if (!what || startedAtMs === null) return null;
  return {
    kind: w.type,
    title: what.title,
    year: what.year ?? null,
    season: w.type === 'episode' ? (w.episode?.season ?? null) : null,
    episode: w.type === 'episode' ? (w.episode?.number ?? null) : null,
    startedAtMs,
    action: w.action,
  };
}

function stamp(value: string | null | undefined): number | null {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}
