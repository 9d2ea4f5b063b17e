import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { SCROBBLING_ACCOUNT, daysAgo, finishedMovie, installScrobblingWorld } from '../kit/emulators/scrobbling-world';
import { medianOf } from '../kit/chain';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

// docs/testing.md "Benchmarks": the latency slope (wall time ÷ injected latency per answer) of the Scrobbling step alone
// is at most its longest dependent chain + 0.3. That chain is the account (getUser), Stremio's sign-in
// redirect (the client_id Trakt needs), then every Trakt and Stremio read together: 3 answers, i.e. the
// step adds two round trips after the account. A history longer than one page adds one more (pages 2…n
// together), printed for the record. The slope is the difference of two latencies over their distance,
// so DNS, TLS and the machine's load cancel out.
const LOW_MS = 50;
const HIGH_MS = 850;
const RUNS = 3;
const CHAIN = 3;
const BUDGET = CHAIN + 0.3;
const NOW = Date.now();

describe('Scrobbling step latency slope', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 8000 });
  });
  afterAll(() => world.close());

  const setLatency = (ms: number) => {
    for (const host of [world.stremioWeb, world.stremioApi, world.traktApi, world.traktAuth, world.traktWeb])
      host.latencyMs = ms;
  };
  const wallAt = async (latencyMs: number): Promise<number> => {
    setLatency(latencyMs);
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await contextFor(world);
      const started = performance.now();
      const report = await diagnose(ctx, {
        steps: ['scrobbling'],
        credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey },
      });
      walls.push(performance.now() - started);
      const comparison = report.checks.find((c) => c.id === 'scrobbling.comparison');
      if (comparison?.verdict !== 'pass') throw new Error(`the bench world did not compare: ${comparison?.summary}`);
    }
    return medianOf(walls);
  };
  const slopeOf = async (historyLength: number) => {
    installScrobblingWorld(world, {
      nowMs: NOW,
      library: [finishedMovie(NOW, 'tt0000301', 'Bench Movie', 0.01)],
      history: Array.from({ length: historyLength }, (_, i) => ({
        watchedAt: daysAgo(NOW, 0.01 + i * 0.001),
        imdb: i === 0 ? 'tt0000301' : `tt7${String(i).padStart(6, '0')}`,
        title: `Bench ${i}`,
      })),
    });
    const low = await wallAt(LOW_MS);
    const high = await wallAt(HIGH_MS);
    return { low, high, slope: (high - low) / (HIGH_MS - LOW_MS) };
  };

  it(`adds at most two round trips after the account (slope ≤ ${BUDGET})`, async () => {
    const one = await slopeOf(40);
    const three = await slopeOf(600);
    console.log(
      `BENCH scrobbling slope: ${one.slope.toFixed(2)} (one history page; ${one.low.toFixed(0)} ms at ${LOW_MS} ms/answer, ${one.high.toFixed(0)} ms at ${HIGH_MS} ms/answer; budget ≤ ${BUDGET})`,
    );
    console.log(
      `BENCH scrobbling slope, 3 history pages: ${three.slope.toFixed(2)} (${three.low.toFixed(0)} ms → ${three.high.toFixed(0)} ms; one round trip more for pages 2…n, expected ≤ ${BUDGET + 1})`,
    );
    expect(one.slope).toBeLessThanOrEqual(BUDGET);
    expect(three.slope).toBeLessThanOrEqual(BUDGET + 1);
  });
});
