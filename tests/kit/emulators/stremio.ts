import type { HostEmulator, RecordedRequest, Reply } from '../http-host';
import { STREMIO_TRAKT_CLIENT_ID as REAL_STREMIO_CLIENT_ID } from '../../../electron/engine/clients/stremio/auth-url';
import { installTraktApi, type TraktApiEmulator } from './trakt-api';
import { installTraktSignInWorlds, type SignInWorld, type TraktSignInWorld } from './trakt-sign-in-worlds';

/**
 * Stremio's account API and web host as stremio-core `src/types/api/` defines them: `POST /api/<method>` with a JSON
 * body tagged by `type`, answering `{result}` or `{error:{message,code}}` (stremio-core
 * `src/types/api/response.rs`); `GET /trakt/auth/<_id>` redirecting the browser to Trakt's authorize
 * page with Stremio's client_id and `redirect_uri=https://www.strem.io/trakt/auth_cb` (stremio-bugs#1427,
 * trakt-api#646), its `Location` naming the real host without a port, as Stremio's server does. Public
 * sources record the error envelope, not Stremio's exact error texts: the
 * messages below are placeholders in that envelope.
 */

/** A Stremio account. `trakt` is stored as given (tests plant malformed values too). */
export interface StremioAccountFixture {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly authKey: string;
  readonly trakt: unknown;
  /** The account's library (`datastoreGet` on `libraryItem`): LibraryItem JSON values, see `libraryItem`. */
  readonly library?: readonly unknown[];
  /** The account's add-on collection (`addonCollectionGet`): Descriptor JSON values, see `addonDescriptor`. */
  readonly addons?: readonly unknown[];
}

/** How `POST /api/events` answers (the path scrobbles travel). */
export type EventsPathBehaviour =
  /** Stremio's API refuses a request without an auth key with its error envelope. */
  | 'normal'
  /** A filter drops the connection for this path only. */
  | 'dropped'
  /** A filter answers for the server with its own page. */
  | 'blocker-page';

/** How `www.strem.io/trakt/auth/<id>` answers. */
export type AuthRedirectBehaviour =
  /** What Stremio sends (stremio-bugs#1427): the authorize page on the API host; `challenge` = a Stremio that sends its own PKCE challenge. */
  | { readonly kind: 'api-host'; readonly challenge?: string }
  /** What Trakt's docs ask for: the authorize page on the auth host. */
  | { readonly kind: 'auth-host' }
  /** A Stremio-side outage (stremio-features#675 "not found", stremio-bugs#1999 500). */
  | { readonly kind: 'status'; readonly status: number; readonly body?: string }
  | { readonly kind: 'no-redirect' }
  /** A raw `Location` header (bad-input tests). */
  | { readonly kind: 'location'; readonly location: string }
  | { readonly kind: 'loop' };

/** How `api.strem.io` answers, beyond the normal account logic. */
export type StremioApiMode = 'normal' | 'garbage' | 'huge' | 'outage';

/** Control over the emulated Stremio services. */
export interface StremioEmulator {
  addAccount(account: StremioAccountFixture): void;
  authRedirect: AuthRedirectBehaviour;
  apiMode: StremioApiMode;
  eventsPath: EventsPathBehaviour;
  /** A forced answer for one API method (e.g. garbage for `datastoreGet` only). */
  methodReplies: Partial<Record<string, Reply>>;
  /** The Trakt client_id Stremio's server puts in its redirect. */
  readonly traktClientId: string;
  apiRequests(method: string): RecordedRequest[];
  /**
   * Stremio storing a re-link (docs/testing.md "Shaping the world"): the account's `user.trakt` becomes `trakt`
   * once `when` holds — after so many more `getUser` reads of the account (`afterReads`), or from a time
   * (`atMs`, epoch ms); at once without `when`.
   */
  relink(accountId: string, trakt: unknown, when?: { readonly afterReads?: number; readonly atMs?: number }): void;
}

/** Stremio's public Trakt client_id (the engine offers a corrected link only for it). */
export const STREMIO_TRAKT_CLIENT_ID = REAL_STREMIO_CLIENT_ID;

/** The user object getUser/login return (stremio-core `User`). */
export function userBody(account: StremioAccountFixture): object {
  return {
    _id: account.id,
    email: account.email,
    fbId: '',
    avatar: '',
    lastModified: '2026-11-20T08:00:00.000Z',
    dateRegistered: '2021-02-03T04:05:06.000Z',
    trakt: account.trakt,
    premium_expire: null,
    gdpr_consent: { tos: true, privacy: true, marketing: false, from: 'web' },
  };
}

function authorizeQuery(clientId: string, challenge?: string): string {
  return new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: 'https://www.strem.io/trakt/auth_cb',
    ...(challenge ? { code_challenge: challenge, code_challenge_method: 'S256' } : {}),
  }).toString();
}

