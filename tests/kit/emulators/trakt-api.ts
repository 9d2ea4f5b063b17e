import type { HostEmulator, RecordedRequest, Reply } from '../http-host';
import { TRAKT_ORIGIN_HEADERS } from '../world';
import { cloudflareBanReply } from './cloudflare-pages';

/**
 * api.trakt.tv's `GET /users/settings` as docs/sources.md "Trakt" records it: required
 * headers checked in Trakt's order (Cloudflare's WAF first, then the API key, then the token), 401 for
 * an unknown/revoked token, 403 for an unapproved client_id, 423 with the account headers, 420/426/429,
 * Cloudflare's HTML block page without Trakt's `x-runtime`.
 */

/** A Trakt account behind a token. */
export interface TraktAccountFixture {
  readonly username: string;
  readonly vip?: boolean;
  readonly locked?: boolean;
  readonly deactivated?: boolean;
  /** The account's own token (`account.token` in the settings answer): a secret the engine must not keep. */
  readonly accountToken?: string;
  /** Watches in the account's history (any order). */
  readonly history?: readonly HistoryFixture[];
  /** The last watch Trakt recorded before this history (older than every entry), ISO-8601. */
  readonly lastWatchedBefore?: string;
}

/** One watch in a Trakt history: a movie, or an episode of a show (season and episode given). */
export interface HistoryFixture {
  readonly watchedAt: string;
  readonly imdb: string;
  readonly title: string;
  readonly season?: number;
  readonly episode?: number;
}

/** A history entry shaped like trakt-api's activityHistoryResponseSchema. */
export function historyEntryBody(entry: HistoryFixture, id: number): object {
  const ids = (trakt: number) => ({
    trakt,
    slug: entry.title.toLowerCase().replace(/\W+/g, '-'),
    imdb: entry.imdb,
    tmdb: trakt + 1000,
  });
  const base = { id: 9_000_000 + id, watched_at: entry.watchedAt, action: 'scrobble' };
  if (entry.season === undefined)
    return { ...base, type: 'movie', movie: { title: entry.title, year: 2020, ids: ids(100 + id) } };
  return {
    ...base,
    type: 'episode',
    episode: {
      season: entry.season,
      number: entry.episode ?? 1,
      title: `Episode ${entry.episode ?? 1}`,
      ids: { trakt: 500 + id, tvdb: null, imdb: null, tmdb: null },
    },
    show: { title: entry.title, year: 2019, ids: ids(200 + id) },
  };
}

/** A watch in progress on Trakt (what a scrobble start makes `/users/me/watching` show). */
export interface WatchingFixture {
  readonly kind: 'movie' | 'episode';
  /** The movie's or the show's title (personal: planted so tests can look for it everywhere). */
  readonly title: string;
  readonly year?: number;
  readonly season?: number;
  readonly episode?: number;
  /** ISO-8601. */
  readonly startedAt: string;
}

/** When a scripted change takes effect: after so many more reads of the live paths, or at a time (epoch ms). */
export interface LiveTrigger {
  readonly afterReads?: number;
  readonly atMs?: number;
}

/** The `/users/me/watching` body (trakt-api `watchingResponseSchema`): the item with its show for an episode. */
export function watchingBody(item: WatchingFixture): object {
  const expires = new Date(Date.parse(item.startedAt) + 2 * 3600_000).toISOString();
  const base = { expires_at: expires, started_at: item.startedAt, action: 'scrobble', type: item.kind };
  const ids = { trakt: 4242, slug: item.title.toLowerCase().replace(/\W+/g, '-'), imdb: 'tt0424242', tmdb: 4343 };
  if (item.kind === 'movie') return { ...base, movie: { title: item.title, year: item.year ?? 2021, ids } };
  return {
    ...base,
    episode: {
      season: item.season ?? 1,
      number: item.episode ?? 1,
      title: `Episode ${item.episode ?? 1}`,
      ids: { trakt: 777, tvdb: null, imdb: null, tmdb: null },
    },
    show: { title: item.title, year: item.year ?? 2019, ids },
  };
}

