import { describe, expect, it } from 'vitest';
import type { ChainEnd, ChainHopRecord, FollowedChain } from '../../electron/engine/clients/trakt/sign-in-chain';
import type { SignInEndpoint } from '../../electron/engine/runtime/endpoint-hosts';
import { judgeEnd, WRONG_HOST, type EndRuleResult } from '../../electron/engine/checks/token/sign-in/end-rules';
import {
  chainOwner,
  forwardingNotes,
  PKCE_CONFIDENCE,
  verdictParts,
} from '../../electron/engine/checks/token/sign-in/parts';
import type { ChainSource, ChainVerdict } from '../../electron/engine/checks/token/sign-in/types';

// The sign-in chain's rules, one per way a chain ends (docs/sign-in-chain.md), on chains built by hand: who ended
// the chain decides whom a failure blames, and a PKCE challenge Trakt added turns any reading into a failure.

const NO_ORIGIN = { server: null, cfRay: null, xRuntime: null };
const hop = (url: string, endpoint: SignInEndpoint | null, extra: Partial<ChainHopRecord> = {}): ChainHopRecord => ({
  url: new URL(url),
  endpoint,
  requested: endpoint !== null,
  status: 302,
  page: 'redirect',
  origin: NO_ORIGIN,
  ms: 5,
  failure: null,
  truncated: false,
  ...extra,
});
const CALLBACK = 'https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb';
const START = hop('https://www.strem.io/trakt/auth/5f0c0ffee', 'stremioWeb');
const AUTHORIZE = hop(`https://api.trakt.tv/oauth/authorize?client_id=c&redirect_uri=${CALLBACK}&state=s`, 'traktApi');
const WEBSITE = hop(`https://trakt.tv/oauth/authorize?client_id=c&redirect_uri=${CALLBACK}&state=s`, 'traktWeb');
const WITH_CHALLENGE = hop(
  `https://auth.trakt.tv/oauth/authorize?client_id=c&redirect_uri=${CALLBACK}&state=s&code_challenge=x&code_challenge_method=S256`,
  'traktAuth',
);
const SIGN_IN = hop('https://auth.trakt.tv/auth/signin', 'traktAuth', { status: 200, page: 'sign-in' });

const chainOf = (hops: ChainHopRecord[], end: ChainEnd): FollowedChain => ({ hops, end });
const judge = (chain: FollowedChain, source: ChainSource = 'stremio'): EndRuleResult =>
  judgeEnd(chain.end, verdictParts(chain, { checkId: 'token.auth-redirect', source }));
const verdictOf = (chain: FollowedChain, source: ChainSource = 'stremio'): ChainVerdict => {
  const result = judge(chain, source);
  if (result === WRONG_HOST) throw new Error('expected a verdict, got the wrong-host rule');
  return result;
};
const codes = (v: ChainVerdict) => (v.outcome.problems ?? []).map((p) => [p.code, p.confidence]);

describe('who ended a sign-in chain', () => {
  it("is the last requested hop's host, or for a host not requested the one that sent there", () => {
    expect(chainOwner(chainOf([START], { kind: 'http-error', status: 500 }))).toBe('stremio');
    expect(chainOwner(chainOf([START, AUTHORIZE], { kind: 'http-error', status: 400 }))).toBe('trakt');
    const elsewhere = hop('https://evil.example/x', null, { requested: false });
    expect(chainOwner(chainOf([START, elsewhere], { kind: 'unknown-host', host: 'evil.example' }))).toBe('stremio');
    expect(chainOwner(chainOf([elsewhere], { kind: 'unknown-host', host: 'evil.example' }))).toBeNull();
    expect(chainOwner(chainOf([], { kind: 'not-a-url' }))).toBeNull();
  });

  it("notes Trakt's API host forwarding to the website only when the chain then reached a user page", () => {
    const forwarded = [START, AUTHORIZE, WEBSITE, SIGN_IN];
    expect(forwardingNotes(chainOf(forwarded, { kind: 'user-page', page: 'sign-in' }))).toHaveLength(1);
    expect(forwardingNotes(chainOf(forwarded, { kind: 'http-error', status: 500 }))).toEqual([]);
    expect(forwardingNotes(chainOf([START, WEBSITE, SIGN_IN], { kind: 'user-page', page: 'sign-in' }))).toEqual([]);
  });
});