/** Installs the routes on `world.stremioApi` and `world.stremioWeb`. */
export function installStremio(
  api: HostEmulator,
  web: HostEmulator,
  clientId = STREMIO_TRAKT_CLIENT_ID,
): StremioEmulator {
  const accounts = new Map<string, StremioAccountFixture>();
  const emulator: StremioEmulator = {
    addAccount: (account) => {
      accounts.set(account.id, account);
      web.route('GET', `/trakt/auth/${account.id}`, () => redirectFor(account));
    },
    authRedirect: { kind: 'api-host' },
    apiMode: 'normal',
    eventsPath: 'normal',
    methodReplies: {},
    traktClientId: clientId,
    apiRequests: (method) => api.requests.filter((r) => r.path === `/api/${method}`),
    relink: (accountId, trakt, when) => {
      const readsAtStart = emulator.apiRequests('getUser').length;
      relinks.set(accountId, {
        trakt,
        due: () =>
          (when?.afterReads === undefined || emulator.apiRequests('getUser').length - readsAtStart > when.afterReads) &&
          (when?.atMs === undefined || Date.now() >= when.atMs),
      });
    },
  };
  const relinks = new Map<string, { readonly trakt: unknown; readonly due: () => boolean }>();
  /** The account as it is now: a scripted re-link that is due replaces its Trakt link for good. */
  const current = (account: StremioAccountFixture): StremioAccountFixture => {
    const relinked = relinks.get(account.id);
    if (!relinked?.due()) return account;
    relinks.delete(account.id);
    const updated = { ...account, trakt: relinked.trakt };
    accounts.set(account.id, updated);
    return updated;
  };

  const redirectFor = (account: StremioAccountFixture): Reply => {
    const behaviour = emulator.authRedirect;
    const found = (location: string): Reply => ({
      status: 302,
      headers: { location, 'content-type': 'text/plain; charset=utf-8' },
      body: `Found. Redirecting to ${location}`,
    });
    switch (behaviour.kind) {
      case 'api-host':
        return found(`https://api.trakt.tv/oauth/authorize?${authorizeQuery(clientId, behaviour.challenge)}`);
      case 'auth-host':
        return found(`https://auth.trakt.tv/oauth/authorize?${authorizeQuery(clientId)}`);
      case 'status':
        return {
          status: behaviour.status,
          headers: { 'content-type': 'text/html' },
          body: behaviour.body ?? `<html><body>Error ${behaviour.status}</body></html>`,
        };
      case 'no-redirect':
        return { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><title>Stremio</title>' };
      case 'location':
        return { status: 302, headers: { location: behaviour.location }, body: '' };
      case 'loop':
        return found(`https://www.strem.io/trakt/auth/${account.id}`);
    }
  };

  const special = (method?: string): Reply | null => {
    const forced = method ? emulator.methodReplies[method] : undefined;
    if (forced) return forced;
    if (emulator.apiMode === 'garbage')
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: '{"result": {"authKey": "x", "user": [1, 2,',
      };
    if (emulator.apiMode === 'huge')
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: Buffer.alloc(30 * 1024 * 1024, 0x20),
      };
    if (emulator.apiMode === 'outage')
      return {
        status: 502,
        headers: { 'content-type': 'text/html' },
        body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
      };
    return null;
  };
  const parse = (request: RecordedRequest): Record<string, unknown> | null => {
    try {
      const body: unknown = JSON.parse(request.body);
      return body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  };
  const error = (message: string, code: number): Reply => ({ status: 200, body: { error: { message, code } } });

  api.route('POST', '/api/login', (request) => {
    const forced = special();
    if (forced) return forced;
    const body = parse(request);
    if (!body || body.type !== 'Login') return error('Invalid request', 0);
    const account = [...accounts.values()].find((a) => a.email === body.email);
    if (!account) return error('User not found', 2);
    if (account.password !== body.password) return error('Wrong passphrase', 3);
    return { status: 200, body: { result: { authKey: account.authKey, user: userBody(current(account)) } } };
  });
  api.route('POST', '/api/getUser', (request) => {
    const forced = special();
    if (forced) return forced;
    const body = parse(request);
    if (!body || body.type !== 'GetUser') return error('Invalid request', 0);
    const account = [...accounts.values()].find((a) => a.authKey === body.authKey);
    if (!account) return error('Session does not exist', 1);
    return { status: 200, body: { result: userBody(current(account)) } };
  });
  const byAuthKey = (body: Record<string, unknown> | null) =>
    [...accounts.values()].find((a) => body !== null && a.authKey === body.authKey);
  // stremio-core request.rs: `{type:"AddonCollectionGet", authKey, update}` → `{addons, lastModified}`.
  api.route('POST', '/api/addonCollectionGet', (request) => {
    const forced = special('addonCollectionGet');
    if (forced) return forced;
    const body = parse(request);
    if (!body || body.type !== 'AddonCollectionGet') return error('Invalid request', 0);
    const account = byAuthKey(body);
    if (!account) return error('Session does not exist', 1);
    return {
      status: 200,
      body: { result: { addons: account.addons ?? [], lastModified: '2026-11-20T08:00:00.000Z' } },
    };
  });
  // stremio-core DatastoreRequest: `{authKey, collection, ids, all}` (untagged) → `[LibraryItem…]`.
  api.route('POST', '/api/datastoreGet', (request) => {
    const forced = special('datastoreGet');
    if (forced) return forced;
    const body = parse(request);
    if (!body || body.collection !== 'libraryItem') return error('Invalid request', 0);
    const account = byAuthKey(body);
    if (!account) return error('Session does not exist', 1);
    return { status: 200, body: { result: account.library ?? [] } };
  });
  // The events path: without an auth key Stremio cannot tie a batch to an account (placeholder message).
  api.route('POST', '/api/events', (request) => {
    if (emulator.eventsPath === 'dropped') return { status: 200, destroy: true };
    if (emulator.eventsPath === 'blocker-page')
      return { status: 200, headers: { 'content-type': 'text/html' }, body: '<html><body>Blocked</body></html>' };
    const forced = special('events');
    if (forced) return forced;
    const body = parse(request);
    if (!body || body.type !== 'Events') return error('Invalid request', 0);
    if (!byAuthKey(body)) return error('Session does not exist', 1);
    return { status: 200, body: { result: { success: true } } };
  });
  return emulator;
}

