import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import type { ConfigFile } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';
import { medianOf, timeHostChain } from '../kit/chain';
import { contextFor } from '../kit/engine';
import { startFullBacklogPort } from '../kit/emulators/full-backlog';
import type { HostEmulator } from '../kit/http-host';
import { startWorld, type World } from '../kit/world';

// The Connectivity step's budgets (docs/testing.md "Benchmarks"): with latency L on every emulated answer (DNS and
// HTTP), the step costs ≤ 1.3 × the slowest single DNS → TCP → TLS → HTTP chain; with one black-holed
// host it costs ≤ 1.2 × the probe timeout (one timeout for the whole step, never one per probe).
// L = 250 ms stands for one internet round trip per answer; loopback adds none to TCP and TLS, so what
// remains beyond L is CPU — and here the emulators share the engine's process and its two cores: the
// step's overhead over the single chain is printed in ms as well as the ratio.
const LATENCY_MS = 250;
const PROBE_MS = 2000;
/** The black-hole run's probe timeout: the cost to beat is one of these, plus the host's DNS answer (L). */
const BLACKHOLE_PROBE_MS = 3000;
const RUNS = 5;
const CHAIN_BUDGET = 1.3;
const BLACKHOLE_BUDGET = 1.2;

describe('Connectivity step budgets', () => {
  let world: World;
  let hosts: HostEmulator[];
  beforeAll(async () => {
    world = await startWorld({ probeMs: PROBE_MS });
    hosts = [world.stremioWeb, world.stremioApi, world.traktWeb, world.traktApi, world.traktAuth];
    for (const host of [...hosts, world.captivePortal]) host.latencyMs = LATENCY_MS;
    world.systemDns.latencyMs = LATENCY_MS;
    world.referenceDns.latencyMs = LATENCY_MS;
    // Warm-up: the first TLS context and module loads are not what is measured.
    await diagnose(await contextFor(world), { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);
  });
  afterAll(() => world.close());

  const step = async (overrides: ConfigFile = {}) => {
    const ctx = await contextFor(world, overrides);
    const started = performance.now();
    const report = await diagnose(ctx, { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);
    return { ms: performance.now() - started, report };
  };

  it(`costs ≤ ${CHAIN_BUDGET} × the slowest single chain on a healthy network (L = ${LATENCY_MS} ms)`, async () => {
    const chains: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await contextFor(world);
      const perHost: number[] = [];
      for (const host of hosts) perHost.push((await timeHostChain(ctx, host)).ms);
      chains.push(Math.max(...perHost));
      const { ms, report } = await step();
      expect(report.findings).toEqual([]);
      walls.push(ms);
    }
    const chain = medianOf(chains);
    const wall = medianOf(walls);
    const ratio = wall / chain;
    console.log(
      `BENCH connectivity chain: step ${wall.toFixed(0)} ms for ${hosts.length} hosts; slowest single chain (DNS ${LATENCY_MS} → TCP → TLS → HTTP ${LATENCY_MS}) ${chain.toFixed(0)} ms (medians of ${RUNS})`,
    );
    console.log(
      `BENCH connectivity chain ratio: ${ratio.toFixed(2)} × the slowest chain, +${(wall - chain).toFixed(0)} ms (budget ≤ ${CHAIN_BUDGET})`,
    );
    expect(ratio).toBeLessThanOrEqual(CHAIN_BUDGET);
  });

  it(`costs ≤ ${BLACKHOLE_BUDGET} × the probe timeout with one black-holed host (probe timeout ${BLACKHOLE_PROBE_MS} ms)`, async () => {
    const timeouts = { probeMs: BLACKHOLE_PROBE_MS };
    // Two kinds of black hole: SYNs dropped (connect never completes) and accepted-then-silent.
    const port = await startFullBacklogPort();
    try {
      const dropped = await step({ endpoints: { traktApi: `https://api.trakt.tv:${port.port}` }, timeouts });
      expect(dropped.report.findings.map((f) => f.problem)).toEqual(['TCP_BLOCKED']);
      world.traktAuth.fault = 'blackhole';
      const silent = await step({ timeouts });
      world.traktAuth.fault = 'normal';
      expect(silent.report.findings.map((f) => f.problem)).toEqual(['ENDPOINT_TIMEOUT']);
      const ratioDropped = dropped.ms / BLACKHOLE_PROBE_MS;
      const ratioSilent = silent.ms / BLACKHOLE_PROBE_MS;
      console.log(
        `BENCH connectivity black hole: SYN-dropping port ${dropped.ms.toFixed(0)} ms, accept-then-silent host ${silent.ms.toFixed(0)} ms (probe timeout ${BLACKHOLE_PROBE_MS} ms)`,
      );
      console.log(
        `BENCH connectivity black-hole ratio: ${Math.max(ratioDropped, ratioSilent).toFixed(2)} × the probe timeout (dropped ${ratioDropped.toFixed(2)}, silent ${ratioSilent.toFixed(2)}; budget ≤ ${BLACKHOLE_BUDGET})`,
      );
      expect(Math.max(ratioDropped, ratioSilent)).toBeLessThanOrEqual(BLACKHOLE_BUDGET);
    } finally {
      world.traktAuth.fault = 'normal';
      await port.close();
    }
  });
});
