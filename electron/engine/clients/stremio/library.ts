import { msg } from '../../../../shared/i18n/message';
import { callStremioApi, type StremioApiContext, type StremioApiResult, type StremioCallOptions } from './api-client';

/**
 * `datastoreGet` on the `libraryItem` collection (stremio-core `src/types/api/request.rs`
 * `DatastoreRequest`: `{authKey, collection:"libraryItem", ids:[], all:true}` → `[LibraryItem…]`;
 * `src/types/library/library_item.rs`). Read-only. Titles are personal: this reader keeps them, and the
 * check registers the ones it uses before anything is reported.
 */

/** The parts of a LibraryItem the Scrobbling step reads. */
export interface LibraryEntry {
  /** `tt…` for IMDb; `kitsu:…`, `tmdb:…` and others for other catalogs. */
  readonly id: string;
  /** Personal: shown only in the window. */
  readonly name: string;
  readonly type: string;
  readonly removed: boolean;
  readonly temp: boolean;
  /** `state.lastWatched` in ms, null when absent or not a date. */
  readonly lastWatchedMs: number | null;
  readonly timeWatchedMs: number;
  readonly timeOffsetMs: number;
  readonly durationMs: number;
  readonly flaggedWatched: boolean;
  /** `tt…:season:episode` for series. */
  readonly videoId: string | null;
}

/** The library as read: the items, and how many entries were not LibraryItems. */
export interface Library {
  readonly items: readonly LibraryEntry[];
  readonly unreadable: number;
  /** Entries in the answer; more than `MAX_LIBRARY_ITEMS` means the rest were not read. */
  readonly total: number;
}

// A hand-written reader, not zod: it runs once per item of libraries of tens of thousands (zod took
// ~30 µs an item there). Same rules as stremio-core's serde: a wrong field is read as its default.
const text = (value: unknown, max: number, fallback: string): string =>
  typeof value === 'string' && value.length <= max ? value : fallback;
const count = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One LibraryItem, or null when it has no id or no state (not a LibraryItem at all). */
function readItem(raw: unknown): LibraryEntry | null {
  if (!isObject(raw) || !isObject(raw.state)) return null;
  const id = text(raw._id, 512, '');
  if (!id) return null;
  const state = raw.state;
  const lastWatched = typeof state.lastWatched === 'string' ? Date.parse(state.lastWatched) : Number.NaN;
  const videoId = text(state.video_id, 512, '');
  return {
    id,
    name: text(raw.name, 1024, ''),
    type: text(raw.type, 64, 'other'),
    removed: raw.removed === true,
    temp: raw.temp === true,
    lastWatchedMs: Number.isFinite(lastWatched) ? lastWatched : null,
    timeWatchedMs: count(state.timeWatched),
    timeOffsetMs: count(state.timeOffset),
    durationMs: count(state.duration),
    flaggedWatched: count(state.flaggedWatched) > 0,
    videoId: videoId || null,
  };
}

/** A library of 20 000 items is about 10 MiB; this bounds memory for anything larger. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Items read at most: beyond this the library is cut, and the check says so. */
export const MAX_LIBRARY_ITEMS = 100_000;

/** Reads the whole library once (Stremio's own sync does the same with `all: true`). */
export async function fetchLibrary(
  ctx: StremioApiContext,
  authKey: string,
  options: Pick<StremioCallOptions, 'signal' | 'timeoutMs'> = {},
): Promise<StremioApiResult<Library>> {
  ctx.secrets.add(authKey, 'auth-key');
  const answer = await callStremioApi(
    ctx,
    'datastoreGet',
    { authKey, collection: 'libraryItem', ids: [], all: true },
    { ...options, maxBytes: MAX_BODY_BYTES },
  );
  if (!answer.ok) return answer;
  if (!Array.isArray(answer.value))
    return {
      ok: false,
      kind: 'malformed',
      reason: 'the library answer is not a list',
      why: msg('clients:stremioAnswer.libraryNotAList'),
      outcome: answer.outcome,
    };
  const items: LibraryEntry[] = [];
  let unreadable = 0;
  for (const raw of answer.value.slice(0, MAX_LIBRARY_ITEMS)) {
    const item = readItem(raw);
    if (item) items.push(item);
    else unreadable += 1;
  }
  return { ok: true, value: { items, unreadable, total: answer.value.length }, outcome: answer.outcome };
}
