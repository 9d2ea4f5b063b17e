import { z } from 'zod';
import { cloudflareBlock, cloudflareBlockText, type CloudflareBlock } from '../../net/answerer';
import type { HttpOutcome, NetFailureKind } from '../../net/http-client';
import { parseJsonWith } from '../../core/parse-json';
import { readRateLimit, type RateLimitInfo } from './rate-limit';
import { traktResponder, type TraktResponder } from './responder';
import { sendTraktGet, type TraktApiContext, type TraktApiRequest, type TraktGet } from './api-get';

/**
 * `GET {traktApi}/users/settings` — the one read-only call that proves a Trakt access token works
 * (trakt-api `contracts/users`), and how its answers are classified (docs/problems.md "Revoked access").
 * Used by the Revoked-access step (with the token Stremio holds) and by the OAuth differential test
 * (with the wizard's own token). Never throws: every answer and failure is a classified value.
 */

/**
 * The account facts shown after a 200. No secrets (`account.token` is never kept) and no username: it
 * names the person, so it is only registered for redaction, never kept.
 */
export interface TraktAccountSummary {
  readonly vip: boolean;
  readonly vipEp: boolean;
  readonly private: boolean;
  /** Free accounts have reduced limits (trakt-api guides/user-account-limits.md); null when the answer has none. */
  readonly limits: {
    readonly listCount: number;
    readonly listItemCount: number;
    readonly watchlistItemCount: number | null;
    readonly favoritesItemCount: number | null;
  } | null;
}

/** What the answer means, independent of who asked. */
export type UsersSettingsKind =
  | 'ok'
  | 'unauthorized'
  | 'app-unapproved'
  | 'cloudflare-blocked'
  | 'account-locked'
  | 'account-deactivated'
  | 'vip-required'
  | 'account-limit'
  | 'rate-limited'
  | 'outage'
  | 'unexpected'
  | 'unreachable';

/**
 * A classified `/users/settings` answer: facts only. Which problem it is evidence of, and how sure that is, is
 * the checks' reading (`electron/engine/checks/trakt-read/answer-problem.ts`).
 */
export interface UsersSettingsClassification {
  readonly kind: UsersSettingsKind;
  /** HTTP status, or null when no answer came. */
  readonly status: number | null;
  readonly responder: TraktResponder | null;
  /** One line of evidence without secrets, e.g. `GET /users/settings → 401 from Trakt's server`. */
  readonly evidence: string;
  /** A 200 whose body could not be read as a list (the history read): cut at the size bound, or not a list. */
  readonly unreadableBody?: 'too-large' | 'not-a-list';
  /** The size bound of the read, for `unreadableBody: 'too-large'`. */
  readonly maxBytes?: number;
  /** Present for `ok` (null when the 200 body could not be read). */
  readonly account?: TraktAccountSummary | null;
  /** Present for `rate-limited`. */
  readonly rateLimit?: RateLimitInfo;
  /** `WWW-Authenticate` of a 401 (Doorkeeper names `invalid_token` and why), bounded. */
  readonly wwwAuthenticate?: string;
  /** Present for `unreachable`: the lowest layer that failed. */
  readonly failedLayer?: NetFailureKind;
  /** Present for a 423: whether `X-Account-Locked` / `X-Account-Deactivated` said `true`. */
  readonly accountFlags?: { readonly locked: boolean; readonly deactivated: boolean };
  /** Present for `cloudflare-blocked`: what Cloudflare's page says (its temporary ban, or the WAF). */
  readonly cloudflare?: CloudflareBlock;
}

/** The exchange and its reading. */
export interface UsersSettingsResult {
  readonly outcome: HttpOutcome;
  readonly classification: UsersSettingsClassification;
}

const SettingsSchema = z
  .object({
    user: z.object({
      username: z.string(),
      private: z.boolean().optional(),
      vip: z.boolean().optional(),
      vip_ep: z.boolean().optional(),
    }),
    account: z.object({ token: z.string().nullish() }).passthrough().optional(),
    limits: z
      .object({
        list: z.object({ count: z.number(), item_count: z.number() }),
        watchlist: z.object({ item_count: z.number() }).optional(),
        favorites: z.object({ item_count: z.number() }).optional(),
      })
      .nullish(),
  })
  .passthrough();

const MAX_BODY_BYTES = 256 * 1024;
const OUTAGE = new Set([500, 502, 503, 504, 520, 521, 522]);

/** Calls `GET {traktApi}/users/settings` with the token and classifies the answer. */
export async function fetchUsersSettings(ctx: TraktApiContext, request: TraktApiRequest): Promise<UsersSettingsResult> {
  const outcome = await sendTraktGet(ctx, request, { path: '/users/settings', maxBytes: MAX_BODY_BYTES });
  const classification = classifyUsersSettings(outcome, ctx.now());
  if (outcome.ok && outcome.status === 200) {
    const settings = parseJsonWith(SettingsSchema, outcome.body);
    // The username names the person: registered for redaction, whatever it is, and never kept.
    ctx.secrets.addName(settings?.user.username, 'trakt-username');
    // The settings answer may carry the account's own token (`account.token`): a secret, never kept.
    ctx.secrets.add(settings?.account?.token, 'token');
  }
  return { outcome, classification };
}

/** A 200, or the answer classified by Trakt's status table. */
export type TraktGetResult =
  | { readonly ok: true; readonly answer: Extract<HttpOutcome, { ok: true }> }
  | { readonly ok: false; readonly classification: UsersSettingsClassification };

