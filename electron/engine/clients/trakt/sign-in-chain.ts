import type { HopPage } from '../../../../shared/check-details/sign-in-chain';
import { cloudflareBlock, type CloudflareBlock } from '../../net/answerer';
import type { NetFailureKind } from '../../net/http-client';
import type { EngineContext } from '../../runtime/context';
import { endpointOf, isTraktEndpoint, targetOf, type SignInEndpoint } from '../../runtime/endpoint-hosts';
import { originHeaders, sniffPage, SNIFF_BYTES, type OriginHeaders } from './sign-in-page';

/**
 * Follows Trakt's sign-in chain as a browser without cookies would: from Stremio's start link or a
 * pasted address, every redirect through the configured Stremio and Trakt endpoints, recording each
 * hop, until the first page that needs the user, an error, or a redirect back to the `redirect_uri`
 * (read, never requested). A host that is no configured endpoint is recorded, never requested.
 */

/** Requests per chain; the 11th redirect is reported as too many. */
export const MAX_HOPS = 10;
const MAX_URL_CHARS = 8192;
/** Stremio's callback on its web host: the end of the chain even when no `redirect_uri` was seen. */
const STREMIO_CALLBACK_PATH = '/trakt/auth_cb';

/** One hop as followed (its URL holds secret values: the report keeps parameter names only). */
export interface ChainHopRecord {
  /** The address with the real host name. */
  readonly url: URL;
  readonly endpoint: SignInEndpoint | null;
  readonly requested: boolean;
  readonly status: number | null;
  readonly page: HopPage;
  readonly origin: OriginHeaders;
  readonly ms: number | null;
  readonly failure: { readonly kind: NetFailureKind; readonly message: string } | null;
  /** The body was longer than the sniffed part (the rest was not read). */
  readonly truncated: boolean;
}

/** How a chain ended; the last hop is the one that ended it. */
export type ChainEnd =
  | { readonly kind: 'user-page'; readonly page: 'sign-in' | 'consent' }
  | {
      readonly kind: 'redirect-uri';
      readonly error: string | null;
      readonly description: string | null;
      readonly hasCode: boolean;
    }
  | { readonly kind: 'http-error'; readonly status: number }
  /** Cloudflare's page: `block` says what it is when it is its block or temporary ban (null: a challenge page). */
  | { readonly kind: 'cloudflare'; readonly block: CloudflareBlock | null }
  | { readonly kind: 'other-page'; readonly status: number }
  | { readonly kind: 'no-location'; readonly status: number }
  | { readonly kind: 'bad-location'; readonly location: string }
  | { readonly kind: 'unknown-host'; readonly host: string }
  | { readonly kind: 'loop' }
  | { readonly kind: 'too-many-hops' }
  | { readonly kind: 'network'; readonly failure: NetFailureKind; readonly message: string }
  | { readonly kind: 'not-a-url' }
  /** `stopAtTrakt`: the next address is on a Trakt host (recorded, not requested). */
  | { readonly kind: 'handoff' };

/** A followed chain. */
export interface FollowedChain {
  readonly hops: readonly ChainHopRecord[];
  readonly end: ChainEnd;
}

/** Options of one chain. */
export interface FollowOptions {
  readonly signal?: AbortSignal;
  /** Time for the whole chain; each request gets the rest of it (at most the probe timeout). */
  readonly budgetMs: number;
  /** Stop before the first Trakt address: only Stremio's side is followed (to read its client_id). */
  readonly stopAtTrakt?: boolean;
}

type ChainContext = Pick<EngineContext, 'http' | 'config' | 'secrets'>;

