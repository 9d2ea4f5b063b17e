import type { HostEmulator, RecordedRequest, Reply } from '../http-host';
import { TRAKT_ORIGIN_HEADERS } from '../world';

/**
 * Trakt's browser sign-in as it answered at different times, each a "world". Every `Location` names the
 * real host without a port, as Trakt's servers do (the engine maps names to the configured endpoints):
 * - `legacy` (2025, trakt-api#646): the API host sends `/oauth/authorize` to its `/auth/signin`, which answers 400;
 * - `forwarding` (trakt/trakt-api#887): the API host answers 301 to the website, which shows the sign-in page;
 * - `migrated` (#887, Radarr/Radarr#11579, MunifTanjim/stremthru#571): 301 to the website, then 307 with a
 *   relative `Location` to `/api/auth/oauth2/authorize`, adding `scope=public offline_access` and its own
 *   constant `code_challenge` unless the client sent one (which passes through untouched), then the sign-in page;
 * - `migrated-500`: the same, with the new endpoint answering 500 (the day #887 was filed);
 * - `rejected`: Trakt sends the browser back to the `redirect_uri` with `error=invalid_client`;
 * - `pkce-required`: the migrated chain without the injected challenge: the new endpoint sends the browser back with
 *   `error=invalid_request&error_description=pkce is required when requesting offline_access scope` (stremthru#571;
 *   the words of better-auth's oauth-provider, whose `/api/auth/oauth2/authorize` path Trakt's new stack answers on).
 */

/** A sign-in world. */
export type SignInWorld = 'legacy' | 'forwarding' | 'migrated' | 'migrated-500' | 'rejected' | 'pkce-required';
/** Every world, for tests that go through all of them. */
export const SIGN_IN_WORLDS: readonly SignInWorld[] = [
  'legacy',
  'forwarding',
  'migrated',
  'migrated-500',
  'rejected',
  'pkce-required',
];

/** The challenge Trakt's new stack injected (stremthru#571 observed it constant). */
export const INJECTED_CHALLENGE = 'skt6UzOvBHFvYLZV3BE-Pdi8Cvyn_b5GyT6pF30inDQ';

/** Trakt's sign-in page as the sniff sees it: a sign-in title and a password field. */
export const SIGN_IN_PAGE: Reply = {
  status: 200,
  headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html; charset=utf-8' },
  body: '<!doctype html><html><head><title>Sign in | Trakt</title></head><body><form method="post" action="/auth/signin"><input name="user[login]"><input type="password" name="user[password]"><button>Sign in</button></form></body></html>',
};

/** Control over the emulated sign-in. */
export interface TraktSignInWorld {
  world: SignInWorld;
}

const html = (status: number, title: string): Reply => ({
  status,
  headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1></body></html>`,
});
const redirect = (status: number, location: string): Reply => ({
  status,
  headers: { ...TRAKT_ORIGIN_HEADERS, location, 'content-type': 'text/html; charset=utf-8' },
  body: `<html><body>You are being <a href="${location}">redirected</a>.</body></html>`,
});
const queryOf = (request: RecordedRequest): string => request.query.toString();

/** Installs the sign-in routes on Trakt's API and website hosts; starts in `world`. */
export function installTraktSignInWorlds(
  hosts: { readonly traktApi: HostEmulator; readonly traktWeb: HostEmulator },
  world: SignInWorld = 'legacy',
): TraktSignInWorld {
  const control: TraktSignInWorld = { world };
  hosts.traktApi.route('GET', '/oauth/authorize', (request) => {
    if (control.world === 'legacy') return redirect(302, 'https://api.trakt.tv/auth/signin');
    return redirect(301, `https://trakt.tv/oauth/authorize?${queryOf(request)}`);
  });
  hosts.traktApi.route('GET', '/auth/signin', () => html(400, '400 Bad Request'));
  hosts.traktWeb.route('GET', '/oauth/authorize', (request) => {
    if (control.world === 'rejected') {
      const back = new URL(request.query.get('redirect_uri') ?? 'https://www.strem.io/trakt/auth_cb');
      back.searchParams.set('error', 'invalid_client');
      back.searchParams.set(
        'error_description',
        'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
      );
      return redirect(302, back.toString());
    }
    if (control.world === 'legacy' || control.world === 'forwarding')
      return redirect(302, 'https://trakt.tv/auth/signin');
    const next = new URLSearchParams(request.query);
    next.set('scope', 'public offline_access');
    if (!next.has('code_challenge') && control.world !== 'pkce-required') {
      next.set('code_challenge', INJECTED_CHALLENGE);
      next.set('code_challenge_method', 'S256');
    }
    return redirect(307, `/api/auth/oauth2/authorize?${next.toString()}`);
  });
  hosts.traktWeb.route('GET', '/api/auth/oauth2/authorize', (request) => {
    if (control.world === 'migrated-500') return html(500, 'Internal Server Error');
    if (request.query.get('scope')?.includes('offline_access') && !request.query.has('code_challenge')) {
      const back = new URL(request.query.get('redirect_uri') ?? 'https://www.strem.io/trakt/auth_cb');
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', 'pkce is required when requesting offline_access scope');
      return redirect(302, back.toString());
    }
    return SIGN_IN_PAGE;
  });
  hosts.traktWeb.route('GET', '/auth/signin', SIGN_IN_PAGE);
  return control;
}