/** The last-activities answer (lastActivitiesResponseSchema): watched stamps from the history. */
function lastActivitiesBody(account: TraktAccountFixture, pausedAt: string | null = null): object {
  const newest = (episodes: boolean) =>
    (account.history ?? [])
      .filter((e) => (e.season !== undefined) === episodes)
      .map((e) => e.watchedAt)
      .sort()
      .at(-1) ??
    account.lastWatchedBefore ??
    '2020-01-01T00:00:00.000Z';
  const movies = newest(false);
  const episodes = newest(true);
  const stamp = '2026-01-01T00:00:00.000Z';
  // A paused scrobble (Stremio's pause sends one) saves playback progress: `paused_at` and `all` move.
  const paused = pausedAt ?? stamp;
  return {
    all: [movies, episodes, paused].sort().at(-1),
    movies: {
      watched_at: movies,
      collected_at: stamp,
      rated_at: stamp,
      watchlisted_at: stamp,
      favorited_at: stamp,
      commented_at: stamp,
      paused_at: paused,
      hidden_at: stamp,
    },
    episodes: {
      watched_at: episodes,
      collected_at: stamp,
      rated_at: stamp,
      watchlisted_at: stamp,
      commented_at: stamp,
      paused_at: stamp,
    },
    shows: {
      rated_at: stamp,
      watchlisted_at: stamp,
      favorited_at: stamp,
      commented_at: stamp,
      hidden_at: stamp,
      dropped_at: stamp,
    },
  };
}

/** A forced answer for every request, whatever the token (the states of Trakt's status-codes guide). */
export type TraktApiState =
  | { readonly kind: 'normal' }
  | { readonly kind: 'cloudflare-block' }
  /** Cloudflare's temporary ban (error 1015, a 429 with its page and Retry-After; trakt/trakt-api#922). */
  | { readonly kind: 'cloudflare-ban' }
  | { readonly kind: 'vip-only' }
  | { readonly kind: 'account-limit' }
  | { readonly kind: 'rate-limited'; readonly retryAfter: string; readonly xRatelimit?: string }
  | { readonly kind: 'outage'; readonly status: 500 | 502 | 503 | 504 | 520 | 521 | 522 }
  | { readonly kind: 'garbage-200' }
  | { readonly kind: 'huge-200'; readonly bytes: number };

/** Control over the emulated Trakt API. */
export interface TraktApiEmulator {
  /** Makes `token` valid for `account`. */
  grant(token: string, account: TraktAccountFixture): void;
  /** Revokes `token` (what *Connected apps → Revoke* or the one-app limit does). */
  revoke(token: string): void;
  /** Client ids Trakt approves (`trakt-api-key`); others get 403 from the origin. */
  readonly approvedClientIds: Set<string>;
  state: TraktApiState;
  /** A forced answer for one path only (e.g. 429 on `/users/me/history` while `/users/settings` answers). */
  pathStates: Partial<Record<string, TraktApiState>>;
  /** Forced answers for the next requests of a path, one each, before `pathStates` (e.g. one 429, then normal). */
  nextStates: Partial<Record<string, TraktApiState[]>>;
  /**
   * The live scrobble (docs/testing.md "Shaping the world"): once `when` holds, `/users/me/watching` answers 200
   * with `item` for `token` (null: 204 again). Without `when`, at once.
   */
  scrobble(token: string, item: WatchingFixture | null, when?: LiveTrigger): void;
  /** Once `when` holds, a paused scrobble moves `token`'s `/sync/last_activities` (`all`, `movies.paused_at`) to then. */
  pauseScrobble(token: string, when?: LiveTrigger): void;
  /** The requests of the live scrobble test's paths (`/users/me/watching`, `/sync/last_activities`), in order. */
  liveRequests(): RecordedRequest[];
  /** The `/users/settings` requests received. */
  settingsRequests(): RecordedRequest[];
}

