import { cloudflareBlock, cloudflareBlockText, type CloudflareBlock } from '../../net/answerer';
import type { HttpOutcome } from '../../net/http-client';
import { parseJson } from '../../core/parse-json';
import { traktResponder } from '../trakt/responder';

/**
 * Reads an answer of Trakt's OAuth endpoints (token, revoke, device) as a classified failure: an OAuth
 * error body `{error, error_description}` (trakt-api tokenErrorResponseSchema.ts; RFC 6749 §5.2), a
 * Cloudflare block, an outage, or an answer we do not know. Never throws.
 */

/**
 * What a failed OAuth call says about its cause, as a fact of the answer: the OAuth `error` read by RFC 6749
 * §4.1.2.1/§5.2, Cloudflare's block page, or an outage status. Which problem it is evidence of is the checks'
 * reading (`electron/engine/checks/token/differential/oauth-problems.ts`).
 */
export type OAuthFailureCause =
  | 'denied'
  | 'invalid-grant'
  | 'invalid-client'
  | 'redirect-mismatch'
  | 'invalid-request'
  | 'cloudflare-blocked'
  | 'outage';

/** A failed OAuth call. */
export interface OAuthFailure {
  readonly ok: false;
  /** HTTP status, null when no answer came. */
  readonly status: number | null;
  /** The OAuth `error` code (e.g. `invalid_grant`), when the body had one. */
  readonly error: string | null;
  readonly description: string | null;
  /** What the answer says about the cause; null when it says nothing about a known cause. */
  readonly cause: OAuthFailureCause | null;
  /** One line without secrets, e.g. `POST /oauth/token → 400 invalid_grant ("session not found")`. */
  readonly evidence: string;
  /** For `cloudflare-blocked`: what Cloudflare's page says (a temporary ban or the WAF). */
  readonly cloudflare?: CloudflareBlock;
}

/** The OAuth error body, if the answer carries one. */
export function readOAuthError(body: string): { error: string; description: string | null } | null {
  const value = parseJson(body);
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.error !== 'string' || record.error === '') return null;
  return {
    error: record.error.slice(0, 100),
    description: typeof record.error_description === 'string' ? record.error_description.slice(0, 300) : null,
  };
}

/** Trakt's (Doorkeeper's) text for a redirect URI that does not match the app's (xbgmsharp/trakt#13). */
const REDIRECT_MISMATCH = /redirect[ _-]?ur[il]/i;

/** The cause an OAuth `error` code names (RFC 6749 §4.1.2.1, §5.2; Doorkeeper's wording for the redirect URI). */
export function causeOfOAuthError(error: string, description: string | null): OAuthFailureCause | null {
  if (error === 'access_denied') return 'denied';
  if (error === 'invalid_grant') return 'invalid-grant';
  if (error === 'invalid_client' || error === 'unauthorized_client') return 'invalid-client';
  if (
    error === 'invalid_redirect_uri' ||
    (error === 'invalid_request' && description !== null && REDIRECT_MISMATCH.test(description))
  )
    return 'redirect-mismatch';
  if (error === 'invalid_request' || error === 'unsupported_grant_type') return 'invalid-request';
  return null;
}

const OUTAGE = new Set([500, 502, 503, 504, 520, 521, 522]);

/** Classifies a non-success outcome of `call` (e.g. `POST /oauth/token`). */
export function classifyOAuthFailure(call: string, outcome: HttpOutcome): OAuthFailure {
  if (!outcome.ok) {
    return {
      ok: false,
      status: null,
      error: null,
      description: null,
      cause: null,
      evidence: `${call} failed before an answer (${outcome.message})`,
    };
  }
  const { status } = outcome;
  const body = readOAuthError(outcome.body);
  if (body) {
    const text = body.description ? ` ("${body.description}")` : '';
    return {
      ok: false,
      status,
      error: body.error,
      description: body.description,
      cause: causeOfOAuthError(body.error, body.description),
      evidence: `${call} → ${status} ${body.error}${text}`,
    };
  }
  const responder = traktResponder(outcome.headers);
  const block = responder === 'cloudflare' ? cloudflareBlock(status, outcome.headers, outcome.body) : null;
  if (block) {
    return {
      ok: false,
      status,
      error: null,
      description: null,
      cause: 'cloudflare-blocked',
      evidence: `${call} → ${status} from Cloudflare's edge (${cloudflareBlockText(block, outcome.headers)})`,
      cloudflare: block,
    };
  }
  if (OUTAGE.has(status))
    return {
      ok: false,
      status,
      error: null,
      description: null,
      cause: 'outage',
      evidence: `${call} → ${status} (server error)`,
    };
  return {
    ok: false,
    status,
    error: null,
    description: null,
    cause: null,
    evidence: `${call} → ${status} without an OAuth error body`,
  };
}
