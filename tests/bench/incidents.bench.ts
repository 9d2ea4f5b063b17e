import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import { diagnose } from '../kit/diagnose';
import type { Report } from '../../shared/report';
import { STEP_NAMES } from '../../shared/steps';
import { medianOf } from '../kit/chain';
import { contextFor } from '../kit/engine';
import { feedPayload, incident, signedFeed } from '../kit/incident-feed';
import { FEED_PATH, startWorld, type World } from '../kit/world';
import { injectLatency } from '../kit/latency';

// The known-incidents feed runs beside the diagnosis and is never waited for: a feed server that takes
// 3 s must not lengthen a diagnosis that takes less. Every host answers after HTTP_LATENCY_MS (DNS after
// DNS_LATENCY_MS); the whole diagnosis (all steps, not signed in) is timed without the feed check, with a
// feed answering like the other hosts, and with a feed answering after 3 s.
const DNS_LATENCY_MS = 60;
const HTTP_LATENCY_MS = 150;
const SLOW_FEED_MS = 3000;
const RUNS = 3;
/** Allowed noise over the run without the feed (2 shared cores): 10 % + 150 ms. */
const SLACK = { ratio: 1.1, ms: 150 };

describe('the incidents feed never lengthens the diagnosis', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 5000 });
    injectLatency(world, HTTP_LATENCY_MS, DNS_LATENCY_MS);
    const feed = signedFeed(feedPayload([incident({ matches: { problems: ['STREMIO_NOT_FOUND'] } })]));
    world.incidents.route('GET', FEED_PATH, { status: 200, headers: { 'content-type': 'text/plain' }, body: feed });
  });
  afterAll(() => world.close());

  const timeRuns = async (checks: typeof CHECKS, feedLatencyMs: number) => {
    world.incidents.latencyMs = feedLatencyMs;
    const walls: number[] = [];
    let last: Report | null = null;
    for (let i = 0; i < RUNS; i++) {
      const ctx = await contextFor(world);
      const started = performance.now();
      last = await diagnose(ctx, { steps: [...STEP_NAMES] }, {}, checks);
      walls.push(performance.now() - started);
    }
    return { wall: medianOf(walls), report: last! };
  };

  it(`a ${SLOW_FEED_MS} ms feed server costs the diagnosis nothing`, async () => {
    // One untimed run first: the first diagnosis of a process pays for loading and compiling the engine.
    await diagnose(await contextFor(world), { steps: [...STEP_NAMES] }, {}, CHECKS);
    const without = await timeRuns(
      CHECKS.filter((c) => !c.background),
      HTTP_LATENCY_MS,
    );
    const normal = await timeRuns(CHECKS, HTTP_LATENCY_MS);
    const slow = await timeRuns(CHECKS, SLOW_FEED_MS);
    const feedOf = (report: Report) => report.checks.find((c) => c.id === 'connectivity.incidents');
    console.log(
      `BENCH incidents: diagnosis wall time (medians of ${RUNS}) without the feed ${without.wall.toFixed(0)} ms; feed at ${HTTP_LATENCY_MS} ms ${normal.wall.toFixed(0)} ms; feed at ${SLOW_FEED_MS} ms ${slow.wall.toFixed(0)} ms (budget ≤ ${SLACK.ratio} × without + ${SLACK.ms} ms)`,
    );
    console.log(`BENCH incidents slow feed: ${feedOf(slow.report)?.summary}`);
    expect(feedOf(without.report)).toBeUndefined();
    expect(feedOf(normal.report)?.verdict).toBe('pass');
    expect(feedOf(slow.report)?.summary).toMatch(/the diagnosis finished first/);
    expect(without.wall).toBeLessThan(SLOW_FEED_MS);
    expect(slow.wall).toBeLessThanOrEqual(without.wall * SLACK.ratio + SLACK.ms);
    expect(normal.wall).toBeLessThanOrEqual(without.wall * SLACK.ratio + SLACK.ms);
  });
});
