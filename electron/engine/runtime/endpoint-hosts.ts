import { DEFAULT_ENDPOINTS, type Config } from '../core/config';

/**
 * Host identity by *name*. Stremio's and Trakt's servers answer with `Location`s naming their real hosts
 * (`https://trakt.tv/…`, no port); the configuration may give each endpoint another origin (a test port, a
 * mirror). An address naming a real host — or a configured endpoint's own host — is that endpoint: it is
 * requested at the configured origin, and shown to the user with the real host name.
 */

/** The endpoints a sign-in chain may pass through. */
export const SIGN_IN_ENDPOINTS = ['stremioWeb', 'traktApi', 'traktWeb', 'traktAuth'] as const;
/** An endpoint of the sign-in chain. */
export type SignInEndpoint = (typeof SIGN_IN_ENDPOINTS)[number];

/** An address mapped to its endpoint. */
export interface EndpointTarget {
  readonly endpoint: SignInEndpoint;
  /** The address with the real host name (`https://trakt.tv/path?query`): what users see and browsers open. */
  readonly realUrl: string;
  /** The same path and query at the configured origin: what the engine requests. */
  readonly requestUrl: string;
}

/** The real host name of an endpoint (`trakt.tv`), whatever the configuration says. */
export function realHostOf(endpoint: SignInEndpoint): string {
  return new URL(DEFAULT_ENDPOINTS[endpoint]).host;
}

/** True for Trakt's hosts (API, website, auth). */
export function isTraktEndpoint(endpoint: SignInEndpoint): boolean {
  return endpoint !== 'stremioWeb';
}

/** The endpoint `url` names — by its real host name (default port only) or the configured host — or null. */
export function endpointOf(url: URL, endpoints: Config['endpoints']): SignInEndpoint | null {
  for (const endpoint of SIGN_IN_ENDPOINTS) {
    if (url.port === '' && url.hostname === realHostOf(endpoint)) return endpoint;
    if (url.host === new URL(endpoints[endpoint]).host) return endpoint;
  }
  return null;
}

/** Maps `url` to its endpoint: the real address and the one to request; null when no endpoint has its host. */
export function targetOf(url: URL, endpoints: Config['endpoints']): EndpointTarget | null {
  const endpoint = endpointOf(url, endpoints);
  if (!endpoint) return null;
  const tail = `${url.pathname}${url.search}`;
  return {
    endpoint,
    realUrl: `https://${realHostOf(endpoint)}${tail}${url.hash}`,
    requestUrl: `${new URL(endpoints[endpoint]).origin}${tail}`,
  };
}
