import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captivePortalCheck, classifyPortalAnswer } from '../../electron/engine/checks/connectivity/captive-portal';
import { diagnose } from '../kit/diagnose';
import { ReportSchema } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

describe('captive-portal probe (Chrome rules, captive_portal_detector.cc)', () => {
  it.each([
    [204, 0, 'connected'],
    [200, 0, 'connected'],
    [200, 1, 'connected'],
    [200, 2, 'portal'],
    [302, 0, 'portal'],
    [511, 100, 'portal'],
    [503, 0, 'no-response'],
    [404, 0, 'no-response'],
    [199, 0, 'no-response'],
  ] as const)('status %i with %i body bytes → %s', (status, bytes, expected) => {
    expect(classifyPortalAnswer(status, bytes)).toBe(expected);
  });
});

describe('captive-portal check against the emulated probe', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  const run = async () => {
    const ctx = await contextFor(world);
    return diagnose(ctx, { steps: ['connectivity'] }, {}, [captivePortalCheck]);
  };

  it('passes on an empty 204', async () => {
    world.captivePortal.route('GET', '/generate_204', { status: 204 });
    const report = await run();
    expect(ReportSchema.safeParse(report).success).toBe(true);
    expect(report.checks[0]).toMatchObject({ id: 'connectivity.captive-portal', verdict: 'pass', problems: [] });
    expect(report.findings).toEqual([]);
  });

  it('finds CAPTIVE_PORTAL on a hotel login redirect', async () => {
    world.captivePortal.route('GET', '/generate_204', {
      status: 302,
      headers: { location: 'http://login.hotel.example/portal' },
      body: '<html>Please log in</html>',
    });
    const report = await run();
    expect(report.checks[0]).toMatchObject({ verdict: 'fail', problems: ['CAPTIVE_PORTAL'] });
    expect(report.findings[0]).toMatchObject({ problem: 'CAPTIVE_PORTAL', severity: 'critical' });
    expect(report.findings[0]!.evidence[0]).toContain('302');
  });

  it('finds CAPTIVE_PORTAL on 511 Network Authentication Required', async () => {
    world.captivePortal.route('GET', '/generate_204', { status: 511, body: '<html>Accept the terms</html>' });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['CAPTIVE_PORTAL']);
    expect(report.findings[0]!.confidence).toBeGreaterThan(0.95);
  });

  it('sends the tool User-Agent and no retries', async () => {
    world.captivePortal.route('GET', '/generate_204', { status: 503 });
    const before = world.captivePortal.requests.length;
    const report = await run();
    expect(report.checks[0]!.verdict).toBe('warn');
    const sent = world.captivePortal.requests.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['user-agent']).toMatch(/^stremio-trakt-doctor\/\d/);
  });

  it('classifies a black-holed probe as a timeout within the probe budget', async () => {
    world.captivePortal.fault = 'blackhole';
    try {
      const ctx = await contextFor(world, { timeouts: { probeMs: 300 } });
      const started = Date.now();
      const report = await diagnose(ctx, { steps: ['connectivity'] }, {}, [captivePortalCheck]);
      expect(Date.now() - started).toBeLessThan(1500);
      expect(report.checks[0]!.details).toMatchObject({ failedLayer: 'timeout' });
    } finally {
      world.captivePortal.fault = 'normal';
    }
  });
});
