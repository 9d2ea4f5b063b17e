import type { SignInChain, SignInHop } from '../../../../shared/check-details/sign-in-chain';
import { maskAccountPath } from '../../core/account-path';
import { isTraktEndpoint } from '../../runtime/endpoint-hosts';
import type { ChainEnd, ChainHopRecord, FollowedChain } from './sign-in-chain';

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

function displayPath(hop: ChainHopRecord): string {
  // The account id in Stremio's start link is personal, on any host and in any case: it never reaches a report.
  return maskAccountPath(hop.url.pathname);
}

const names = (url: URL): string[] => [...new Set(url.searchParams.keys())];

/** What a hop changed compared with the one before it, in plain words. */
function changeOf(hop: ChainHopRecord, previous: ChainHopRecord | undefined, injected: boolean): string {
  const notes: string[] = [];
  if (injected) notes.push('Trakt added a PKCE challenge the sign-in link did not carry');
  if (previous && previous.url.host !== hop.url.host) notes.push(`moved from ${previous.url.host} to ${hop.url.host}`);
  if (previous) {
    const before = new Set(names(previous.url));
    // The challenge has its own note; Stremio's start link has no parameters to compare with.
    const added = names(hop.url).filter((n) => !before.has(n) && !(injected && n.startsWith('code_challenge')));
    if (added.length > 0 && before.size > 0) notes.push(`added ${added.join(', ')}`);
  }
  if (!hop.requested && hop.failure === null) notes.push('not requested');
  if (hop.page === 'sign-in') notes.push("Trakt's sign-in page");
  if (hop.page === 'consent') notes.push("Trakt's consent page");
  if (hop.page === 'cloudflare') notes.push("Cloudflare's block page, not Trakt");
  if (hop.failure) notes.push(`no answer (${hop.failure.message})`);
  if (hop.truncated) notes.push('long body, only its start was read');
  return notes.join('; ');
}

/** One sentence saying how a chain ended. */
export function endSentence(chain: FollowedChain): string {
  const last = lastHop(chain);
  const at = last ? ` at ${hopPlace(last)}` : '';
  const end: ChainEnd = chain.end;
  switch (end.kind) {
    case 'user-page':
      return end.page === 'sign-in' ? `Trakt's sign-in page${at}` : `Trakt's consent page${at}`;
    case 'redirect-uri':
      return end.error
        ? `back to the redirect URI with error=${end.error}${end.description ? ` (${end.description})` : ''}`
        : `back to the redirect URI${end.hasCode ? ' with a code' : ''} (read, not requested)`;
    case 'http-error':
      return `HTTP ${end.status}${at}`;
    case 'cloudflare':
      return `Cloudflare's block page${at}`;
    case 'other-page':
      return `a page that is not Trakt's sign-in (HTTP ${end.status})${at}`;
    case 'no-location':
      return `a redirect without a Location (HTTP ${end.status})${at}`;
    case 'bad-location':
      return `a redirect to something that is not a web address${at}`;
    case 'unknown-host':
      return `a redirect to ${end.host}, which is no Stremio or Trakt address (not followed)`;
    case 'loop':
      return `a redirect loop${at}`;
    case 'too-many-hops':
      return `more than ${chain.hops.length} redirects`;
    case 'network':
      return `no answer${at} (${end.message})`;
    case 'not-a-url':
      return 'not a web address';
    case 'handoff':
      return `Trakt's sign-in at ${last ? hopPlace(last) : '?'} (not followed)`;
  }
}

/** The chain as a report carries it. */
export function reportChain(chain: FollowedChain): SignInChain {
  const injected = pkceInjectedAt(chain);
  const hops: SignInHop[] = chain.hops.map((hop, i) => ({
    host: hop.url.host,
    path: displayPath(hop),
    status: hop.status,
    parameters: names(hop.url),
    page: hop.page,
    server: hop.origin.server,
    cfRay: hop.origin.cfRay,
    xRuntime: hop.origin.xRuntime,
    ms: hop.ms,
    change: changeOf(hop, chain.hops[i - 1], injected === i),
  }));
  return { hops, end: endSentence(chain) };
}
