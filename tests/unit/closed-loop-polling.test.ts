import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveScrobbleDetailsSchema } from '../../shared/check-details/closed-loop';
import { resolveConfig } from '../../electron/engine/core/config';
import { createEngineContext, type EngineContext } from '../../electron/engine/runtime/context';
import type { HttpOutcome, HttpRequest } from '../../electron/engine/net/http-client';
import type { CheckDeps, CheckOutcome } from '../../electron/engine/runtime/check';
import { liveScrobbleCheck } from '../../electron/engine/checks/scrobbling/live';
import { stremioAccountCheck } from '../../electron/engine/checks/token/stremio-account';
import { RequestBudget } from '../../electron/engine/runtime/request-budget';
import { runWatchLoop } from '../../electron/engine/runtime/watch-loop';

// The live scrobble test's request budget under fake timers (docs/testing.md): the real check runs against a
// scripted Trakt (an HTTP client double answering by path), so a 15-minute wait takes milliseconds and every
// request's time is known. Trakt's reads: at most one every 5 s, never more than 60 in any 5 minutes, and
// nothing before a 429's Retry-After.

const FIVE_MIN = 5 * 60_000;
const CLIENT_ID = 'stremio-public-client-id-0000';
const ACCOUNT_ID = '64a0b1c2d3e4f5a6b7c8d9c3';
const TOKEN = 'budget-trakt-token-0123456789';

/** The most requests any window of `windowMs` holds, counted from the times they were sent. */
function maxInWindow(times: readonly number[], windowMs = FIVE_MIN): number {
  return Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));
}

const STAMPS = (paused: string) =>
  JSON.stringify({
    all: paused,
    movies: { watched_at: '2026-01-01T00:00:00.000Z', paused_at: paused },
    episodes: { watched_at: '2026-01-01T00:00:00.000Z', paused_at: '2026-01-01T00:00:00.000Z' },
  });

/** A scripted Trakt and Stremio: `trakt(path, index)` answers the index-th read (0-based) of the live paths. */
function scriptedHttp(trakt: (path: string, index: number) => Partial<Extract<HttpOutcome, { ok: true }>>) {
  const traktReads: { path: string; at: number }[] = [];
  const answer = (url: string, status: number, body = '', headers: Record<string, string> = {}): HttpOutcome => ({
    ok: true,
    status,
    headers: { 'x-runtime': '0.01', ...headers },
    body,
    truncated: false,
    timings: {},
    url,
  });
  const request = async ({ url }: HttpRequest): Promise<HttpOutcome> => {
    const { pathname } = new URL(url);
    if (pathname === '/api/getUser')
      return answer(
        url,
        200,
        JSON.stringify({
          result: {
            _id: ACCOUNT_ID,
            email: 'budget@example.net',
            trakt: { access_token: TOKEN, created_at: Math.floor(Date.now() / 1000), expires_in: 604800 },
          },
        }),
      );
    if (pathname === `/trakt/auth/${ACCOUNT_ID}`)
      return answer(url, 302, '', {
        location: `https://api.trakt.tv/oauth/authorize?response_type=code&client_id=${CLIENT_ID}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`,
      });
    traktReads.push({ path: pathname, at: Date.now() });
    const scripted = trakt(pathname, traktReads.length - 1);
    return { ...answer(url, 200), ...scripted } as HttpOutcome;
  };
  return { request, traktReads };
}

async function runLive(
  http: ReturnType<typeof scriptedHttp>,
  waitMs: number,
  signal = new AbortController().signal,
): Promise<CheckOutcome<undefined, object, unknown>> {
  // The real endpoints' names (the double answers them); resolvers on loopback, never asked.
  const config = resolveConfig({ dns: { system: ['127.0.0.1:53'], reference: ['127.0.0.1:53'] } });
  const base = await createEngineContext(config, { env: {} });
  const ctx: EngineContext = { ...base, http: { request: http.request } };
  const deps: CheckDeps = {
    get: (<D>(check: { id: string }) =>
      (check.id === stremioAccountCheck.id
        ? { session: { authKey: 'budget-authkey-0123456789', user: { id: ACCOUNT_ID } }, via: 'getUser' }
        : undefined) as D) as CheckDeps['get'],
    result: () => undefined,
  };
  const run = liveScrobbleCheck.run({ ctx, input: { steps: [], liveScrobble: { waitMs } }, deps, signal });
  await vi.advanceTimersByTimeAsync(waitMs + 10_000);
  return run;
}

