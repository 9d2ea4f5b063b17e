import { z } from 'zod';
import type { EngineContext } from '../../runtime/context';
import type { HttpOutcome } from '../../net/http-client';
import { parseJsonWith } from '../../core/parse-json';
import { classifyOAuthFailure, type OAuthFailure } from './oauth-errors';

/**
 * The wizard's own Trakt OAuth client: every call on `{traktAuth}` (trakt-api `contracts/oauth/index.ts`: the auth host
 * for authorize, token, device and revoke), every body JSON (elementum#1187: form-encoded bodies get
 * 400 invalid_request). A public PKCE client: no client_secret is ever sent (trakt-api guides/pkce.md).
 */

/** The context pieces the client uses. */
export type OAuthContext = Pick<EngineContext, 'config' | 'http' | 'secrets'>;

/** Tokens from `/oauth/token` or `/oauth/device/token` (trakt-api tokenResponseSchema); both registered as secrets. */
export interface TokenSet {
  readonly accessToken: string;
  readonly refreshToken: string | null;
  readonly expiresIn: number | null;
  readonly createdAt: number | null;
  readonly scope: string | null;
}

/** A device code grant from `/oauth/device/code` (trakt-api codeResponseSchema.ts). */
export interface DeviceCode {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly verificationUrl: string;
  readonly expiresIn: number;
  /** Seconds between polls. */
  readonly interval: number;
}

const TokenSchema = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().nullish(),
  expires_in: z.number().nullish(),
  created_at: z.number().nullish(),
  scope: z.string().nullish(),
});

const DeviceCodeSchema = z.object({
  device_code: z.string().min(1),
  user_code: z.string().min(1).max(64),
  verification_url: z.string().min(1).max(2048),
  expires_in: z.number().positive(),
  interval: z.number().positive(),
});

const TIMEOUT_MS = 15_000;
/**
 * Bounds on the device grant's numbers, which come from the network: Trakt gives 600 s / 5 s (trakt-api
 * `codeResponseSchema.ts`). An `expires_in` no date can hold would make the wait's end time throw, and a poll interval
 * past Node's timer limit (2³¹ ms) fires at once — a tight polling loop.
 */
const MAX_DEVICE_EXPIRES_S = 1800;
const MAX_DEVICE_INTERVAL_S = 60;

