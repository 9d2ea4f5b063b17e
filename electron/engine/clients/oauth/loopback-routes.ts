import type { PageKind } from './callback-page';
import { secretEquals } from './pkce';

/**
 * What the loopback redirect receiver does with each request (RFC 8252 §7.3, §8.3, §8.9), as pure rules: the
 * counter a request bumps, the answer it gets, and the callback it settles. The server
 * (`loopback-server.ts`) only applies them.
 */

/** Counts of what the server received, by kind (reported as evidence, and by the fuzz test). */
export interface LoopbackStats {
  /** The valid callback (0 or 1). */
  accepted: number;
  /** Requests for another path (favicon.ico, probes). */
  wrongPath: number;
  /** Methods other than GET on the callback path. */
  wrongMethod: number;
  /** A Host header other than the redirect URI's (DNS rebinding). */
  wrongHost: number;
  /** Callback-path requests with a missing, repeated or wrong `state` (possible interference: any web page can send them). */
  stateMismatch: number;
  /** Right state but neither `code` nor `error`, or a repeated one. */
  incomplete: number;
  /** Requests Node's parser refused (bad request line, bad header, smuggling attempts). */
  malformed: number;
  /** Header sections over the size limit. */
  oversized: number;
  /** Connections dropped for sending headers too slowly (slow-loris). */
  timedOut: number;
}

/** How the callback wait ended. */
export type CallbackResult =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'error'; readonly error: string; readonly description: string | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' };

/** Nothing counted yet. */
export function emptyStats(): LoopbackStats {
  return {
    accepted: 0,
    wrongPath: 0,
    wrongMethod: 0,
    wrongHost: 0,
    stateMismatch: 0,
    incomplete: 0,
    malformed: 0,
    oversized: 0,
    timedOut: 0,
  };
}

/** One request as the rules see it. */
export interface CallbackRequest {
  readonly method: string | undefined;
  /** The raw request target (`/callback?code=…`), never parsed as a URL. */
  readonly rawUrl: string;
  readonly host: string | undefined;
}

/** What the server expects of the one valid callback. */
export interface CallbackExpectation {
  readonly path: string;
  /** `127.0.0.1:<port>`. */
  readonly host: string;
  readonly state: string;
  /** The wait already settled: every later request is answered as not found. */
  readonly settled: boolean;
}

/** The server's answer to one request. */
export interface CallbackRoute {
  readonly count: keyof LoopbackStats;
  readonly status: number;
  readonly page: PageKind;
  readonly headers?: Readonly<Record<string, string>>;
  /** The `state` values a callback with a wrong state carried (to describe it; never kept). */
  readonly strayStates?: readonly string[];
  /** The callback this request settles. */
  readonly settles?: Extract<CallbackResult, { kind: 'code' | 'error' }>;
}

/** Routes one request: the callback path, GET, the redirect URI's Host, the pending `state`, then `code` or `error`. */
export function routeCallback(request: CallbackRequest, expected: CallbackExpectation): CallbackRoute {
  const raw = request.rawUrl;
  const query = raw.indexOf('?');
  const rawPath = query < 0 ? raw : raw.slice(0, query);
  // The raw path, not a parsed URL: `//evil.example/callback` parses to host evil.example, path /callback.
  if (rawPath !== expected.path || expected.settled) return { count: 'wrongPath', status: 404, page: 'not-found' };
  // GET only: a HEAD (a prefetch, a link checker) must not consume the one-time callback.
  if (request.method !== 'GET')
    return { count: 'wrongMethod', status: 405, page: 'rejected', headers: { allow: 'GET' } };
  if (request.host !== expected.host) return { count: 'wrongHost', status: 400, page: 'rejected' };
  const params = new URLSearchParams(query < 0 ? '' : raw.slice(query + 1));
  const states = params.getAll('state');
  // RFC 8252 §8.9: reject any response whose state does not match the pending request's.
  if (states.length !== 1 || !secretEquals(states[0], expected.state))
    return { count: 'stateMismatch', status: 400, page: 'rejected', strayStates: states };
  const codes = params.getAll('code');
  const errors = params.getAll('error');
  if (codes.length === 1 && errors.length === 0 && codes[0])
    return { count: 'accepted', status: 200, page: 'done', settles: { kind: 'code', code: codes[0] } };
  if (errors.length === 1 && codes.length === 0 && errors[0])
    return {
      count: 'accepted',
      status: 200,
      page: errors[0] === 'access_denied' ? 'denied' : 'error',
      settles: {
        kind: 'error',
        error: errors[0].slice(0, 100),
        description: params.get('error_description')?.slice(0, 500) ?? null,
      },
    };
  return { count: 'incomplete', status: 400, page: 'rejected' };
}

/** How a connection Node's parser refused is counted and answered; null = dropped silently (a reset). */
export function clientErrorRoute(
  code: string,
): { readonly count: keyof LoopbackStats; readonly status: string } | null {
  if (code === 'ECONNRESET') return null;
  if (code === 'HPE_HEADER_OVERFLOW') return { count: 'oversized', status: '431 Request Header Fields Too Large' };
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT')
    return { count: 'timedOut', status: '408 Request Timeout' };
  return { count: 'malformed', status: code.includes('TIMEOUT') ? '408 Request Timeout' : '400 Bad Request' };
}

/** Why the port could not be opened, in English (evidence). */
export function listenReason(code: string | undefined, port: number): string {
  if (code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use by another program`;
  if (code === 'EACCES' || code === 'EPERM')
    return `opening port ${port} on 127.0.0.1 was not permitted (a firewall or security software may block it)`;
  if (code === 'EADDRNOTAVAIL') return '127.0.0.1 is not available on this machine';
  return `port ${port} on 127.0.0.1 could not be opened (${code ?? 'unknown error'})`;
}
