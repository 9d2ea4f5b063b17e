import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { diagnose } from '../kit/diagnose';
import { STEP_NAMES } from '../../shared/steps';
import { installTokenWorld } from '../kit/emulators/stremio';
import { medianOf, timeHostChain } from '../kit/chain';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';
import { injectLatency } from '../kit/latency';

// docs/testing.md "Benchmarks": the whole diagnosis on a healthy network takes ≤ 1.3 × the slowest single dependency
// chain (DNS → TCP → TLS → HTTP → redirect hop), against local servers with injected latency. Every host
// and both DNS servers get the same latency. The run is signed in (an auth key), so the Token and
// Revoked checks really run. The chain is measured with the engine's own probes and client, one step
// after the other: the network chain of one host, and the account chain (getUser, then the slower of
// Stremio's sign-in redirect → Trakt's /users/settings, what Revoked waits on, and the hops of Trakt's
// sign-in chain → the corrected link's, what the Token step waits on); the slower is the reference. The
// ratio shows how well the checks overlap, whatever CHECKS contains.
const DNS_LATENCY_MS = 120;
const HTTP_LATENCY_MS = 200;
const RUNS = 3;
const BUDGET = 1.3;
const AUTH_KEY = 'bench-authkey-0123456789abcdef';
const TRAKT_TOKEN = 'bench-trakt-token-0123456789';
const USER_ID = '64a0b1c2d3e4f5a6b7c8d9ff';

/** The emulated host a real address names (the servers' Locations name real hosts, without ports). */
function onWorld(world: World, address: string): string {
  const url = new URL(address);
  const hosts = [world.stremioWeb, world.traktApi, world.traktWeb, world.traktAuth];
  const host = hosts.find((h) => h.host === url.hostname);
  if (!host) throw new Error(`account chain: ${url.hostname} is not emulated`);
  return `${host.origin}${url.pathname}${url.search}`;
}

/** Follows redirects one after the other, as the sign-in chain does; returns every address and the last status. */
async function followHops(
  ctx: EngineContext,
  world: World,
  start: string,
): Promise<{ visited: string[]; status: number }> {
  const visited = [start];
  for (let hop = 0; hop < 10; hop++) {
    const url = visited.at(-1)!;
    const answer = await ctx.http.request({ url: onWorld(world, url) });
    if (!answer.ok) throw new Error(`account chain: ${url} failed (${answer.kind})`);
    const location = answer.headers.location;
    if (answer.status < 300 || answer.status > 399 || typeof location !== 'string')
      return { visited, status: answer.status };
    visited.push(new URL(location, url).toString());
  }
  throw new Error('account chain: too many hops');
}

/**
 * The account chains, each sequentially, as the checks depend on each other: getUser, then (Revoked)
 * Stremio's sign-in redirect, whose client_id Trakt's /users/settings read uses; and (Token) every hop
 * of Trakt's sign-in chain, then — after a 4xx on the API host — the corrected link's hops. The slower
 * of the two is the account chain.
 */
async function runAccountChain(ctx: EngineContext, world: World, clientId: string): Promise<number> {
  const started = performance.now();
  const user = await ctx.http.request({
    url: `${world.stremioApi.origin}/api/getUser`,
    method: 'POST',
    json: { type: 'GetUser', authKey: AUTH_KEY },
  });
  if (!user.ok || user.status !== 200) throw new Error('account chain: getUser failed');
  const userMs = performance.now() - started;

  const revokedStarted = performance.now();
  const redirect = await ctx.http.request({ url: `${world.stremioWeb.origin}/trakt/auth/${USER_ID}` });
  if (!redirect.ok || redirect.status < 300 || redirect.status > 399)
    throw new Error('account chain: no sign-in redirect');
  const settings = await ctx.http.request({
    url: `${world.traktApi.origin}/users/settings`,
    headers: { authorization: `Bearer ${TRAKT_TOKEN}`, 'trakt-api-version': '2', 'trakt-api-key': clientId },
  });
  if (!settings.ok || settings.status !== 200) throw new Error('account chain: /users/settings failed');
  const revokedMs = performance.now() - revokedStarted;

  const signInStarted = performance.now();
  const chain = await followHops(ctx, world, `https://www.strem.io/trakt/auth/${USER_ID}`);
  const apiLink = chain.visited.map((u) => new URL(u)).find((u) => u.hostname === 'api.trakt.tv');
  if (apiLink && chain.status >= 400)
    await followHops(ctx, world, `https://auth.trakt.tv${apiLink.pathname}${apiLink.search}`);
  const signInMs = performance.now() - signInStarted;
  return userMs + Math.max(revokedMs, signInMs);
}

