import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import type { ConfigFile } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';
import type { Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import type { HostEmulator } from '../kit/http-host';
import { TRAKT_ORIGIN_HEADERS, startWorld, type World } from '../kit/world';
import { cloudflareBanReply } from '../kit/emulators/cloudflare-pages';

/** Cloudflare's WAF block page as Trakt users get it without a User-Agent (trakt-api#670). */
const CLOUDFLARE_BLOCK = {
  status: 403,
  headers: {
    server: 'cloudflare',
    'cf-ray': '8f9e2d1c0b4a3f21-FRA',
    'content-type': 'text/html; charset=UTF-8',
    'cf-mitigated': 'challenge',
  },
  body: '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1><h2>You are unable to access trakt.tv</h2><p>Cloudflare Ray ID: <strong>8f9e2d1c0b4a3f21</strong></p></body></html>',
};

/** Cloudflare's 522 page: the edge answered, Trakt's origin did not (docs.trakt.tv/docs/status-codes). */
const CLOUDFLARE_522 = {
  status: 522,
  headers: { server: 'cloudflare', 'cf-ray': '8f9e2d1c0b4a3f22-AMS', 'content-type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html><html><head><title>trakt.tv | 522: Connection timed out</title></head><body>Error code 522</body></html>',
};

function finding(report: Report, code: string) {
  const found = report.findings.find((f) => f.problem === code);
  if (!found) throw new Error(`no ${code} finding in ${report.findings.map((f) => f.problem).join(', ') || 'none'}`);
  return found;
}

describe('connectivity step: HTTP answers and the clock', () => {
  let world: World;
  let hosts: HostEmulator[];
  beforeAll(async () => {
    world = await startWorld();
    hosts = [world.stremioWeb, world.stremioApi, world.traktWeb, world.traktApi, world.traktAuth];
  });
  afterAll(() => world.close());
  afterEach(() => {
    for (const host of hosts) {
      host.dateOffsetMs = 0;
      host.latencyMs = 0;
    }
    world.traktWeb.fallback({
      status: 200,
      headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
      body: '<!doctype html><title>Trakt</title>',
    });
    world.traktApi.fallback({ status: 404, headers: { ...TRAKT_ORIGIN_HEADERS }, body: '' });
    world.stremioApi.fallback({ status: 200, body: { error: { message: 'Method not found', code: 0 } } });
  });

  const run = async (overrides: ConfigFile = {}, now?: () => number) =>
    diagnose(
      await contextFor(world, overrides, now ? { now } : {}),
      { steps: ['connectivity'] },
      {},
      CONNECTIVITY_CHECKS,
    );

  it("finds CLOUDFLARE_BLOCKED from Cloudflare's block page (server: cloudflare, cf-ray, no x-runtime)", async () => {
    world.traktWeb.fallback(CLOUDFLARE_BLOCK);
    world.traktApi.fallback(CLOUDFLARE_BLOCK);
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['CLOUDFLARE_BLOCKED']);
    const f = finding(report, 'CLOUDFLARE_BLOCKED');
    expect(f.evidence).toHaveLength(1);
    expect(f.evidence[0]).toContain(
      "trakt.tv → 403 from server: cloudflare (Cloudflare's block page, cf-ray 8f9e2d1c0b4a3f21-FRA, no x-runtime)",
    );
    expect(f.evidence[0]).toContain('api.trakt.tv → 403');
    // The WAF's block: change networks (not the temporary ban's "wait").
    expect(f).not.toHaveProperty('variant');
    expect(f.fix.title).toBe('Change network or VPN exit');
    const http = report.checks.find((c) => c.id === 'connectivity.http')!.details.hosts as {
      host: string;
      answeredBy?: string;
    }[];
    expect(http.find((h) => h.host === 'trakt.tv')?.answeredBy).toBe('cloudflare-edge');
  });

  it('Cloudflare’s temporary ban (error 1015, a 429 page) is CLOUDFLARE_BLOCKED that says temporary and wait', async () => {
    world.traktApi.fallback(cloudflareBanReply('api.trakt.tv', '9ef469f2ee2c1683-AMS', '900'));
    const report = await run();
    const f = finding(report, 'CLOUDFLARE_BLOCKED');
    expect(f.evidence[0]).toBe(
      'connectivity.http: api.trakt.tv → 429 from server: cloudflare (Cloudflare\'s temporary ban, error 1015, "banned you temporarily", Retry-After 900, cf-ray 9ef469f2ee2c1683-AMS, no x-runtime)',
    );
    expect(f.variant).toBe('temporary');
    expect(f.title).toBe("Trakt's firewall has shut this connection out for a while");
    expect(f.explanation).toContain('banned this connection temporarily (error 1015');
    expect(f.fix.title).toBe('Wait, then try again');
    expect(f.fix.steps[0]).toMatch(/^Wait: the ban is temporary/);
    expect(f.fix.steps[1]).toContain('stop other Trakt tools on this network that hammer Trakt');
    // Not Trakt's own rate limit (no X-Ratelimit, Cloudflare's page): no TRAKT_RATE_LIMITED next to it.
    expect(report.findings.map((x) => x.problem)).not.toContain('TRAKT_RATE_LIMITED');
  });

  it("does not call Trakt's own 403 (x-runtime present) a Cloudflare block", async () => {
    world.traktApi.fallback({ status: 403, headers: { ...TRAKT_ORIGIN_HEADERS }, body: '' });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).not.toContain('CLOUDFLARE_BLOCKED');
    // The origin answered: its chain is whole, and the verdict does not count a problem no finding names.
    const summary = report.checks.find((c) => c.id === 'connectivity.summary')!;
    expect(
      (summary.details.hosts as { host: string; http: { status: string } }[]).find((h) => h.host === 'api.trakt.tv')
        ?.http.status,
    ).toBe('ok');
    expect(summary.verdict).toBe('pass');
  });

  it('does not call a JSON 403 passed through Cloudflare (an origin without x-runtime) a Cloudflare block', async () => {
    world.stremioApi.fallback({
      status: 403,
      headers: { server: 'cloudflare', 'cf-ray': '8f9e2d1c0b4a3f23-AMS', 'content-type': 'application/json' },
      body: { error: { message: 'Forbidden', code: 403 } },
    });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).not.toContain('CLOUDFLARE_BLOCKED');
  });

  it('finds SERVICE_OUTAGE on a Cloudflare 522 and a 503, saying which service', async () => {
    world.traktApi.fallback(CLOUDFLARE_522);
    world.stremioApi.fallback({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'Service Unavailable' });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['SERVICE_OUTAGE']);
    const evidence = finding(report, 'SERVICE_OUTAGE').evidence[0]!;
    expect(evidence).toContain('Stremio and Trakt');
    expect(evidence).toContain('api.trakt.tv → 522 (Cloudflare cannot reach');
    expect(evidence).toContain('api.strem.io → 503');
  });

  it('does not pass a host whose answer is not HTTP at all', async () => {
    // A plain-HTTP endpoint (a custom config) served by something that speaks no HTTP.
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as net.AddressInfo).port;
      const report = await run({ endpoints: { stremioWeb: `http://www.strem.io:${port}` } });
      const http = report.checks.find((c) => c.id === 'connectivity.http')!;
      expect(http.verdict).toBe('fail');
      expect(http.summary).toContain('www.strem.io gave no usable HTTP answer');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('finds PROXY_AUTH_REQUIRED when an intercepting proxy answers 407 in place of the service', async () => {
    world.stremioApi.fallback({
      status: 407,
      headers: { 'proxy-authenticate': 'NTLM', 'content-type': 'text/html' },
      body: '<html>Proxy authentication required</html>',
    });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['PROXY_AUTH_REQUIRED']);
    expect(finding(report, 'PROXY_AUTH_REQUIRED').evidence[0]).toContain(
      'api.strem.io: 407 Proxy Authentication Required',
    );
  });

  it('finds ENDPOINT_TIMEOUT when the TLS handshake works but the HTTP answer never comes', async () => {
    world.traktAuth.latencyMs = 2000;
    const report = await run({ timeouts: { probeMs: 500 } });
    expect(report.findings.map((f) => f.problem)).toEqual(['ENDPOINT_TIMEOUT']);
    expect(finding(report, 'ENDPOINT_TIMEOUT').evidence[0]).toContain('auth.trakt.tv: connected, but no HTTP answer');
  });

  it('finds CLOCK_SKEW, critical, when the servers say it is 10 minutes earlier', async () => {
    for (const host of hosts) host.dateOffsetMs = -10 * 60_000;
    const report = await run();
    const f = finding(report, 'CLOCK_SKEW');
    expect(f.severity).toBe('critical');
    expect(f.evidence[0]).toMatch(/median skew -(599|600|601) s/);
    expect(report.checks.find((c) => c.id === 'connectivity.clock')!.summary).toContain(
      '10 minutes ahead of the servers',
    );
  });

  it('finds CLOCK_SKEW as a warning between 90 s and 5 minutes (our clock behind)', async () => {
    const report = await run({}, () => Date.now() - 3 * 60_000);
    const f = finding(report, 'CLOCK_SKEW');
    expect(f.severity).toBe('warning');
    expect(f.evidence[0]).toMatch(/median skew \+(179|180|181) s/);
  });

  it('ignores a cached answer (Age header) and one odd server: the median decides', async () => {
    world.traktWeb.fallback({
      status: 200,
      headers: { ...TRAKT_ORIGIN_HEADERS, age: '86400', 'content-type': 'text/html' },
      body: 'cached',
    });
    world.traktWeb.dateOffsetMs = -86_400_000;
    world.stremioWeb.dateOffsetMs = 3_600_000;
    const report = await run();
    expect(report.findings.map((f) => f.problem)).not.toContain('CLOCK_SKEW');
    const details = report.checks.find((c) => c.id === 'connectivity.clock')!.details;
    expect(details.ignoredCached).toEqual(['trakt.tv']);
    expect(Math.abs(details.medianSkewSeconds as number)).toBeLessThanOrEqual(2);
  });

  it('finds SLOW_NETWORK when the median time to first byte is over 2 s', async () => {
    for (const host of hosts) host.latencyMs = 2100;
    const report = await run({ timeouts: { probeMs: 4000 } });
    expect(report.findings.map((f) => f.problem)).toEqual(['SLOW_NETWORK']);
    expect(finding(report, 'SLOW_NETWORK').evidence[0]).toMatch(/median time to first byte 2\d{3} ms over 5 hosts/);
    expect(report.checks.find((c) => c.id === 'connectivity.http')!.verdict).toBe('warn');
  });

  it('decides SLOW_NETWORK by the median, not the slowest hosts or the mean', async () => {
    // Two of five hosts at 5.2 s: the mean (over 2 s) and the maximum would call this slow, the median does not.
    world.traktApi.latencyMs = 5200;
    world.traktAuth.latencyMs = 5200;
    const report = await run({ timeouts: { probeMs: 7000 } });
    expect(report.findings.map((f) => f.problem)).not.toContain('SLOW_NETWORK');
    expect(report.checks.find((c) => c.id === 'connectivity.http')!.details.medianFirstByteMs).toBeLessThan(2000);
  });
});