describe('the end rules', () => {
  it("Trakt's sign-in page passes and counts the hops; with an added challenge it fails as TRAKT_AUTH_PKCE_INJECTED", () => {
    const clean = verdictOf(chainOf([START, WEBSITE, SIGN_IN], { kind: 'user-page', page: 'sign-in' }));
    expect(clean.outcome).toMatchObject({ verdict: 'pass', summary: { params: { count: 3, context: 'stremio' } } });
    expect(clean.pkceInjected).toBe(false);
    const injected = verdictOf(
      chainOf([START, WEBSITE, WITH_CHALLENGE, SIGN_IN], { kind: 'user-page', page: 'sign-in' }),
    );
    expect(injected.pkceInjected).toBe(true);
    expect(injected.outcome.verdict).toBe('fail');
    expect(injected.outcome.summary.key).toBe('checks-token:signInChain.pkceOnPass');
    expect(codes(injected)).toEqual([['TRAKT_AUTH_PKCE_INJECTED', PKCE_CONFIDENCE]]);
    expect(injected.outcome.details?.reportText).toContain('code_challenge');
  });

  it("an error status blames Stremio's server, Trakt's 5xx, or asks for the wrong-host rule on the API host's 4xx", () => {
    expect(codes(verdictOf(chainOf([START], { kind: 'http-error', status: 502 })))).toEqual([
      ['AUTH_REDIRECT_FAILED', 0.9],
    ]);
    const broken = verdictOf(chainOf([START, WEBSITE], { kind: 'http-error', status: 503 }));
    expect(codes(broken)).toEqual([['TRAKT_AUTH_SERVER_ERROR', 0.9]]);
    expect(broken.outcome.details?.reportText).toContain('answers HTTP 503 at trakt.tv/oauth/authorize');
    expect(judge(chainOf([START, AUTHORIZE], { kind: 'http-error', status: 400 }))).toBe(WRONG_HOST);
    const other = verdictOf(chainOf([START, WEBSITE], { kind: 'http-error', status: 404 }));
    expect(other.outcome).toMatchObject({ verdict: 'warn', summary: { key: 'checks-token:signInChain.traktStatus' } });
    expect(other.outcome.problems).toBeUndefined();
  });

  it('error= at the redirect URI is TRAKT_AUTH_REJECTED; a PKCE description also names the injected challenge', () => {
    const rejected = verdictOf(
      chainOf([START, WEBSITE], {
        kind: 'redirect-uri',
        error: 'invalid_request',
        description: 'pkce is required',
        hasCode: false,
      }),
    );
    expect(rejected.outcome.verdict).toBe('fail');
    expect(rejected.outcome.problems).toEqual([
      expect.objectContaining({
        code: 'TRAKT_AUTH_REJECTED',
        confidence: 0.95,
        alsoPossible: ['TRAKT_AUTH_PKCE_INJECTED'],
      }),
    ]);
    expect(rejected.outcome.details).toMatchObject({ error: 'invalid_request', errorDescription: 'pkce is required' });
  });

  it("a good return passes; Stremio's callback pasted alone is AUTH_REDIRECT_FAILED at 0.6", () => {
    const back = hop('https://www.strem.io/trakt/auth_cb?code=x&state=s', 'stremioWeb', { requested: false });
    const returned = verdictOf(
      chainOf([START, WEBSITE, back], { kind: 'redirect-uri', error: null, description: null, hasCode: true }),
    );
    expect(returned.outcome).toMatchObject({
      verdict: 'pass',
      summary: { key: 'checks-token:signInChain.returnsWithCode' },
    });
    const pasted = verdictOf(
      chainOf([back], { kind: 'redirect-uri', error: null, description: null, hasCode: true }),
      'pasted',
    );
    expect(codes(pasted)).toEqual([['AUTH_REDIRECT_FAILED', 0.6]]);
  });

  it("no answer from Stremio's first hop is an error of the check; later it is an unfinished chain", () => {
    const failure = { kind: 'timeout' as const, message: 'timed out after 3000 ms' };
    const first = verdictOf(chainOf([START], { kind: 'network', failure: 'timeout', message: failure.message }));
    expect(first.outcome).toMatchObject({ verdict: 'error', details: { failedLayer: 'timeout' } });
    const later = verdictOf(chainOf([START, WEBSITE], { kind: 'network', failure: 'tls', message: 'handshake' }));
    expect(later.outcome).toMatchObject({ verdict: 'warn', summary: { key: 'checks-token:signInChain.unfinished' } });
  });

  it("Cloudflare's block page is CLOUDFLARE_BLOCKED naming its cf-ray", () => {
    const blocked = hop('https://trakt.tv/oauth/authorize', 'traktWeb', {
      status: 403,
      page: 'cloudflare',
      origin: { server: 'cloudflare', cfRay: '8f-FRA', xRuntime: null },
    });
    const waf = { temporary: false, errorCode: '1020', words: null };
    const v = verdictOf(chainOf([START, blocked], { kind: 'cloudflare', block: waf }));
    expect(codes(v)).toEqual([['CLOUDFLARE_BLOCKED', 0.9]]);
    expect(v.outcome.problems?.[0]?.evidence).toContain('cf-ray 8f-FRA');
    expect(v.outcome.problems?.[0]).not.toHaveProperty('variant');
    // Its temporary ban (error 1015) calls for the wording that says wait (trakt/trakt-api#922).
    const ban = { temporary: true, errorCode: '1015', words: 'banned you temporarily' };
    const banned = verdictOf(chainOf([START, blocked], { kind: 'cloudflare', block: ban }));
    expect(banned.outcome.problems?.[0]).toMatchObject({ code: 'CLOUDFLARE_BLOCKED', variant: 'temporary' });
    expect(banned.outcome.problems?.[0]?.evidence).toContain(
      'Cloudflare\'s temporary ban (error 1015, "banned you temporarily"; cf-ray 8f-FRA, no x-runtime)',
    );
  });

  it.each([
    [{ kind: 'no-location', status: 302 } as const, 0.8, 0.6],
    [{ kind: 'bad-location', location: 'javascript:x' } as const, 0.85, 0.6],
    [{ kind: 'loop' } as const, 0.85, 0.6],
    [{ kind: 'too-many-hops' } as const, 0.8, 0.6],
  ])('%o blames Stremio (%f) on its host and Trakt (%f) on Trakt’s', (end, stremio, trakt) => {
    expect(codes(verdictOf(chainOf([START], end)))).toEqual([['AUTH_REDIRECT_FAILED', stremio]]);
    expect(codes(verdictOf(chainOf([START, WEBSITE], end)))).toEqual([['TRAKT_AUTH_SERVER_ERROR', trakt]]);
  });

  it('another page blames Stremio on its host and only warns on Trakt’s', () => {
    expect(codes(verdictOf(chainOf([START], { kind: 'other-page', status: 200 })))).toEqual([
      ['AUTH_REDIRECT_FAILED', 0.8],
    ]);
    expect(verdictOf(chainOf([START, WEBSITE], { kind: 'other-page', status: 200 })).outcome.verdict).toBe('warn');
    // A page or a Location-less redirect on Stremio's host say the same thing: it did not send on to Trakt.
    for (const end of [{ kind: 'other-page', status: 200 } as const, { kind: 'no-location', status: 302 } as const])
      expect(verdictOf(chainOf([START], end)).outcome.summary).toMatchObject({
        key: 'checks-token:signInChain.stremioFailed.noRedirect',
        params: { status: end.status },
      });
  });

  it('an unknown host blames Stremio when it sent there, and only warns otherwise', () => {
    const elsewhere = hop('https://evil.example/x', null, { requested: false });
    const end = { kind: 'unknown-host', host: 'evil.example' } as const;
    expect(codes(verdictOf(chainOf([START, elsewhere], end)))).toEqual([['AUTH_REDIRECT_FAILED', 0.6]]);
    expect(verdictOf(chainOf([elsewhere], end), 'pasted').outcome).toMatchObject({
      verdict: 'warn',
      summary: { key: 'checks-token:signInChain.unknownPage' },
    });
    expect(verdictOf(chainOf([START, WEBSITE, elsewhere], end)).outcome).toMatchObject({
      verdict: 'warn',
      summary: { key: 'checks-token:signInChain.unknownTraktHost' },
    });
  });

  it('a handoff passes and a start that is no web address warns', () => {
    expect(verdictOf(chainOf([START, AUTHORIZE], { kind: 'handoff' })).outcome.verdict).toBe('pass');
    expect(verdictOf(chainOf([], { kind: 'not-a-url' })).outcome.verdict).toBe('warn');
  });
});
