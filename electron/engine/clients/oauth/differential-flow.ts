import type { EngineContext } from '../../runtime/context';
import { fetchUsersSettings, type UsersSettingsClassification } from '../trakt/users-settings';
import { pollDeviceFlow, type DeviceFlowResult } from './device-flow';
import { startLoopbackServer, type LoopbackStats } from './loopback-server';
import type { StrayCallback } from './stray-callbacks';
import type { OAuthFailure } from './oauth-errors';
import type { OAuthMode, OAuthProgress, OAuthRunOptions } from '../../runtime/oauth-types';
import { createCodeVerifier, createState, s256Challenge } from './pkce';
import { authorizeUrl, exchangeCode, requestDeviceCode, revokeToken, type TokenSet } from './trakt-oauth-client';
import { sanitizeNetworkValue } from '../../../../shared/network-text';

/**
 * The differential sign-in flow (docs/architecture.md "Steps": Token): sign in to the user's Trakt account with the
 * wizard's own Trakt app — authorization code + PKCE S256 + state through the system browser and a
 * loopback redirect (RFC 8252), or the device code — read `/users/settings`, then revoke the token at
 * once. It returns what happened as facts; the check `token.oauth-differential` judges them
 * (`electron/engine/checks/token/differential/differential-verdict.ts`).
 */

/** What one run needs besides the context. */
export interface DifferentialArgs extends OAuthRunOptions {
  readonly clientId: string;
  readonly signal: AbortSignal;
}

/** Which OAuth call failed. */
export type OAuthCall = 'exchange' | 'deviceCode' | 'polling';

/** How the flow ended. */
export type DifferentialEnd =
  /** Loopback only was asked and its port could not be opened: nothing else ran. */
  | { readonly kind: 'loopback-unavailable' }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'browser-not-opened'; readonly error: string }
  /** The browser wait ended without a callback; `counts` are the server's at that moment. */
  | { readonly kind: 'no-callback'; readonly timeoutMs: number; readonly counts: LoopbackStats }
  | { readonly kind: 'authorize-error'; readonly error: string; readonly description: string | null }
  | { readonly kind: 'call-failed'; readonly call: OAuthCall; readonly failure: OAuthFailure }
  | { readonly kind: 'device-denied' | 'device-expired' | 'device-invalid-code' | 'device-already-used' }
  /** A token came: what `/users/settings` said of it, and whether revoking it worked. */
  | {
      readonly kind: 'verified';
      readonly settings: UsersSettingsClassification;
      readonly revoke: { readonly ok: true } | OAuthFailure;
      readonly tokenExpiresIn: number | null;
    };

/** What the loopback server saw, once it listened. */
export interface LoopbackRun extends LoopbackStats {
  /** How long the browser took, once a callback (or the wait's end) came. */
  readonly browserMs?: number;
  readonly strayCallbacks: readonly StrayCallback[];
}

/** How the device-code wait went, once a code was granted. */
export interface DeviceRun {
  readonly polls: number;
  readonly interval: number;
  readonly expiresIn: number;
  readonly ended: DeviceFlowResult['kind'];
}

/** Everything one run of the flow observed. */
export interface DifferentialFacts {
  /** The sign-in the run was asked for. */
  readonly requested: OAuthMode;
  /** The sign-in it used. */
  readonly mode: 'loopback' | 'device';
  /** Why the loopback port could not be opened (the client's English reason and the OS error), when it could not. */
  readonly loopbackUnavailable: { readonly reason: string; readonly errno: string | undefined } | null;
  /** What the loopback server saw, when it listened. */
  readonly loopback: LoopbackRun | null;
  /** The device-code wait, when a code was granted. */
  readonly device: DeviceRun | null;
  readonly end: DifferentialEnd;
}

