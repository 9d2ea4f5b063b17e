import { maskAccountPath } from '../../core/account-path';
import { isTraktEndpoint } from '../../runtime/endpoint-hosts';
import type { ChainHopRecord, FollowedChain } from './sign-in-chain';

/**
 * Reads a followed chain: the client's own authorize link (the first Trakt address), whether Trakt
 * added a PKCE challenge the client did not send (trakt/trakt-api#887, MunifTanjim/stremthru#571), and
 * the hop-by-hop record a report carries (parameter names only, user ids masked).
 */

/** The client's authorize link: the first address on a Trakt host. */
export interface ClientLink {
  readonly hopIndex: number;
  readonly url: URL;
  readonly clientId: string | null;
  readonly redirectUri: string | null;
  readonly sentChallenge: string | null;
}

/** The client's link, or null when the chain never reached a Trakt host. */
export function clientLinkOf(chain: FollowedChain): ClientLink | null {
  const hopIndex = chain.hops.findIndex((h) => h.endpoint !== null && isTraktEndpoint(h.endpoint));
  const hop = chain.hops[hopIndex];
  if (!hop) return null;
  const params = hop.url.searchParams;
  return {
    hopIndex,
    url: hop.url,
    clientId: params.get('client_id'),
    redirectUri: params.get('redirect_uri'),
    sentChallenge: params.get('code_challenge'),
  };
}

/** The first hop carrying a `code_challenge` the client did not send (or a different one), or null. */
export function pkceInjectedAt(chain: FollowedChain): number | null {
  const link = clientLinkOf(chain);
  if (!link) return null;
  for (let i = link.hopIndex + 1; i < chain.hops.length; i++) {
    const hop = chain.hops[i]!;
    if (hop.endpoint === null || !isTraktEndpoint(hop.endpoint)) continue;
    const challenge = hop.url.searchParams.get('code_challenge');
    if (challenge !== null && challenge !== link.sentChallenge) return i;
  }
  return null;
}

/** The last hop (the one that ended the chain), or null for a chain that never started. */
export function lastHop(chain: FollowedChain): ChainHopRecord | null {
  return chain.hops.at(-1) ?? null;
}

/** `host/path` of a hop as a user may see it (Stremio's start link without the account id). */
export function hopPlace(hop: ChainHopRecord): string {
  return `${hop.url.host}${displayPath(hop)}`;
}

/** A hop's path as a report may carry it: the account id in Stremio's start link masked. */
export function displayPath(hop: ChainHopRecord): string {
  // The account id in Stremio's start link is personal, on any host and in any case: it never reaches a report.
  return maskAccountPath(hop.url.pathname);
}

/** The parameter names of an address, each once (values such as `state` or `code` are secret). */
export const parameterNames = (url: URL): string[] => [...new Set(url.searchParams.keys())];