/** One library item as the test plants it. */
export interface LibraryFixture {
  readonly id: string;
  readonly name: string;
  readonly type?: 'movie' | 'series' | 'other';
  /** ISO-8601, or null when never watched. */
  readonly lastWatched: string | null;
  /** ms */
  readonly timeWatched?: number;
  /** ms */
  readonly duration?: number;
  readonly flaggedWatched?: 0 | 1;
  readonly videoId?: string;
  readonly removed?: boolean;
  readonly temp?: boolean;
}

/** A LibraryItem JSON value (stremio-core `src/types/library/library_item.rs`). */
export function libraryItem(f: LibraryFixture): object {
  return {
    _id: f.id,
    name: f.name,
    type: f.type ?? 'movie',
    poster: `https://images.metahub.space/poster/medium/${f.id}/img`,
    posterShape: 'poster',
    removed: f.removed ?? false,
    temp: f.temp ?? false,
    _ctime: '2025-01-01T00:00:00.000Z',
    _mtime: f.lastWatched ?? '2025-01-01T00:00:00.000Z',
    state: {
      lastWatched: f.lastWatched,
      timeWatched: f.timeWatched ?? 0,
      timeOffset: 0,
      overallTimeWatched: f.timeWatched ?? 0,
      timesWatched: f.flaggedWatched ? 1 : 0,
      flaggedWatched: f.flaggedWatched ?? 0,
      duration: f.duration ?? 0,
      video_id: f.videoId ?? null,
      watched: null,
      lastVidReleased: null,
      noNotif: false,
    },
    behaviorHints: { defaultVideoId: null, featuredVideoId: null, hasScheduledVideos: false },
  };
}

/** An add-on Descriptor JSON value (`{manifest, transportUrl, flags}`). */
export function addonDescriptor(id: string, name: string, transportUrl: string, official = false): object {
  return {
    manifest: {
      id,
      version: '1.0.0',
      name,
      description: `${name} add-on`,
      resources: ['catalog'],
      types: ['movie'],
      catalogs: [],
    },
    transportUrl,
    flags: { official, protected: official },
  };
}

/** Cinemeta, Stremio's official IMDb catalog. */
export const CINEMETA = addonDescriptor(
  'com.linvo.cinemeta',
  'Cinemeta',
  'https://v3-cinemeta.strem.io/manifest.json',
  true,
);

/** Stremio's own Trakt add-on for an account (stremio-core update_trakt_addon.rs). */
export function stremioTraktAddon(accountId: string): object {
  return addonDescriptor(
    'org.stremio.trakt',
    'Trakt Integration',
    `https://www.strem.io/trakt/addon/${accountId}/manifest.json`,
    true,
  );
}

/** The world pieces the Token and Revoked steps talk to. */
export interface TokenWorldHosts {
  readonly stremioApi: HostEmulator;
  readonly stremioWeb: HostEmulator;
  readonly traktApi: HostEmulator;
  readonly traktWeb: HostEmulator;
}

/**
 * Installs Stremio (redirecting with its client_id), the Trakt API (approving that client_id) and
 * Trakt's browser sign-in in `signInWorld` (default `legacy`: the API host's 400) on a world.
 */
export function installTokenWorld(
  world: TokenWorldHosts,
  signInWorld: SignInWorld = 'legacy',
): {
  readonly stremio: StremioEmulator;
  readonly trakt: TraktApiEmulator;
  readonly signIn: TraktSignInWorld;
} {
  const stremio = installStremio(world.stremioApi, world.stremioWeb);
  const trakt = installTraktApi(world.traktApi, [stremio.traktClientId]);
  const signIn = installTraktSignInWorlds(world, signInWorld);
  return { stremio, trakt, signIn };
}
