import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { diagnose } from '../kit/diagnose';
import { signInChainOf } from '../../shared/check-details/sign-in-chain';
import { medianOf } from '../kit/chain';
import { installTokenWorld } from '../kit/emulators/stremio';
import type { SignInWorld, TraktSignInWorld } from '../kit/emulators/trakt-sign-in-worlds';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

// The Token step's latency slope: how much its wall time grows per millisecond of latency added to every
// HTTP answer. Its dependent chain is the floor: getUser, then each hop of the sign-in chain one after the
// other (each needs the previous Location), then — for a 4xx on the API host — the corrected link's hops.
// Everything else must overlap, so the slope stays at that many requests. Fitted over several latencies
// (least squares on medians), so the fixed costs (handshakes, the engine's own work) drop out.
const LATENCIES_MS = [0, 100, 200, 300];
const RUNS = 5;
/** Slack around the floor: scheduling noise on a shared machine, never a whole extra request. */
const TOLERANCE = 0.75;
const AUTH_KEY = 'bench-chain-auth-key-0123456789ab';

function slopeOf(points: readonly (readonly [number, number])[]): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return num / den;
}

describe('the Token step stays at its dependent-chain floor', () => {
  let world: World;
  let signIn: TraktSignInWorld;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 5000 });
    const installed = installTokenWorld(world);
    signIn = installed.signIn;
    installed.stremio.addAccount({
      id: '64a0b1c2d3e4f5a6b7c8d9aa',
      email: 'bench.chain@example.org',
      password: 'bench chain password',
      authKey: AUTH_KEY,
      trakt: {
        access_token: 'bench-chain-token-01',
        created_at: Math.floor(Date.now() / 1000) - 3600,
        expires_in: 7 * 86400,
      },
    });
  });
  afterAll(() => world.close());

  const hosts = () => [world.stremioApi, world.stremioWeb, world.traktApi, world.traktWeb, world.traktAuth];

  it.each(['migrated', 'legacy'] as const)(
    '%s world: slope ≈ requests in the dependent chain',
    async (name: SignInWorld) => {
      signIn.world = name;
      const points: [number, number][] = [];
      let requests = 0;
      // One run first: the first TLS contexts and code paths are not what is measured.
      await diagnose(
        await contextFor(world),
        { steps: ['token'], credentials: { kind: 'auth-key', authKey: AUTH_KEY } },
        {},
        TOKEN_CHECKS,
      );
      for (const latency of LATENCIES_MS) {
        for (const host of hosts()) host.latencyMs = latency;
        const walls: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const ctx = await contextFor(world);
          const started = performance.now();
          const report = await diagnose(
            ctx,
            { steps: ['token'], credentials: { kind: 'auth-key', authKey: AUTH_KEY } },
            {},
            TOKEN_CHECKS,
          );
          walls.push(performance.now() - started);
          const redirect = report.checks.find((c) => c.id === 'token.auth-redirect')!;
          const hops = signInChainOf(redirect.details)?.hops.filter((h) => h.status !== null).length ?? 0;
          const verification = (redirect.details.verification as { tried?: unknown[] } | undefined)?.tried?.length ?? 0;
          // getUser + the chain's requested hops + one hop per corrected link followed (each ends on its first page here).
          requests = 1 + hops + verification;
        }
        points.push([latency, medianOf(walls)]);
      }
      for (const host of hosts()) host.latencyMs = 0;
      const slope = slopeOf(points);
      console.log(
        `BENCH token step latency slope (${name}): ${slope.toFixed(2)} ms per ms of latency; floor ${requests} (getUser → ${requests - 1} dependent hops); walls ${points.map(([l, w]) => `${l}→${w.toFixed(0)}`).join(', ')} ms (budget ≤ floor + ${TOLERANCE})`,
      );
      expect(slope).toBeGreaterThanOrEqual(requests - TOLERANCE);
      expect(slope).toBeLessThanOrEqual(requests + TOLERANCE);
    },
  );
});
