import { z } from 'zod';
import { parseJsonWith } from '../../core/parse-json';
import { traktGet } from './users-settings';
import type { TraktApiContext, TraktApiRequest } from './api-get';

/**
 * `GET {traktApi}/sync/last_activities` (trakt/trakt-api
 * `contracts/sync/schema/response/lastActivitiesResponseSchema.ts`: `{all, movies:{watched_at,…},
 * episodes:{watched_at,…}, …}`): when Trakt last recorded a watch, whatever the history window. Read-only.
 */

/** When Trakt last recorded anything, and the last movie or episode watch (ms; null when absent). */
export interface LastActivities {
  readonly allMs: number | null;
  readonly lastWatchedMs: number | null;
}

const Stamp = z.string().max(64).nullish().catch(null);
const LastActivitiesSchema = z
  .object({
    all: Stamp,
    movies: z.object({ watched_at: Stamp }).passthrough().nullish().catch(null),
    episodes: z.object({ watched_at: Stamp }).passthrough().nullish().catch(null),
  })
  .passthrough();

const PATH = '/sync/last_activities';

/** Reads the activity stamps; null with the reason when Trakt did not give them. */
export async function fetchLastActivities(
  ctx: TraktApiContext,
  request: TraktApiRequest,
): Promise<{ readonly ok: true; readonly value: LastActivities } | { readonly ok: false; readonly evidence: string }> {
  const got = await traktGet(ctx, request, { path: PATH, maxBytes: 256 * 1024 });
  if (!got.ok) return { ok: false, evidence: got.classification.evidence };
  const outcome = got.answer;
  const parsed = outcome.truncated ? null : parseJsonWith(LastActivitiesSchema, outcome.body);
  if (!parsed) return { ok: false, evidence: `GET ${PATH} → 200 whose body is not the activity stamps` };
  const watched = [stamp(parsed.movies?.watched_at), stamp(parsed.episodes?.watched_at)].filter(
    (v): v is number => v !== null,
  );
  return { ok: true, value: { allMs: stamp(parsed.all), lastWatchedMs: watched.length ? Math.max(...watched) : null } };
}

function stamp(value: string | null | undefined): number | null {
  const ms = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(ms) ? ms : null;
}
