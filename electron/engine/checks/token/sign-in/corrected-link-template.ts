import { STREMIO_TRAKT_CALLBACK, STREMIO_TRAKT_CLIENT_ID } from '../../../clients/stremio/auth-url';
import type { ClientLink } from '../../../clients/trakt/sign-in-chain-reading';
import { realHostOf, type SignInEndpoint } from '../../../runtime/endpoint-hosts';

/**
 * Where a sign-in link came from, which decides what of it a corrected link may carry (issue 20 N1):
 * - `own-start-link`: Stremio's server sent it for the signed-in account (the engine built the start link
 *   from that account's id, or the user pasted that very start link) — its `state` is the account's own;
 * - `pasted`: an address the user pasted that names no account, or none the wizard can check — nothing of
 *   its query is carried;
 * - `other-account`: a pasted start link of another Stremio account than the one signed in — no fix at all.
 */
export type LinkProvenance = 'own-start-link' | 'pasted' | 'other-account';

/** The provenance of a pasted address, from the account ids it names and the signed-in account's id. */
export function pastedProvenance(namedIds: readonly string[], signedInId: string | null): LinkProvenance {
  if (namedIds.length === 0 || signedInId === null) return 'pasted';
  return namedIds.includes(signedInId) ? 'own-start-link' : 'other-account';
}

/**
 * The corrected sign-in link on `endpoint`, built from a fixed template — `response_type=code`, Stremio's
 * client_id, Stremio's callback — and nothing of the observed link but, for the account's own start link,
 * its `state`. A pasted link's other parameters (a foreign state, a scope, another return address) never
 * ride along into the one-click fix.
 */
export function correctedSignInLink(endpoint: SignInEndpoint, link: ClientLink, provenance: LinkProvenance): string {
  const own = provenance === 'own-start-link';
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: STREMIO_TRAKT_CLIENT_ID,
    redirect_uri: STREMIO_TRAKT_CALLBACK,
  });
  const state = own ? link.url.searchParams.get('state') : null;
  if (state) query.set('state', state);
  return `https://${realHostOf(endpoint)}/oauth/authorize?${query.toString()}`;
}
