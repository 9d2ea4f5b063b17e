import type { HttpOutcome } from '../../net/http-client';
import type { EngineContext } from '../../runtime/context';

/**
 * One authenticated, read-only GET on Trakt's API (trakt-api guides/required-headers.md): the shared first half
 * of every Trakt read (`/users/settings`, `/users/me/history`, `/sync/last_activities`). Its answers are classified
 * by one table (`classifyUsersSettings`, `traktGet` in `users-settings.ts`).
 */

/** The context pieces a Trakt read uses. */
export type TraktApiContext = Pick<EngineContext, 'config' | 'http' | 'secrets' | 'now'>;

/** Who asks: the bearer token (registered as a secret before anything is sent) and the `trakt-api-key`. */
export interface TraktApiRequest {
  readonly accessToken: string;
  /** A public client_id: Stremio's as seen in its redirect, or the wizard's. */
  readonly clientId: string;
  readonly signal?: AbortSignal;
}

/** What one GET asks for. */
export interface TraktGet {
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Bytes read at most (the rest is cut: `truncated`). */
  readonly maxBytes: number;
}

/**
 * The headers Trakt requires: JSON content type, `trakt-api-key`, `trakt-api-version: 2`, the bearer token. The
 * User-Agent is added by the HTTP client (a request without one gets Cloudflare's WAF 403, trakt-api#670).
 */
export function traktApiHeaders(clientId: string, accessToken: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'trakt-api-key': clientId,
    'trakt-api-version': '2',
    authorization: `Bearer ${accessToken}`,
  };
}

/** Sends the GET (the token registered as a secret first) and returns the exchange as it is. */
export function sendTraktGet(ctx: TraktApiContext, request: TraktApiRequest, get: TraktGet): Promise<HttpOutcome> {
  ctx.secrets.add(request.accessToken, 'token');
  const url = new URL(get.path, ctx.config.endpoints.traktApi);
  for (const [name, value] of Object.entries(get.query ?? {})) url.searchParams.set(name, value);
  return ctx.http.request({
    url: url.toString(),
    headers: traktApiHeaders(request.clientId, request.accessToken),
    maxBytes: get.maxBytes,
    ...(request.signal ? { signal: request.signal } : {}),
  });
}