/** Parses an address: absolute, relative to `base`, or (without `base`) scheme-less as browsers show it. */
export function parseAddress(raw: string, base?: URL): URL | null {
  // The URL parser silently drops tabs and newlines; an address holding any control character or space is refused instead.
  if (raw.length === 0 || raw.length > MAX_URL_CHARS || [...raw].some((c) => c.charCodeAt(0) <= 0x20)) return null;
  const candidate = !base && !/^[a-z][a-z0-9+.-]*:/i.test(raw) ? `https://${raw}` : raw;
  try {
    const url = base ? new URL(candidate, base) : new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

const NO_ORIGIN: OriginHeaders = { server: null, cfRay: null, xRuntime: null };

function notRequested(url: URL, endpoint: SignInEndpoint | null): ChainHopRecord {
  return {
    url,
    endpoint,
    requested: false,
    status: null,
    page: 'not-requested',
    origin: NO_ORIGIN,
    ms: null,
    failure: null,
    truncated: false,
  };
}

/** True when `url` is the `redirect_uri` (same host by name and path) or Stremio's callback. */
function isRedirectUri(url: URL, redirectUri: URL | null, ctx: ChainContext): boolean {
  const endpoint = endpointOf(url, ctx.config.endpoints);
  const path = url.pathname.replace(/\/+$/, '');
  if (endpoint === 'stremioWeb' && path === STREMIO_CALLBACK_PATH) return true;
  if (!redirectUri) return false;
  const sameHost =
    url.host === redirectUri.host || (endpoint !== null && endpoint === endpointOf(redirectUri, ctx.config.endpoints));
  return sameHost && path === redirectUri.pathname.replace(/\/+$/, '');
}

/** Registers the secret values an address carries before anything can log it. */
function registerSecrets(ctx: ChainContext, url: URL): void {
  ctx.secrets.add(url.searchParams.get('state'), 'state');
  ctx.secrets.add(url.searchParams.get('code'), 'code');
}

/** Follows the chain from `start` (an absolute address, or one pasted without its scheme). */
export async function followSignInChain(
  ctx: ChainContext,
  start: string,
  options: FollowOptions,
): Promise<FollowedChain> {
  const first = parseAddress(start.trim());
  if (!first) return { hops: [], end: { kind: 'not-a-url' } };
  const deadline = performance.now() + options.budgetMs;
  const hops: ChainHopRecord[] = [];
  const seen = new Set<string>();
  let redirectUri: URL | null = null;
  let url = first;
  for (;;) {
    registerSecrets(ctx, url);
    const target = targetOf(url, ctx.config.endpoints);
    const real = target ? new URL(target.realUrl) : url;
    if (isRedirectUri(url, redirectUri, ctx)) {
      hops.push(notRequested(real, target?.endpoint ?? null));
      return {
        hops,
        end: {
          kind: 'redirect-uri',
          error: url.searchParams.get('error'),
          description: url.searchParams.get('error_description'),
          hasCode: url.searchParams.has('code'),
        },
      };
    }
    const named = url.searchParams.get('redirect_uri');
    redirectUri ??= named ? parseAddress(named) : null;
    if (!target) {
      hops.push(notRequested(real, null));
      return { hops, end: { kind: 'unknown-host', host: url.host } };
    }
    if (options.stopAtTrakt && isTraktEndpoint(target.endpoint)) {
      hops.push(notRequested(real, target.endpoint));
      return { hops, end: { kind: 'handoff' } };
    }
    if (seen.has(target.realUrl)) {
      hops.push(notRequested(real, target.endpoint));
      return { hops, end: { kind: 'loop' } };
    }
    if (hops.length >= MAX_HOPS) return { hops, end: { kind: 'too-many-hops' } };
    seen.add(target.realUrl);

    const remaining = Math.max(1, Math.floor(deadline - performance.now()));
    const started = performance.now();
    const answer = await ctx.http.request({
      url: target.requestUrl,
      maxBytes: SNIFF_BYTES,
      timeoutMs: Math.min(ctx.config.timeouts.probeMs, remaining),
      // A signal of its own per hop: the HTTP client leaves a listener on the signal it gets, and ten
      // hops on the check's one signal would pass Node's listener limit.
      ...(options.signal ? { signal: AbortSignal.any([options.signal]) } : {}),
    });
    const ms = Math.round(performance.now() - started);
    if (!answer.ok) {
      hops.push({
        ...notRequested(real, target.endpoint),
        requested: true,
        page: 'no-answer',
        ms,
        failure: { kind: answer.kind, message: answer.message },
      });
      return { hops, end: { kind: 'network', failure: answer.kind, message: answer.message } };
    }
    const page = sniffPage(answer.status, answer.headers, answer.body);
    hops.push({
      url: real,
      endpoint: target.endpoint,
      requested: true,
      status: answer.status,
      page,
      origin: originHeaders(answer.headers),
      ms,
      failure: null,
      truncated: answer.truncated,
    });
    if (page === 'cloudflare')
      return { hops, end: { kind: 'cloudflare', block: cloudflareBlock(answer.status, answer.headers, answer.body) } };
    if (answer.status >= 400) return { hops, end: { kind: 'http-error', status: answer.status } };
    if (page === 'sign-in' || page === 'consent') return { hops, end: { kind: 'user-page', page } };
    if (page !== 'redirect') return { hops, end: { kind: 'other-page', status: answer.status } };
    const location = typeof answer.headers.location === 'string' ? answer.headers.location : null;
    if (location === null) return { hops, end: { kind: 'no-location', status: answer.status } };
    // A relative Location resolves against the real address, so that it keeps naming the real host.
    const next = parseAddress(location.trim(), real);
    if (!next) return { hops, end: { kind: 'bad-location', location: location.slice(0, 120) } };
    url = next;
  }
}
