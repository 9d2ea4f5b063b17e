import type { IncomingHttpHeaders } from 'node:http';

/**
 * Requests that reached the loopback callback without the right `state`. Any web page the user has open
 * can send requests to 127.0.0.1 (an image, a `fetch`), so a mismatch proves only that something other
 * than the sign-in reached the port: what each looked like is kept, and the check reads it
 * (`electron/engine/checks/token/differential/state-mismatch.ts`).
 */

/** One rejected callback as evidence: its state problem and the Fetch Metadata the browser sent (no values). */
export interface StrayCallback {
  readonly state: 'missing' | 'repeated' | 'wrong';
  /** True when Fetch Metadata says a page made it (a script, an image), not a top-level navigation. */
  readonly pageRequest: boolean;
  /** The `Origin` header's origin (a web page's), or null. */
  readonly origin: string | null;
  readonly fetchSite: string | null;
  readonly fetchMode: string | null;
  readonly fetchDest: string | null;
}

/** Evidence kept per server: enough to tell a page's requests from navigations, bounded. */
export const MAX_STRAY_CALLBACKS = 5;

/** Describes one rejected callback from its request headers; `states` are the `state` values it carried (never kept). */
export function strayCallback(headers: IncomingHttpHeaders, states: readonly string[]): StrayCallback {
  const fetchMode = token(headers['sec-fetch-mode']);
  const fetchDest = token(headers['sec-fetch-dest']);
  return {
    state: states.length === 0 ? 'missing' : states.length > 1 ? 'repeated' : 'wrong',
    pageRequest: (fetchMode !== null && fetchMode !== 'navigate') || (fetchDest !== null && fetchDest !== 'document'),
    origin: originOf(headers.origin),
    fetchSite: token(headers['sec-fetch-site']),
    fetchMode,
    fetchDest,
  };
}

function token(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^[a-z-]{1,32}$/.test(text) ? text : null;
}

function originOf(value: string | string[] | undefined): string | null {
  const text = Array.isArray(value) ? value[0] : value;
  if (!text || text === 'null') return null;
  try {
    const origin = new URL(text).origin;
    return origin === 'null' ? null : origin.slice(0, 200);
  } catch {
    return null;
  }
}