/** Cloudflare's WAF block page (trakt-api#670: "Sorry, you have been blocked", HTML, no x-runtime). */
export const CLOUDFLARE_BLOCK_REPLY: Reply = {
  status: 403,
  headers: { server: 'cloudflare', 'cf-ray': '8f3a1b2c4d5e6f71-FRA', 'content-type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><p>You are unable to access trakt.tv</p><span class="cf-footer-item">Cloudflare Ray ID: <strong>8f3a1b2c4d5e6f71</strong></span></body></html>',
};

const JSON_HEADERS = { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'application/json; charset=utf-8' };

/** Doorkeeper's 401 challenge (Trakt runs Rails/Doorkeeper, trakt-api#48): `invalid_token` with its reason. */
function unauthorized(description: string): Reply {
  return {
    status: 401,
    headers: {
      ...TRAKT_ORIGIN_HEADERS,
      'www-authenticate': `Bearer realm="Doorkeeper", error="invalid_token", error_description="${description}"`,
    },
    body: '',
  };
}

/** The settings answer shaped like trakt-api's settingsResponseSchema (user, account, limits). */
export function settingsBody(account: TraktAccountFixture): object {
  return {
    user: {
      username: account.username,
      private: false,
      name: 'Emulated User',
      vip: account.vip ?? false,
      vip_ep: false,
      director: false,
      ids: { slug: account.username.toLowerCase(), uuid: '2f1d6c1e-0000-4000-8000-000000000001' },
      joined_at: '2019-03-01T10:00:00.000Z',
      vip_og: false,
      vip_years: 0,
      images: { avatar: { full: 'https://walter-r2.trakt.tv/images/users/000/000/001/avatars/large/x.jpg' } },
    },
    account: {
      timezone: 'Europe/Berlin',
      date_format: 'dmy',
      time_24hr: true,
      ...(account.accountToken ? { token: account.accountToken } : {}),
    },
    permissions: { commenting: true, liking: true, following: true },
    // Free accounts since 2025: 2 lists / 100 items (IMDb-Scout-Mod#249).
    limits: account.vip
      ? { list: { count: 1000, item_count: 5000 }, watchlist: { item_count: 5000 }, favorites: { item_count: 5000 } }
      : { list: { count: 2, item_count: 100 }, watchlist: { item_count: 100 }, favorites: { item_count: 50 } },
  };
}

/** Installs `/users/settings`, `/users/me/history` and `/sync/last_activities` on `host` (world.traktApi). */
export function installTraktApi(host: HostEmulator, approvedClientIds: readonly string[]): TraktApiEmulator {
  const tokens = new Map<string, TraktAccountFixture>();
  const revoked = new Set<string>();
  const watching = new Map<string, WatchingFixture | null>();
  const pausedAt = new Map<string, string>();
  const LIVE_PATHS = new Set(['/users/me/watching', '/sync/last_activities']);
  const liveReads = () => host.requests.filter((r) => LIVE_PATHS.has(r.path)).length;
  /** Changes scripted for later: applied by the first live read that finds `when` true. */
  const pending: { readonly due: () => boolean; readonly apply: () => void }[] = [];
  const schedule = (when: LiveTrigger | undefined, apply: () => void) => {
    const readsAtStart = liveReads();
    const due = () =>
      (when?.afterReads === undefined || liveReads() - readsAtStart > when.afterReads) &&
      (when?.atMs === undefined || Date.now() >= when.atMs);
    if (!when) apply();
    else pending.push({ due, apply });
  };
  const applyDue = () => {
    for (const change of [...pending])
      if (change.due()) {
        pending.splice(pending.indexOf(change), 1);
        change.apply();
      }
  };
  const emulator: TraktApiEmulator = {
    grant: (token, account) => {
      tokens.set(token, account);
      revoked.delete(token);
    },
    revoke: (token) => void revoked.add(token),
    approvedClientIds: new Set(approvedClientIds),
    state: { kind: 'normal' },
    pathStates: {},
    nextStates: {},
    settingsRequests: () => host.requests.filter((r) => r.path === '/users/settings'),
    scrobble: (token, item, when) => schedule(when, () => void watching.set(token, item)),
    pauseScrobble: (token, when) => schedule(when, () => void pausedAt.set(token, new Date().toISOString())),
    liveRequests: () => host.requests.filter((r) => LIVE_PATHS.has(r.path)),
  };

  /** Trakt's checks in its order for any authenticated read: the account behind the token, or the answer that stops it. */
  const gate = (request: RecordedRequest, state: TraktApiState): Reply | TraktAccountFixture => {
    // Cloudflare answers before the origin: no User-Agent, or a blocked network (trakt-api#670).
    if (!request.headers['user-agent'] || state.kind === 'cloudflare-block') return CLOUDFLARE_BLOCK_REPLY;
    if (state.kind === 'cloudflare-ban') return cloudflareBanReply('api.trakt.tv', '9ef469ee4fdf9d70-AMS');
    if (state.kind === 'outage') {
      return state.status >= 520
        ? {
            status: state.status,
            headers: { server: 'cloudflare', 'cf-ray': '8f3a1b2c4d5e6f72-AMS', 'content-type': 'text/html' },
            body: `<html><title>trakt.tv | ${state.status}: Web server is down</title></html>`,
          }
        : {
            status: state.status,
            headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
            body: '<html><title>We’re sorry, but something went wrong (500)</title></html>',
          };
    }
    if (state.kind === 'rate-limited') {
      return {
        status: 429,
        headers: {
          ...JSON_HEADERS,
          'retry-after': state.retryAfter,
          ...(state.xRatelimit ? { 'x-ratelimit': state.xRatelimit } : {}),
        },
        body: '',
      };
    }
    const clientId = request.headers['trakt-api-key'];
    if (request.headers['trakt-api-version'] !== '2' || typeof clientId !== 'string')
      return { status: 400, headers: TRAKT_ORIGIN_HEADERS, body: '' };
    // An unknown or removed client_id gets 403 from the origin, even on public endpoints (ha-arr-stack-card#28).
    if (!emulator.approvedClientIds.has(clientId)) return { status: 403, headers: TRAKT_ORIGIN_HEADERS, body: '' };
    const bearer = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
    if (!bearer) return unauthorized('The access token is invalid');
    if (revoked.has(bearer)) return unauthorized('The access token was revoked');
    const account = tokens.get(bearer);
    if (!account) return unauthorized('The access token is invalid');
    if (account.locked || account.deactivated) {
      // docs.trakt.tv/docs/locked-user-account: both headers, true|false.
      return {
        status: 423,
        headers: {
          ...TRAKT_ORIGIN_HEADERS,
          'x-account-locked': String(Boolean(account.locked)),
          'x-account-deactivated': String(Boolean(account.deactivated)),
        },
        body: '',
      };
    }
    if (state.kind === 'vip-only') return { status: 426, headers: TRAKT_ORIGIN_HEADERS, body: '' };
    // 420 "can have an empty body and no limit headers" (user-account-limits.md).
    if (state.kind === 'account-limit') return { status: 420, headers: TRAKT_ORIGIN_HEADERS, body: '' };
    if (state.kind === 'garbage-200') return { status: 200, headers: JSON_HEADERS, body: '{"user": {"username": ' };
    if (state.kind === 'huge-200') return { status: 200, headers: JSON_HEADERS, body: Buffer.alloc(state.bytes, 0x20) };
    return account;
  };
  const stateOf = (path: string): TraktApiState =>
    emulator.nextStates[path]?.shift() ?? emulator.pathStates[path] ?? emulator.state;
  const bearerOf = (request: RecordedRequest) => /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
  const isReply = (value: Reply | TraktAccountFixture): value is Reply => 'status' in value;

  host.route('GET', '/users/settings', (request): Reply => {
    const passed = gate(request, stateOf(request.path));
    return isReply(passed) ? passed : { status: 200, headers: JSON_HEADERS, body: settingsBody(passed) };
  });
  // contracts/users: `GET /users/me/history` — newest first, `start_at`/`end_at`, `page`/`limit` (clamped), X-Pagination-*.
  host.route('GET', '/users/me/history', (request): Reply => {
    const passed = gate(request, stateOf(request.path));
    if (isReply(passed)) return passed;
    const startAt = Date.parse(request.query.get('start_at') ?? '');
    const entries = (passed.history ?? [])
      .filter((e) => !Number.isFinite(startAt) || Date.parse(e.watchedAt) >= startAt)
      .sort((a, b) => Date.parse(b.watchedAt) - Date.parse(a.watchedAt));
    const limit = Math.min(Math.max(Number(request.query.get('limit') ?? 10) || 10, 1), 250);
    const page = Math.max(Number(request.query.get('page') ?? 1) || 1, 1);
    const pageCount = Math.max(1, Math.ceil(entries.length / limit));
    return {
      status: 200,
      headers: {
        ...JSON_HEADERS,
        'x-pagination-page': String(page),
        'x-pagination-limit': String(limit),
        'x-pagination-page-count': String(pageCount),
        'x-pagination-item-count': String(entries.length),
      },
      body: entries
        .slice((page - 1) * limit, page * limit)
        .map((e, i) => historyEntryBody(e, (page - 1) * limit + i + 1)),
    };
  });
  // contracts/sync: `GET /sync/last_activities` — the newest watch per kind (or the account's planted stamps).
  host.route('GET', '/sync/last_activities', (request): Reply => {
    applyDue();
    const passed = gate(request, stateOf(request.path));
    if (isReply(passed)) return passed;
    return {
      status: 200,
      headers: JSON_HEADERS,
      body: lastActivitiesBody(passed, pausedAt.get(bearerOf(request) ?? '') ?? null),
    };
  });
  // contracts/users: `GET /users/me/watching` — 200 with `watchingResponseSchema` while a scrobble is in
  // progress, 204 (no body) when nothing is.
  host.route('GET', '/users/me/watching', (request): Reply => {
    applyDue();
    const passed = gate(request, stateOf(request.path));
    if (isReply(passed)) return passed;
    const item = watching.get(bearerOf(request) ?? '') ?? null;
    return item
      ? { status: 200, headers: JSON_HEADERS, body: watchingBody(item) }
      : { status: 204, headers: TRAKT_ORIGIN_HEADERS };
  });
  return emulator;
}