/** Runs the flow and says what happened (never throws). */
export async function runDifferentialFlow(ctx: EngineContext, args: DifferentialArgs): Promise<DifferentialFacts> {
  const progress = (update: OAuthProgress) => {
    try {
      // The device code and activation address came from the network: inert on the terminal and in the window.
      args.onProgress?.(sanitizeNetworkValue(update));
    } catch (error) {
      ctx.log.log('warn', `oauth progress listener failed: ${(error as Error).message}`);
    }
  };
  const requested = args.mode;
  progress({ phase: 'starting', mode: requested === 'device' ? 'device' : 'loopback' });
  let loopbackUnavailable: DifferentialFacts['loopbackUnavailable'] = null;
  if (requested !== 'device') {
    const loopback = await loopbackSignIn(ctx, args, progress);
    if (loopback.kind === 'done') {
      const end = await finish(ctx, args, progress, 'loopback', loopback.result);
      return { requested, mode: 'loopback', loopbackUnavailable, loopback: loopback.run, device: null, end };
    }
    loopbackUnavailable = { reason: loopback.reason, errno: loopback.errno };
    if (requested === 'loopback')
      return {
        requested,
        mode: 'loopback',
        loopbackUnavailable,
        loopback: null,
        device: null,
        end: { kind: 'loopback-unavailable' },
      };
  }
  const device = await deviceSignIn(ctx, args, progress);
  const end = await finish(ctx, args, progress, 'device', device.result);
  return { requested, mode: 'device', loopbackUnavailable, loopback: null, device: device.run, end };
}

/** How a sign-in attempt ended, before the token is verified and revoked. */
type SignInResult =
  { readonly kind: 'tokens'; readonly tokens: TokenSet } | Exclude<DifferentialEnd, { kind: 'verified' }>;

async function loopbackSignIn(ctx: EngineContext, args: DifferentialArgs, progress: (p: OAuthProgress) => void) {
  const state = ctx.secrets.add(createState(), 'state');
  const codeVerifier = ctx.secrets.add(createCodeVerifier(), 'code-verifier');
  const timeoutMs = ctx.config.timeouts.oauthMs;
  const started = await startLoopbackServer({
    port: ctx.config.trakt.redirectPort,
    expectedState: state,
    timeoutMs,
    signal: args.signal,
    secrets: ctx.secrets,
  });
  if (!started.ok) return { kind: 'unavailable' as const, reason: started.error.reason, errno: started.error.errno };
  const { server } = started;
  const url = authorizeUrl(ctx, {
    clientId: args.clientId,
    redirectUri: server.redirectUri,
    state,
    codeChallenge: s256Challenge(codeVerifier),
  });
  progress({
    phase: 'waiting-for-browser',
    mode: 'loopback',
    waitUntil: new Date(ctx.now() + timeoutMs).toISOString(),
  });
  const browserStarted = performance.now();
  try {
    await ctx.openUrl(url);
  } catch (error) {
    await server.close();
    const result: SignInResult = { kind: 'browser-not-opened', error: (error as Error).message };
    return { kind: 'done' as const, result, run: { ...server.stats(), strayCallbacks: server.strayCallbacks() } };
  }
  const callback = await server.result;
  await server.close();
  const browserMs = Math.round(performance.now() - browserStarted);
  const counts = server.stats();
  const result = await (async (): Promise<SignInResult> => {
    switch (callback.kind) {
      case 'cancelled':
        return { kind: 'cancelled' };
      case 'timeout':
        return { kind: 'no-callback', timeoutMs, counts };
      case 'error':
        return { kind: 'authorize-error', error: callback.error, description: callback.description };
      case 'code': {
        progress({ phase: 'exchanging', mode: 'loopback' });
        const exchanged = await exchangeCode(ctx, {
          clientId: args.clientId,
          code: callback.code,
          codeVerifier,
          redirectUri: server.redirectUri,
          signal: args.signal,
        });
        if (exchanged.ok) return { kind: 'tokens', tokens: exchanged.tokens };
        if (args.signal.aborted) return { kind: 'cancelled' };
        return { kind: 'call-failed', call: 'exchange', failure: exchanged };
      }
    }
  })();
  return { kind: 'done' as const, result, run: { ...counts, browserMs, strayCallbacks: server.strayCallbacks() } };
}

