import type { IncomingHttpHeaders } from 'node:http';

/** Which side answered: Cloudflare's edge alone, Trakt's origin (Rails), or a server we cannot tell. */
export type Answerer = 'cloudflare-edge' | 'origin' | 'unknown';

/**
 * trakt.md §2: Trakt's Rails origin adds `x-runtime` (and `x-request-id`); Cloudflare adds `cf-ray` and
 * `server: cloudflare` to everything it passes. Cloudflare headers without `x-runtime` = the edge answered.
 */
export function answerer(headers: IncomingHttpHeaders): Answerer {
  if (headers['x-runtime'] !== undefined) return 'origin';
  const server = String(headers.server ?? '').toLowerCase();
  if (server === 'cloudflare' && headers['cf-ray'] !== undefined) return 'cloudflare-edge';
  return 'unknown';
}

/**
 * PROBLEMS.md CLOUDFLARE_BLOCKED: the 403 HTML page ("Sorry, you have been blocked" / error 1020) from
 * Cloudflare's edge (trakt.md §2). A non-HTML 403 behind Cloudflare is an origin's own answer (a JSON
 * API that adds no `x-runtime`, like Stremio's), not the WAF.
 */
export function isCloudflareBlock(status: number, headers: IncomingHttpHeaders): boolean {
  const html = String(headers['content-type'] ?? '').toLowerCase().startsWith('text/html');
  return status === 403 && html && answerer(headers) === 'cloudflare-edge';
}

/**
 * PROBLEMS.md SERVICE_OUTAGE: exactly the statuses trakt.md §3 lists as the service being down — 500,
 * 502–504 and Cloudflare's 520–522. Other 5xx (501 Not Implemented, 505 …) say nothing about an outage.
 */
export function isOutage(status: number): boolean {
  return status === 500 || (status >= 502 && status <= 504) || (status >= 520 && status <= 522);
}

/** The words for an outage status (trakt.md §3). */
export function outageText(status: number): string {
  if (status >= 520 && status <= 522) return `${status} (Cloudflare cannot reach the service's servers)`;
  if (status === 500) return '500 (server error)';
  if (status >= 502 && status <= 504) return `${status} (service overloaded or unavailable)`;
  return `${status}`;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
