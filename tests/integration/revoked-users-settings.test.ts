import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EngineContext } from '../../electron/engine/runtime/context';
import {
  fetchUsersSettings,
  type UsersSettingsClassification,
} from '../../electron/engine/clients/trakt/users-settings';
import { traktAnswerProblem } from '../../electron/engine/checks/trakt-read/answer-problem';
import { installTraktApi, type TraktApiEmulator } from '../kit/emulators/trakt-api';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const CLIENT_ID = '0e861f52aa0000000000000000000000000000000000000000000000000000ab';
const TOKEN = 'trakt-access-token-0123456789abcdef';

describe('GET /users/settings against the emulated Trakt API (docs.trakt.tv/docs/status-codes)', () => {
  let world: World;
  let trakt: TraktApiEmulator;
  let ctx: EngineContext;
  beforeAll(async () => {
    world = await startWorld();
    trakt = installTraktApi(world.traktApi, [CLIENT_ID]);
    ctx = await contextFor(world);
  });
  afterAll(() => world.close());
  beforeEach(() => {
    trakt.state = { kind: 'normal' };
    trakt.grant(TOKEN, { username: 'sofa_watcher', vip: false, accountToken: 'account-own-token-zzzz9999' });
  });

  /** The client's classification with the checks' reading of it (`problem`, `confidence`, `alsoPossible`). */
  const judged = (c: UsersSettingsClassification) => {
    const problem = traktAnswerProblem(c);
    return {
      ...c,
      problem: problem?.code ?? null,
      confidence: problem?.confidence,
      alsoPossible: problem?.alsoPossible,
    };
  };
  const call = async (clientId = CLIENT_ID, accessToken = TOKEN) => {
    const result = await fetchUsersSettings(ctx, { clientId, accessToken });
    return { ...result, classification: judged(result.classification) };
  };

  it('sends every required header and reads VIP and limits from a 200, registering the username without keeping it', async () => {
    const { classification } = await call();
    expect(classification).toMatchObject({ kind: 'ok', problem: null, status: 200, responder: 'origin' });
    expect(classification.account).toEqual({
      vip: false,
      vipEp: false,
      private: false,
      limits: { listCount: 2, listItemCount: 100, watchlistItemCount: 100, favoritesItemCount: 50 },
    });
    const sent = trakt.settingsRequests().at(-1)!;
    expect(sent.headers).toMatchObject({
      'trakt-api-key': CLIENT_ID,
      'trakt-api-version': '2',
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
    });
    expect(sent.headers['user-agent']).toMatch(/^stremio-trakt-doctor\//);
    // Both the bearer token and the account's own token are secrets from now on.
    expect(ctx.secrets.redact(`x ${TOKEN} account-own-token-zzzz9999`)).toBe('x [redacted token] [redacted token]');
    // The username is registered, and said nowhere.
    expect(ctx.secrets.redact('as sofa_watcher')).toBe('as [redacted trakt-username]');
    expect(JSON.stringify(classification)).not.toContain('sofa_watcher');
  });

  it("401 (revoked) → TRAKT_TOKEN_REVOKED with Doorkeeper's reason", async () => {
    trakt.revoke(TOKEN);
    const { classification } = await call();
    expect(classification).toMatchObject({
      kind: 'unauthorized',
      problem: 'TRAKT_TOKEN_REVOKED',
      status: 401,
      responder: 'origin',
    });
    expect(classification.evidence).toContain('The access token was revoked');
  });

  it('403 from the origin → TRAKT_APP_UNAPPROVED; a Cloudflare 403 → CLOUDFLARE_BLOCKED', async () => {
    const unapproved = await call('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff');
    expect(unapproved.classification).toMatchObject({
      kind: 'app-unapproved',
      problem: 'TRAKT_APP_UNAPPROVED',
      responder: 'origin',
    });
    expect(unapproved.classification.alsoPossible).toBeUndefined();
    trakt.state = { kind: 'cloudflare-block' };
    const blocked = await call();
    expect(blocked.classification).toMatchObject({
      kind: 'cloudflare-blocked',
      problem: 'CLOUDFLARE_BLOCKED',
      responder: 'cloudflare',
    });
    expect(blocked.classification.evidence).toContain('cf-ray 8f3a1b2c4d5e6f71-FRA');
  });

  it('423 with X-Account-Locked / X-Account-Deactivated', async () => {
    trakt.grant(TOKEN, { username: 'locked_one', locked: true });
    expect((await call()).classification).toMatchObject({
      kind: 'account-locked',
      problem: 'TRAKT_ACCOUNT_LOCKED',
      status: 423,
      confidence: 0.95,
    });
    trakt.grant(TOKEN, { username: 'gone_one', deactivated: true });
    expect((await call()).classification).toMatchObject({
      kind: 'account-deactivated',
      problem: 'TRAKT_ACCOUNT_DEACTIVATED',
    });
  });

  it('426, 420 and 429 with Retry-After and X-Ratelimit', async () => {
    trakt.state = { kind: 'vip-only' };
    expect((await call()).classification).toMatchObject({ problem: 'TRAKT_VIP_REQUIRED', status: 426 });
    trakt.state = { kind: 'account-limit' };
    expect((await call()).classification).toMatchObject({ problem: 'TRAKT_ACCOUNT_LIMIT', status: 420 });
    trakt.state = {
      kind: 'rate-limited',
      retryAfter: '17',
      xRatelimit:
        '{"name":"AUTHED_API_GET_LIMIT","period":300,"limit":1000,"remaining":0,"until":"2026-11-25T10:00:00Z"}',
    };
    const limited = (await call()).classification;
    expect(limited).toMatchObject({
      kind: 'rate-limited',
      problem: 'TRAKT_RATE_LIMITED',
      rateLimit: {
        retryAfterSeconds: 17,
        rateLimit: { name: 'AUTHED_API_GET_LIMIT', remaining: 0, limit: 1000, period: 300 },
      },
    });
    expect(limited.evidence).toContain('Retry-After 17 s');
    trakt.state = { kind: 'rate-limited', retryAfter: 'soon', xRatelimit: '{not json' };
    expect((await call()).classification.rateLimit).toEqual({ retryAfterSeconds: null, rateLimit: null });
  });

  it('5xx and 52x → SERVICE_OUTAGE; garbage and oversized 200s stay bounded and honest', async () => {
    for (const status of [502, 521] as const) {
      trakt.state = { kind: 'outage', status };
      expect((await call()).classification).toMatchObject({ kind: 'outage', problem: 'SERVICE_OUTAGE', status });
    }
    trakt.state = { kind: 'garbage-200' };
    expect((await call()).classification).toMatchObject({ kind: 'ok', account: null });
    trakt.state = { kind: 'huge-200', bytes: 30 * 1024 * 1024 };
    const started = Date.now();
    const huge = await call();
    expect(Date.now() - started).toBeLessThan(3000);
    expect(huge.outcome.ok && huge.outcome.truncated).toBe(true);
    expect(huge.classification).toMatchObject({ kind: 'ok', account: null });
  });

  it('a black-holed API is "unreachable" (no blame on Trakt), within the probe budget', async () => {
    world.traktApi.fault = 'blackhole';
    try {
      const fast = await contextFor(world, { timeouts: { probeMs: 300 } });
      const started = Date.now();
      const { classification } = await fetchUsersSettings(fast, { clientId: CLIENT_ID, accessToken: TOKEN });
      expect(Date.now() - started).toBeLessThan(1500);
      expect(judged(classification)).toMatchObject({ kind: 'unreachable', problem: null, failedLayer: 'timeout' });
    } finally {
      world.traktApi.fault = 'normal';
    }
  });
});
