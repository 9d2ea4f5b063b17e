import { accountIdOfPath } from '../../core/account-path';

/**
 * Stremio's own Trakt sign-in link, as its server builds it (stremio-bugs#1427 shows the redirect:
 * `api.trakt.tv/oauth/authorize?client_id=0e861f52…&redirect_uri=https://www.strem.io/trakt/auth_cb&response_type=code`,
 * no `state`, no PKCE challenge). A corrected link is offered only for this client and return address.
 */

/** Stremio's public Trakt client_id (it is in every sign-in link Stremio's server sends). */
export const STREMIO_TRAKT_CLIENT_ID = '0e861f52c7365efe6da5ea3e2e6641b8d25d87aca3133e8d4f7dc8487368d14b';

/** Where Trakt sends the browser back to Stremio; Stremio's server exchanges the code there. */
export const STREMIO_TRAKT_CALLBACK = 'https://www.strem.io/trakt/auth_cb';

/** The path of Stremio's start link for an account (`/trakt/auth/<user _id>`). */
export function stremioStartPath(userId: string): string {
  return `/trakt/auth/${encodeURIComponent(userId)}`;
}

/**
 * The Stremio account id an address names, in every form it is written in — the segment as it stands
 * (percent-escapes and all) and decoded — from Stremio's sign-in start link (`/trakt/auth/<id>`, any case,
 * anything after the id) on any host (a pasted or mapped address names the account all the same). Empty
 * when the address names none. A paste without a scheme is read as https, as browsers show addresses.
 */
export function accountIdsInUrl(raw: string): readonly string[] {
  const text = raw.trim();
  let pathname: string;
  try {
    pathname = new URL(/^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`).pathname;
  } catch {
    return [];
  }
  const id = accountIdOfPath(pathname);
  return id ? [...new Set([id.raw, id.decoded])] : [];
}