/** Another authenticated read (`get`): its 200 answer, or any other answer (or none) classified by the same table. */
export async function traktGet(ctx: TraktApiContext, request: TraktApiRequest, get: TraktGet): Promise<TraktGetResult> {
  const outcome = await sendTraktGet(ctx, request, get);
  if (outcome.ok && outcome.status === 200) return { ok: true, answer: outcome };
  return { ok: false, classification: classifyUsersSettings(outcome, ctx.now(), get.path) };
}

/**
 * Classifies a `/users/settings` outcome by Trakt's status table (docs.trakt.tv status-codes) and the
 * responder. Other authenticated reads (the Scrobbling step's history) answer by the same table: `path`
 * names the request.
 */
export function classifyUsersSettings(
  outcome: HttpOutcome,
  nowMs: number,
  path = '/users/settings',
): UsersSettingsClassification {
  if (!outcome.ok) {
    return {
      kind: 'unreachable',
      status: null,
      responder: null,
      failedLayer: outcome.kind,
      evidence: `GET ${path} failed before an answer (${outcome.message})`,
    };
  }
  const { status, headers } = outcome;
  const responder = traktResponder(headers);
  const from =
    responder === 'origin'
      ? "Trakt's server"
      : responder === 'cloudflare'
        ? "Cloudflare's edge (no Trakt server headers)"
        : 'an unidentified server';
  const base = { status, responder };
  const evidence = (extra = '') => `GET ${path} → ${status} from ${from}${extra}`;

  if (status === 200) {
    const account = readAccount(outcome.body);
    return {
      ...base,
      kind: 'ok',
      account,
      evidence: evidence(
        account ? ` (${account.vip ? 'VIP' : 'free account'})` : ' (the body was not the expected JSON)',
      ),
    };
  }
  if (status === 401) {
    const challenge = headerText(headers['www-authenticate']);
    return {
      ...base,
      kind: 'unauthorized',
      ...(challenge ? { wwwAuthenticate: challenge } : {}),
      evidence: evidence(challenge ? ` (WWW-Authenticate: ${challenge})` : ''),
    };
  }
  // docs/problems.md CLOUDFLARE_BLOCKED is Cloudflare's HTML page from the edge (the Connectivity step's rule): the
  // WAF's 403, or the temporary ban of its rate limiting (error 1015, a 429 or 403), before Trakt's own statuses.
  const block = responder === 'cloudflare' ? cloudflareBlock(status, headers, outcome.body) : null;
  if (block)
    return {
      ...base,
      kind: 'cloudflare-blocked',
      cloudflare: block,
      evidence: evidence(` (${cloudflareBlockText(block, headers)})`),
    };
  if (status === 403) {
    return {
      ...base,
      kind: 'app-unapproved',
      evidence: evidence(),
    };
  }
  if (status === 423) {
    // docs.trakt.tv/docs/locked-user-account: 423 carries X-Account-Locked / X-Account-Deactivated.
    const deactivated = headerText(headers['x-account-deactivated'])?.toLowerCase() === 'true';
    const locked = headerText(headers['x-account-locked'])?.toLowerCase() === 'true';
    const flags = ` (X-Account-Locked: ${headerText(headers['x-account-locked']) ?? 'absent'}, X-Account-Deactivated: ${headerText(headers['x-account-deactivated']) ?? 'absent'})`;
    return {
      ...base,
      kind: deactivated ? 'account-deactivated' : 'account-locked',
      accountFlags: { locked, deactivated },
      evidence: evidence(flags),
    };
  }
  if (status === 426)
    return {
      ...base,
      kind: 'vip-required',
      evidence: evidence(' (VIP only)'),
    };
  if (status === 420)
    return {
      ...base,
      kind: 'account-limit',
      evidence: evidence(' (account limit exceeded)'),
    };
  if (status === 429) {
    const rateLimit = readRateLimit(headers, nowMs);
    const wait =
      rateLimit.retryAfterSeconds === null ? 'no Retry-After' : `Retry-After ${rateLimit.retryAfterSeconds} s`;
    const limit = rateLimit.rateLimit
      ? `, X-Ratelimit ${rateLimit.rateLimit.name ?? '?'} ${rateLimit.rateLimit.remaining ?? '?'}/${rateLimit.rateLimit.limit ?? '?'} per ${rateLimit.rateLimit.period ?? '?'} s`
      : ', no X-Ratelimit (a security system, not the API limit)';
    return {
      ...base,
      kind: 'rate-limited',
      rateLimit,
      evidence: evidence(` (${wait}${limit})`),
    };
  }
  if (OUTAGE.has(status))
    return {
      ...base,
      kind: 'outage',
      evidence: evidence(' (server error)'),
    };
  return {
    ...base,
    kind: 'unexpected',
    evidence: evidence(' (not an answer this check knows)'),
  };
}

function readAccount(body: string): TraktAccountSummary | null {
  const settings = parseJsonWith(SettingsSchema, body);
  if (!settings) return null;
  const { user, limits } = settings;
  return {
    vip: user.vip ?? false,
    vipEp: user.vip_ep ?? false,
    private: user.private ?? false,
    limits: limits
      ? {
          listCount: limits.list.count,
          listItemCount: limits.list.item_count,
          watchlistItemCount: limits.watchlist?.item_count ?? null,
          favoritesItemCount: limits.favorites?.item_count ?? null,
        }
      : null,
  };
}

function headerText(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined ? undefined : text.slice(0, 300);
}