describe('the live scrobble test keeps to its request budget (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 7, 21, 0, 0) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('over the longest wait (15 min): one read per 5 s at most, never more than 60 in any 5 minutes', async () => {
    const http = scriptedHttp((path) =>
      path === '/users/me/watching' ? { status: 204 } : { body: STAMPS('2026-12-01T00:00:00.000Z') },
    );
    const outcome = await runLive(http, 15 * 60_000);
    const times = http.traktReads.map((r) => r.at);
    expect(outcome.verdict).toBe('fail');
    expect(outcome.problems?.map((p) => p.code)).toEqual(['SCROBBLE_NOT_SEEN_LIVE']);
    expect(times).toHaveLength(180);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(5000);
    expect(maxInWindow(times)).toBe(60);
    const details = LiveScrobbleDetailsSchema.parse(outcome.details);
    expect(details).toMatchObject({ polls: 180, watchingReads: 90, activityReads: 90, maxRequestsPer5Min: 60 });
    // The reads alternate, the watch in progress first, then the activity baseline.
    expect(http.traktReads.slice(0, 4).map((r) => r.path)).toEqual([
      '/users/me/watching',
      '/sync/last_activities',
      '/users/me/watching',
      '/sync/last_activities',
    ]);
  });

  it("honours a 429's Retry-After: no read before it, then polling resumes", async () => {
    const http = scriptedHttp((path, i) =>
      i === 3
        ? { status: 429, headers: { 'retry-after': '42', 'x-runtime': '0.01' } }
        : path === '/users/me/watching'
          ? { status: 204 }
          : { body: STAMPS('2026-12-01T00:00:00.000Z') },
    );
    const outcome = await runLive(http, 5 * 60_000);
    const times = http.traktReads.map((r) => r.at);
    expect(times[4]! - times[3]!).toBe(42_000);
    expect(times[5]! - times[4]!).toBe(5000);
    // Reads resumed and covered the rest of the wait: "not seen", with the 429 in the details.
    expect(outcome.problems?.map((p) => p.code)).toEqual(['SCROBBLE_NOT_SEEN_LIVE']);
    expect(LiveScrobbleDetailsSchema.parse(outcome.details).rateLimited).toEqual({ retryAfterSeconds: 42 });
    expect(maxInWindow(times)).toBeLessThanOrEqual(60);
  });

  it('a 429 without Retry-After waits Trakt\'s 5 minutes; past the wait\'s end the test is "rate limited"', async () => {
    const http = scriptedHttp((path, i) =>
      i === 1
        ? { status: 429 }
        : path === '/users/me/watching'
          ? { status: 204 }
          : { body: STAMPS('2026-12-01T00:00:00.000Z') },
    );
    const outcome = await runLive(http, 4 * 60_000);
    expect(http.traktReads).toHaveLength(2);
    expect(outcome.verdict).toBe('warn');
    expect(outcome.problems?.map((p) => p.code)).toEqual(['TRAKT_RATE_LIMITED']);
  });

  it('a newer paused_at after the baseline is a new watch (Stremio pauses: a scrobble pause)', async () => {
    const http = scriptedHttp((path, i) =>
      path === '/users/me/watching'
        ? { status: 204 }
        : { body: STAMPS(i < 3 ? '2026-12-01T00:00:00.000Z' : '2026-12-07T21:00:16.000Z') },
    );
    const outcome = await runLive(http, 5 * 60_000);
    expect(outcome.verdict).toBe('pass');
    // Baseline at the 2nd read (5 s), the newer stamp at the 4th (15 s).
    expect(http.traktReads).toHaveLength(4);
    expect(LiveScrobbleDetailsSchema.parse(outcome.details)).toMatchObject({ seenBy: 'last-activities', polls: 4 });
    expect(outcome.confirms?.codes).toContain('SCROBBLES_NOT_REACHING_TRAKT');
  });
});

describe('the polling pieces', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('RequestBudget: the 61st request of a burst waits until the first leaves the 5-minute window', () => {
    const budget = new RequestBudget(60, FIVE_MIN);
    for (let i = 0; i < 60; i++) budget.record(i);
    expect(budget.nextAt(60)).toBe(FIVE_MIN);
    budget.blockUntil(FIVE_MIN + 7000);
    expect(budget.nextAt(60)).toBe(FIVE_MIN + 7000);
    expect(budget.maxInWindow()).toBe(60);
  });

  it('runWatchLoop: without spacing, the budget alone keeps any 5 minutes at 60', async () => {
    const times: number[] = [];
    const budget = new RequestBudget(60, FIVE_MIN);
    const loop = runWatchLoop({
      waitMs: 15 * 60_000,
      everyMs: 0,
      signal: new AbortController().signal,
      budget,
      poll: async () => {
        times.push(Date.now());
        return { kind: 'continue' };
      },
    });
    await vi.advanceTimersByTimeAsync(16 * 60_000);
    expect(await loop).toMatchObject({ kind: 'waited', polls: 180 });
    expect(maxInWindow(times)).toBe(60);
  });

  it('runWatchLoop: a cancel ends the wait at once', async () => {
    const cancel = new AbortController();
    const loop = runWatchLoop({
      waitMs: 15 * 60_000,
      everyMs: 5000,
      signal: cancel.signal,
      poll: async () => ({ kind: 'continue' }),
    });
    await vi.advanceTimersByTimeAsync(12_000);
    cancel.abort();
    expect(await loop).toEqual({ kind: 'cancelled', polls: 3 });
  });
});