/** The network chain, sequentially: www.strem.io's DNS → TCP → TLS → HTTP, then the redirect hop's GET. */
async function runChain(ctx: EngineContext, world: World): Promise<number> {
  const { ms, answer } = await timeHostChain(ctx, world.stremioWeb, '/trakt/auth/bench-user');
  if (answer.status !== 302) throw new Error('chain: the first request did not redirect');
  const started = performance.now();
  const hop = await ctx.http.request({ url: String(answer.headers.location) });
  if (!hop.ok) throw new Error(`chain: redirect hop failed (${hop.kind})`);
  return ms + performance.now() - started;
}

describe('whole diagnosis vs. the slowest dependency chain', () => {
  let world: World;
  let clientId: string;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 5000 });
    const { stremio, trakt } = installTokenWorld(world);
    const now = Date.now();
    clientId = stremio.traktClientId;
    stremio.addAccount({
      id: USER_ID,
      email: 'bench@example.org',
      password: 'bench-password',
      authKey: AUTH_KEY,
      trakt: { access_token: TRAKT_TOKEN, created_at: Math.floor(now / 1000) - 3600, expires_in: 7 * 86400 },
    });
    trakt.grant(TRAKT_TOKEN, { username: 'bench_user' });
    world.stremioWeb.route('GET', '/trakt/auth/bench-user', {
      status: 302,
      headers: {
        location: `${world.traktWeb.origin}/oauth/authorize?response_type=code&client_id=bench&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`,
      },
    });
    injectLatency(world, HTTP_LATENCY_MS, DNS_LATENCY_MS);
  });
  afterAll(() => world.close());

  it(`finishes within ${BUDGET} × the slowest chain`, async () => {
    const networkChains: number[] = [];
    const accountChains: number[] = [];
    const walls: number[] = [];
    let checks = 0;
    let ran = 0;
    for (let i = 0; i < RUNS; i++) {
      // A fresh context each time: no warm connection or cache helps either side.
      networkChains.push(await runChain(await contextFor(world), world));
      accountChains.push(await runAccountChain(await contextFor(world), world, clientId));
      const ctx = await contextFor(world);
      const started = performance.now();
      const report = await diagnose(
        ctx,
        { steps: [...STEP_NAMES], credentials: { kind: 'auth-key', authKey: AUTH_KEY } },
        {},
        CHECKS,
      );
      walls.push(performance.now() - started);
      checks = report.checks.length;
      ran = report.checks.filter((c) => c.verdict !== 'skipped').length;
    }
    const chain = Math.max(medianOf(networkChains), medianOf(accountChains));
    const wall = medianOf(walls);
    const ratio = wall / chain;
    console.log(
      `BENCH diagnosis: ${checks} checks (${ran} run, the rest skipped by design) in ${wall.toFixed(0)} ms; chains: network (DNS ${DNS_LATENCY_MS} ms → TCP → TLS → HTTP ${HTTP_LATENCY_MS} ms → redirect hop) ${medianOf(networkChains).toFixed(0)} ms, account (getUser → the slower of sign-in redirect → /users/settings and the sign-in chain's hops → corrected link) ${medianOf(accountChains).toFixed(0)} ms (medians of ${RUNS})`,
    );
    console.log(`BENCH diagnosis ratio: ${ratio.toFixed(2)} × the slowest chain (budget ≤ ${BUDGET})`);
    expect(checks).toBeGreaterThan(0);
    expect(ratio).toBeLessThanOrEqual(BUDGET);
  });
});
