import { z } from 'zod';
import type { HttpOutcome } from '../../net/http-client';
import { parseJson } from '../../core/parse-json';
import { traktGet, type UsersSettingsClassification } from './users-settings';
import type { TraktApiContext, TraktApiRequest } from './api-get';

/**
 * `GET {traktApi}/users/me/history?start_at=…&page=…&limit=…` (trakt/trakt-api
 * `contracts/users/schema/response/activityHistoryResponseSchema.ts`: `{id, watched_at, action, type,
 * movie | show + episode}`), read-only, paginated and bounded: page 1 first (its `X-Pagination-Page-Count`
 * says how many follow), then the remaining pages together, at most `MAX_HISTORY_PAGES`. Non-200 answers
 * are read by the same table as `/users/settings`. Never throws.
 */

/** One watch Trakt recorded, as far as matching needs it. */
export interface HistoryEntry {
  readonly watchedAtMs: number;
  readonly type: 'movie' | 'episode';
  /** The movie's IMDb id, or the show's for an episode; null when Trakt has none. */
  readonly imdb: string | null;
  readonly season: number | null;
  readonly episode: number | null;
  /** Personal: the movie or show title, shown only in the window. */
  readonly title: string;
}

/** What the history read gave. */
export interface HistoryRead {
  /** Newest first, as Trakt sorts them. */
  readonly entries: readonly HistoryEntry[];
  readonly pagesRead: number;
  /** `X-Pagination-Page-Count`; null when absent. */
  readonly pageCount: number | null;
  /** False when pages exist beyond the bound or a later page failed: older watches were not read. */
  readonly complete: boolean;
  /** Entries Trakt sent that were not readable history entries. */
  readonly unreadable: number;
}

/** The history read, or the classified answer that stopped it. */
export type HistoryResult =
  | { readonly ok: true; readonly value: HistoryRead }
  | { readonly ok: false; readonly classification: UsersSettingsClassification };

/** A history request. */
export interface HistoryRequest extends TraktApiRequest {
  /** `start_at`: when the link was made. */
  readonly startAtMs: number;
}

/** Pages read at most: a Trakt link lives days, not years. */
export const MAX_HISTORY_PAGES = 10;
/**
 * Entries asked per page: the usual endpoint maximum. Trakt clamps a larger limit to its maximum rather
 * than rejecting it (pageQuerySchema.ts), and `X-Pagination-Page-Count` then says how many pages follow.
 * One page covers most links, so the read usually costs one round trip.
 */
export const HISTORY_PAGE_LIMIT = 250;
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const HISTORY_PATH = '/users/me/history';

const ImdbIds = z.object({ imdb: z.string().max(32).nullish() }).passthrough();
const EntrySchema = z.union([
  z.object({
    watched_at: z.string().max(64),
    type: z.literal('movie'),
    movie: z.object({ title: z.string().max(1024).nullish(), ids: ImdbIds }).passthrough(),
  }),
  z.object({
    watched_at: z.string().max(64),
    type: z.literal('episode'),
    episode: z.object({ season: z.number().int(), number: z.number().int() }).passthrough(),
    show: z.object({ title: z.string().max(1024).nullish(), ids: ImdbIds }).passthrough(),
  }),
]);

/** Reads the history since `startAtMs`, bounded; stops at the first page Trakt refuses. */
export async function fetchHistory(ctx: TraktApiContext, request: HistoryRequest): Promise<HistoryResult> {
  const first = await fetchPage(ctx, request, 1);
  if (!first.ok) return first;
  const pageCount = first.pageCount;
  const last = Math.min(pageCount ?? 1, MAX_HISTORY_PAGES);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, last - 1) }, (_, i) => fetchPage(ctx, request, i + 2)),
  );
  let entries = [...first.entries];
  let unreadable = first.unreadable;
  let pagesRead = 1;
  let complete = (pageCount ?? 1) <= MAX_HISTORY_PAGES;
  for (const page of rest) {
    // A later page that fails leaves a gap: everything older than the gap is treated as not read.
    if (!page.ok) {
      complete = false;
      break;
    }
    entries = entries.concat(page.entries);
    unreadable += page.unreadable;
    pagesRead += 1;
  }
  return { ok: true, value: { entries, pagesRead, pageCount, complete, unreadable } };
}

type PageResult =
  | {
      readonly ok: true;
      readonly entries: HistoryEntry[];
      readonly unreadable: number;
      readonly pageCount: number | null;
    }
  | { readonly ok: false; readonly classification: UsersSettingsClassification };

async function fetchPage(ctx: TraktApiContext, request: HistoryRequest, page: number): Promise<PageResult> {
  const query = {
    start_at: new Date(request.startAtMs).toISOString(),
    page: String(page),
    limit: String(HISTORY_PAGE_LIMIT),
  };
  const got = await traktGet(ctx, request, { path: HISTORY_PATH, query, maxBytes: MAX_BODY_BYTES });
  if (!got.ok) return got;
  const outcome = got.answer;
  const list = outcome.truncated ? undefined : parseJson(outcome.body);
  if (!Array.isArray(list)) return { ok: false, classification: unreadableAnswer(outcome) };
  const entries: HistoryEntry[] = [];
  let unreadable = 0;
  for (const raw of list) {
    const entry = readEntry(raw);
    if (entry) entries.push(entry);
    else unreadable += 1;
  }
  return { ok: true, entries, unreadable, pageCount: pageCountOf(outcome) };
}

function readEntry(raw: unknown): HistoryEntry | null {
  const parsed = EntrySchema.safeParse(raw);
  if (!parsed.success) return null;
  const watchedAtMs = Date.parse(parsed.data.watched_at);
  if (!Number.isFinite(watchedAtMs)) return null;
  if (parsed.data.type === 'movie') {
    const { movie } = parsed.data;
    return {
      watchedAtMs,
      type: 'movie',
      imdb: movie.ids.imdb ?? null,
      season: null,
      episode: null,
      title: movie.title ?? '',
    };
  }
  const { show, episode } = parsed.data;
  return {
    watchedAtMs,
    type: 'episode',
    imdb: show.ids.imdb ?? null,
    season: episode.season,
    episode: episode.number,
    title: show.title ?? '',
  };
}

function pageCountOf(outcome: Extract<HttpOutcome, { ok: true }>): number | null {
  const raw = outcome.headers['x-pagination-page-count'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

/** A 200 whose body is not a list of entries (garbage, or cut at the size bound). */
function unreadableAnswer(outcome: Extract<HttpOutcome, { ok: true }>): UsersSettingsClassification {
  const why = outcome.truncated ? `larger than ${MAX_BODY_BYTES / 1024} KiB` : 'not a list of history entries';
  return {
    kind: 'unexpected',
    status: 200,
    responder: null,
    evidence: `GET ${HISTORY_PATH} → 200 whose body is ${why}`,
    unreadableBody: outcome.truncated ? 'too-large' : 'not-a-list',
    maxBytes: MAX_BODY_BYTES,
  };
}