/** The authorize URL the system browser opens (trakt-api `contracts/oauth/index.ts`; guides/pkce.md: S256 only). */
export function authorizeUrl(
  ctx: Pick<EngineContext, 'config'>,
  params: { clientId: string; redirectUri: string; state: string; codeChallenge: string },
): string {
  const url = new URL('/oauth/authorize', ctx.config.endpoints.traktAuth);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    state: params.state,
    code_challenge: params.codeChallenge,
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

function post(
  ctx: OAuthContext,
  path: string,
  clientId: string,
  json: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<HttpOutcome> {
  return ctx.http.request({
    url: new URL(path, ctx.config.endpoints.traktAuth).toString(),
    method: 'POST',
    // The HTTP client sends `json` as application/json; the API headers are harmless here and help Trakt
    // attribute the call (required-headers.md).
    headers: { 'trakt-api-version': '2', 'trakt-api-key': clientId },
    json,
    maxBytes: 64 * 1024,
    timeoutMs: TIMEOUT_MS,
    ...(signal ? { signal } : {}),
  });
}

function readTokens(ctx: OAuthContext, body: string): TokenSet | null {
  const t = parseJsonWith(TokenSchema, body);
  if (!t) return null;
  return {
    accessToken: ctx.secrets.add(t.access_token, 'token'),
    refreshToken: ctx.secrets.add(t.refresh_token ?? null, 'token'),
    expiresIn: t.expires_in ?? null,
    createdAt: t.created_at ?? null,
    scope: t.scope ?? null,
  };
}

/** `POST /oauth/token` (authorization_code grant with `code_verifier`, trakt-api guides/pkce.md). */
export async function exchangeCode(
  ctx: OAuthContext,
  params: { clientId: string; code: string; codeVerifier: string; redirectUri: string; signal?: AbortSignal },
): Promise<{ readonly ok: true; readonly tokens: TokenSet } | OAuthFailure> {
  const outcome = await post(
    ctx,
    '/oauth/token',
    params.clientId,
    {
      code: params.code,
      client_id: params.clientId,
      // Identical to the authorize request's, as Trakt matches it exactly (authentication-oauth.md).
      redirect_uri: params.redirectUri,
      grant_type: 'authorization_code',
      code_verifier: params.codeVerifier,
    },
    params.signal,
  );
  return tokenAnswer(ctx, 'POST /oauth/token', outcome);
}

function tokenAnswer(
  ctx: OAuthContext,
  call: string,
  outcome: HttpOutcome,
): { readonly ok: true; readonly tokens: TokenSet } | OAuthFailure {
  if (outcome.ok && outcome.status === 200) {
    const tokens = readTokens(ctx, outcome.body);
    if (tokens) return { ok: true, tokens };
    return {
      ok: false,
      status: 200,
      error: null,
      description: null,
      cause: null,
      evidence: `${call} → 200 without a readable token`,
    };
  }
  return classifyOAuthFailure(call, outcome);
}

/** `POST /oauth/revoke` with the wizard's access token (docs.trakt.tv postoauthrevoke): removes only that token. */
export async function revokeToken(
  ctx: OAuthContext,
  params: { clientId: string; token: string; signal?: AbortSignal },
): Promise<{ readonly ok: true } | OAuthFailure> {
  const outcome = await post(
    ctx,
    '/oauth/revoke',
    params.clientId,
    { token: params.token, client_id: params.clientId },
    params.signal,
  );
  if (outcome.ok && outcome.status >= 200 && outcome.status < 300) return { ok: true };
  return classifyOAuthFailure('POST /oauth/revoke', outcome);
}

/** `POST /oauth/device/code` with `{client_id}`. */
export async function requestDeviceCode(
  ctx: OAuthContext,
  params: { clientId: string; signal?: AbortSignal },
): Promise<{ readonly ok: true; readonly device: DeviceCode } | OAuthFailure> {
  const outcome = await post(ctx, '/oauth/device/code', params.clientId, { client_id: params.clientId }, params.signal);
  if (outcome.ok && outcome.status === 200) {
    const d = parseJsonWith(DeviceCodeSchema, outcome.body);
    if (d) {
      return {
        ok: true,
        device: {
          deviceCode: ctx.secrets.add(d.device_code, 'code'),
          userCode: d.user_code,
          verificationUrl: d.verification_url,
          expiresIn: Math.min(d.expires_in, MAX_DEVICE_EXPIRES_S),
          interval: Math.min(d.interval, MAX_DEVICE_INTERVAL_S),
        },
      };
    }
    return {
      ok: false,
      status: 200,
      error: null,
      description: null,
      cause: null,
      evidence: 'POST /oauth/device/code → 200 without a readable device code',
    };
  }
  return classifyOAuthFailure('POST /oauth/device/code', outcome);
}

/** One poll's meaning (docs.trakt.tv/reference/postoauthdevicetoken). */
export type DevicePoll =
  | { readonly kind: 'tokens'; readonly tokens: TokenSet }
  | { readonly kind: 'pending' }
  | { readonly kind: 'slow-down' }
  | { readonly kind: 'invalid-code' }
  | { readonly kind: 'already-used' }
  | { readonly kind: 'expired' }
  | { readonly kind: 'denied' }
  | { readonly kind: 'failed'; readonly failure: OAuthFailure };

/** `POST /oauth/device/token` with `{code: device_code, client_id}` — the field is `code`, not RFC 8628's `device_code`. */
export async function pollDeviceToken(
  ctx: OAuthContext,
  params: { clientId: string; deviceCode: string; signal?: AbortSignal },
): Promise<DevicePoll> {
  const call = 'POST /oauth/device/token';
  const outcome = await post(
    ctx,
    '/oauth/device/token',
    params.clientId,
    { code: params.deviceCode, client_id: params.clientId },
    params.signal,
  );
  if (!outcome.ok) return { kind: 'failed', failure: classifyOAuthFailure(call, outcome) };
  switch (outcome.status) {
    case 200: {
      const answer = tokenAnswer(ctx, call, outcome);
      return answer.ok ? { kind: 'tokens', tokens: answer.tokens } : { kind: 'failed', failure: answer };
    }
    case 400: {
      // 400 is "Pending" here — unless the body is an OAuth error (a malformed request, elementum#1187).
      const failure = classifyOAuthFailure(call, outcome);
      return failure.error && failure.error !== 'authorization_pending'
        ? { kind: 'failed', failure }
        : { kind: 'pending' };
    }
    case 404:
      return { kind: 'invalid-code' };
    case 409:
      return { kind: 'already-used' };
    case 410:
      return { kind: 'expired' };
    case 418:
      return { kind: 'denied' };
    case 429:
      return { kind: 'slow-down' };
    default:
      return { kind: 'failed', failure: classifyOAuthFailure(call, outcome) };
  }
}
