import dgram from 'node:dgram';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import type { ConfigFile } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const TRAKT_HOSTS = ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'];
const ALL_HOSTS = ['www.strem.io', 'api.strem.io', ...TRAKT_HOSTS];

function check(report: Report, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

describe('connectivity step: DNS against the emulated resolvers', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  afterEach(() => {
    for (const host of [...ALL_HOSTS, 'connectivitycheck.gstatic.com'])
      world.dns(host, { kind: 'records', a: ['127.0.0.1'] });
  });

  const run = async (overrides: ConfigFile = {}) => {
    const ctx = await contextFor(world, overrides);
    const report = await diagnose(ctx, { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };

  it('passes every layer on a healthy network, with a per-host chain and timings', async () => {
    const report = await run();
    expect(report.findings).toEqual([]);
    for (const id of [
      'connectivity.proxy',
      'connectivity.dns',
      'connectivity.tcp',
      'connectivity.tls',
      'connectivity.http',
      'connectivity.clock',
      'connectivity.captive-portal',
      'connectivity.summary',
    ]) {
      expect(check(report, id).verdict, id).toBe('pass');
    }
    const hosts = check(report, 'connectivity.summary').details.hosts as {
      host: string;
      dns: { status: string; ms: number };
      tcp: { status: string };
      tls: { status: string; note: string };
      http: { status: string; note: string };
    }[];
    expect(hosts.map((h) => h.host)).toEqual(ALL_HOSTS);
    for (const h of hosts) {
      expect([h.dns.status, h.tcp.status, h.tls.status, h.http.status]).toEqual(['ok', 'ok', 'ok', 'ok']);
      expect(h.tls.note).toContain('Doctor Test Root CA');
      expect(typeof h.dns.ms).toBe('number');
    }
    // Trakt's origin headers (x-runtime behind Cloudflare) are read, not mistaken for a block.
    const http = check(report, 'connectivity.http').details.hosts as { host: string; answeredBy?: string }[];
    expect(http.find((h) => h.host === 'api.trakt.tv')?.answeredBy).toBe('origin');
  });

  it('finds DNS_FILTERED when the system resolver sinkholes Trakt to 0.0.0.0, without dialling the sinkhole', async () => {
    for (const host of TRAKT_HOSTS) world.dns(host, { kind: 'records', a: ['0.0.0.0'], aaaa: ['::'] }, 'system');
    const before = world.traktApi.requests.length;
    const report = await run();
    const dns = check(report, 'connectivity.dns');
    expect(dns).toMatchObject({ verdict: 'fail', problems: ['DNS_FILTERED'] });
    const finding = report.findings.find((f) => f.problem === 'DNS_FILTERED');
    expect(finding).toMatchObject({ severity: 'critical' });
    // One finding for the root cause, naming every affected host.
    expect(report.findings.filter((f) => f.problem === 'DNS_FILTERED')).toHaveLength(1);
    expect(finding!.evidence).toHaveLength(1);
    for (const host of TRAKT_HOSTS) expect(finding!.evidence[0]).toContain(`${host} → 0.0.0.0, :: (system`);
    expect(finding!.evidence[0]).toContain('127.0.0.1 (reference');
    expect(finding!.fix.steps.join(' ')).toMatch(/allow trakt\.tv/i);
    // No layer above DNS is blamed for the filtered hosts, and nothing was sent to them.
    expect(report.findings.map((f) => f.problem)).toEqual(['DNS_FILTERED']);
    const tcp = check(report, 'connectivity.tcp').details.hosts as { host: string; status: string; note: string }[];
    expect(tcp.find((h) => h.host === 'trakt.tv')).toMatchObject({
      status: 'skipped',
      note: 'DNS is filtered for this host',
      // The same note as a message, so the window says it in its language (docs/i18n.md "Connectivity").
      noteMessage: { key: 'checks-connectivity:note.dnsFiltered' },
    });
    // The layers above say the same reason, not "no TCP connection".
    const tls = check(report, 'connectivity.tls').details.hosts as { host: string; noteMessage?: unknown }[];
    expect(tls.find((h) => h.host === 'trakt.tv')?.noteMessage).toEqual({
      key: 'checks-connectivity:note.dnsFiltered',
    });
    expect(world.traktApi.requests.length).toBe(before);
    expect(check(report, 'connectivity.tcp').verdict).toBe('pass');
  });

  it('finds DNS_FILTERED on an NXDOMAIN from the system where the reference answers', async () => {
    world.dns('api.trakt.tv', { kind: 'nxdomain' }, 'system');
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['DNS_FILTERED']);
    expect(report.findings[0]!.evidence[0]).toContain('api.trakt.tv → NXDOMAIN (system');
  });

  it('never calls it filtering when both resolvers agree, even on a private address', async () => {
    // A split-horizon corporate DNS: both answer 127.0.0.1 (loopback = "private") — nothing is filtered.
    const report = await run();
    expect(check(report, 'connectivity.dns').verdict).toBe('pass');
    world.dns('trakt.tv', { kind: 'records', a: ['0.0.0.0'] });
    const both = await run();
    expect(both.findings.map((f) => f.problem)).not.toContain('DNS_FILTERED');
    const tcp = check(both, 'connectivity.tcp').details.hosts as { host: string; status: string }[];
    expect(tcp.find((h) => h.host === 'trakt.tv')?.status).toBe('skipped');
  });

  it('finds DNS_FAILURE (not filtering) when the name does not exist for either resolver', async () => {
    world.dns('auth.trakt.tv', { kind: 'nxdomain' });
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['DNS_FAILURE']);
    expect(report.findings[0]!.evidence[0]).toContain('auth.trakt.tv → NXDOMAIN (system');
    expect(report.findings[0]!.alsoPossible).toBeUndefined();
  });

  it('finds DNS_FAILURE when the system resolver fails and the reference cannot be reached (a config with an unreachable DNS server)', async () => {
    // A loopback port with nothing listening: the reference resolver is unreachable.
    const closed = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => closed.bind(0, '127.0.0.1', resolve));
    const deadPort = closed.address().port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    world.dns('www.strem.io', { kind: 'servfail' }, 'system');
    const started = Date.now();
    const report = await run({ dns: { reference: [`127.0.0.1:${deadPort}`] }, timeouts: { probeMs: 600 } });
    expect(Date.now() - started).toBeLessThan(3000);
    const problems = report.findings.map((f) => f.problem);
    expect(problems).toContain('DNS_FAILURE');
    expect(problems).not.toContain('DNS_FILTERED');
    expect(report.findings.find((f) => f.problem === 'DNS_FAILURE')!.evidence[0]).toContain(
      'www.strem.io → servfail (system',
    );
    // The other hosts still went through their chains (the system resolver answers them).
    expect(check(report, 'connectivity.http').verdict).toBe('pass');
  });

  it('finds OFFLINE, one finding, when no resolver answers at all — within one probe timeout', async () => {
    for (const host of [...ALL_HOSTS, 'connectivitycheck.gstatic.com']) world.dns(host, { kind: 'drop' });
    const started = Date.now();
    const report = await run({ timeouts: { probeMs: 500 } });
    const elapsed = Date.now() - started;
    expect(report.findings.map((f) => f.problem)).toEqual(['OFFLINE']);
    expect(check(report, 'connectivity.summary')).toMatchObject({ verdict: 'fail', problems: ['OFFLINE'] });
    expect(check(report, 'connectivity.tls').verdict).toBe('skipped');
    expect(check(report, 'connectivity.http').verdict).toBe('skipped');
    // Bounded by the DNS cap, not four stages of timeouts.
    expect(elapsed).toBeLessThan(500 * 3);
  });

  it('classifies a resolver that answers garbage as no answer, never a crash', async () => {
    for (const host of ALL_HOSTS) world.dns(host, { kind: 'garbage' }, 'system');
    const report = await run({ timeouts: { probeMs: 400 } });
    expect(report.findings.map((f) => f.problem)).toContain('DNS_FAILURE');
    expect(check(report, 'connectivity.dns').verdict).toBe('fail');
  });
});