async function deviceSignIn(
  ctx: EngineContext,
  args: DifferentialArgs,
  progress: (p: OAuthProgress) => void,
): Promise<{ result: SignInResult; run: DeviceRun | null }> {
  const requested = await requestDeviceCode(ctx, { clientId: args.clientId, signal: args.signal });
  if (!requested.ok) {
    if (args.signal.aborted) return { result: { kind: 'cancelled' }, run: null };
    return { result: { kind: 'call-failed', call: 'deviceCode', failure: requested }, run: null };
  }
  const { device } = requested;
  const verificationUrl = trustedVerificationUrl(ctx, device.verificationUrl);
  progress({
    phase: 'waiting-for-device',
    mode: 'device',
    userCode: device.userCode,
    ...(verificationUrl ? { verificationUrl } : {}),
    waitUntil: new Date(ctx.now() + device.expiresIn * 1000).toISOString(),
  });
  if (verificationUrl)
    await ctx
      .openUrl(verificationUrl)
      .catch((error: Error) => ctx.log.log('warn', `oauth: could not open the activation page (${error.message})`));
  const polled = await pollDeviceFlow(ctx, {
    clientId: args.clientId,
    device,
    signal: args.signal,
    ...(args.slowDownMs !== undefined ? { slowDownMs: args.slowDownMs } : {}),
  });
  const run = { polls: polled.polls, interval: device.interval, expiresIn: device.expiresIn, ended: polled.kind };
  return { result: deviceResult(polled), run };
}

/** Trakt's old PIN page (`trakt.tv/pin/<app id>`): it answers 404 since July 2026 (trakt/trakt-api#867). */
const DEAD_PIN_PAGE = /^\/pin(\/|$)/;

/**
 * Trakt's activation page address, or null unless it is https on a configured Trakt host: it comes from
 * the network, and it is both opened and shown (CLI line, the wizard's "Open …" button), so a foreign
 * address must reach neither. The wizard never builds one itself (trakt/trakt-api#867: use the
 * `verification_url` of the device-code answer), and never opens the dead PIN page, whoever names it.
 */
function trustedVerificationUrl(ctx: EngineContext, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const hosts = [ctx.config.endpoints.traktAuth, ctx.config.endpoints.traktWeb].map((e) => new URL(e).hostname);
  if (parsed.protocol !== 'https:' || !hosts.includes(parsed.hostname)) {
    ctx.log.log(
      'warn',
      `oauth: not showing or opening the device verification address on ${parsed.hostname} (not a configured Trakt host)`,
    );
    return null;
  }
  if (DEAD_PIN_PAGE.test(parsed.pathname)) {
    ctx.log.log(
      'warn',
      `oauth: not showing or opening ${parsed.hostname}/pin/…: Trakt's PIN page is gone (trakt/trakt-api#867)`,
    );
    return null;
  }
  return parsed.toString();
}

function deviceResult(polled: DeviceFlowResult): SignInResult {
  switch (polled.kind) {
    case 'tokens':
      return { kind: 'tokens', tokens: polled.tokens };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'denied':
      return { kind: 'device-denied' };
    case 'expired':
      return { kind: 'device-expired' };
    case 'invalid-code':
      return { kind: 'device-invalid-code' };
    case 'already-used':
      return { kind: 'device-already-used' };
    case 'failed':
      return { kind: 'call-failed', call: 'polling', failure: polled.failure };
  }
}

/** Verifies a token with `/users/settings` and revokes it whatever happened; says how the run ended. */
async function finish(
  ctx: EngineContext,
  args: DifferentialArgs,
  progress: (p: OAuthProgress) => void,
  mode: 'loopback' | 'device',
  signIn: SignInResult,
): Promise<DifferentialEnd> {
  if (signIn.kind !== 'tokens') {
    progress({ phase: 'finished', mode });
    return signIn;
  }
  const { tokens } = signIn;
  progress({ phase: 'verifying', mode });
  const settings = await fetchUsersSettings(ctx, {
    accessToken: tokens.accessToken,
    clientId: args.clientId,
    signal: args.signal,
  });
  progress({ phase: 'revoking', mode });
  // Revoke at once, even after a cancel: the wizard keeps no access to the account (docs/architecture.md "Steps").
  const revoke = await revokeToken(ctx, { clientId: args.clientId, token: tokens.accessToken });
  progress({ phase: 'finished', mode });
  return { kind: 'verified', settings: settings.classification, revoke, tokenExpiresIn: tokens.expiresIn };
}
