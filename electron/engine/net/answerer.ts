import type { IncomingHttpHeaders } from 'node:http';

/** Which side answered: Cloudflare's edge alone, Trakt's origin (Rails), or a server we cannot tell. */
export type Answerer = 'cloudflare-edge' | 'origin' | 'unknown';

/**
 * trakt/trakt-api#939: Trakt's Rails origin adds `x-runtime` (and `x-request-id`); Cloudflare adds `cf-ray` and
 * `server: cloudflare` to everything it passes. Cloudflare headers without `x-runtime` = the edge answered.
 */
export function answerer(headers: IncomingHttpHeaders): Answerer {
  if (headers['x-runtime'] !== undefined) return 'origin';
  const server = String(headers.server ?? '').toLowerCase();
  if (server === 'cloudflare' && headers['cf-ray'] !== undefined) return 'cloudflare-edge';
  return 'unknown';
}

/** Cloudflare's own block page, as far as it says what it is. */
export interface CloudflareBlock {
  /** The temporary ban of its rate limiting (error 1015, "banned you temporarily"): it lifts by itself. */
  readonly temporary: boolean;
  /** Cloudflare's error number the page shows (`1015`, `1020`), when it shows one. */
  readonly errorCode: string | null;
  /** The page's own words for a ban, quoted in evidence. */
  readonly words: string | null;
}

// The 1015 page (trakt/trakt-api#922 quotes it; dylandoamaral/trakt-integration#172 shows it whole, answered 429):
// "Error 1015", "You are being rate limited", "The owner of this website (api.trakt.tv) has banned you temporarily".
const ERROR_NUMBER = /\bError\s+(1\d{3})\b/i;
const BANNED = /banned you temporarily/i;
const RATE_LIMITED = /You are being rate limited/i;

/** Cloudflare's error number and ban words on one of its pages (tags ignored: the number sits in its own span). */
function readCloudflarePage(body: string): { errorCode: string | null; words: string | null } {
  const text = body
    .slice(0, 64 * 1024)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');
  const words = BANNED.exec(text)?.[0] ?? RATE_LIMITED.exec(text)?.[0] ?? null;
  return { errorCode: ERROR_NUMBER.exec(text)?.[1] ?? null, words };
}

/**
 * docs/problems.md CLOUDFLARE_BLOCKED: an HTML page from Cloudflare's edge (no `x-runtime`) that is its block:
 * the WAF's 403 ("Sorry, you have been blocked" / error 1020, trakt/trakt-api#670, #939), or the temporary ban of
 * its rate limiting (error 1015, "banned you temporarily", answered 429 or 403; trakt/trakt-api#922), told apart by
 * the page's own words. A non-HTML answer behind Cloudflare is an origin's own (a JSON API that adds no `x-runtime`,
 * like Stremio's), and a 429 without the ban page is a rate limit, not a block. Null when it is neither.
 */
export function cloudflareBlock(status: number, headers: IncomingHttpHeaders, body = ''): CloudflareBlock | null {
  const html = String(headers['content-type'] ?? '')
    .toLowerCase()
    .startsWith('text/html');
  if (!html || answerer(headers) !== 'cloudflare-edge' || (status !== 403 && status !== 429)) return null;
  const page = readCloudflarePage(body);
  const temporary = page.errorCode === '1015' || page.words !== null;
  if (status === 429 && !temporary) return null;
  return { temporary, errorCode: page.errorCode, words: page.words };
}

/** The one-line English description of a block for evidence: what it is, its number and words, its ray. */
export function cloudflareBlockText(block: CloudflareBlock, headers: IncomingHttpHeaders): string {
  const ray = headers['cf-ray'];
  const parts = [
    block.temporary ? "Cloudflare's temporary ban" : "Cloudflare's block page",
    ...(block.errorCode ? [`error ${block.errorCode}`] : []),
    ...(block.words ? [`"${block.words}"`] : []),
    ...(block.temporary ? [retryAfterText(headers)] : []),
    `cf-ray ${typeof ray === 'string' ? ray.slice(0, 60) : 'none'}`,
    'no x-runtime',
  ];
  return parts.join(', ');
}

function retryAfterText(headers: IncomingHttpHeaders): string {
  const value = headers['retry-after'];
  return typeof value === 'string' && value.trim() !== ''
    ? `Retry-After ${value.trim().slice(0, 40)}`
    : 'no Retry-After';
}
