import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import type { ConfigFile } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';
import type { Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { startFullBacklogPort } from '../kit/emulators/full-backlog';
import { startHost, type HostEmulator } from '../kit/http-host';
import { createTestCa, type IssuedCert } from '../kit/test-ca';
import { TRAKT_ORIGIN_HEADERS, startWorld, type World } from '../kit/world';

function check(report: Report, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

function finding(report: Report, code: string) {
  const found = report.findings.find((f) => f.problem === code);
  if (!found) throw new Error(`no ${code} finding in ${report.findings.map((f) => f.problem).join(', ') || 'none'}`);
  return found;
}

describe('connectivity step: TCP, IPv6 and TLS against loopback servers', () => {
  let world: World;
  const extra: HostEmulator[] = [];
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  afterEach(async () => {
    world.traktApi.fault = 'normal';
    world.dns('api.trakt.tv', { kind: 'records', a: ['127.0.0.1'] });
    await Promise.all(extra.splice(0).map((h) => h.close()));
  });

  const run = async (overrides: ConfigFile = {}) =>
    diagnose(await contextFor(world, overrides), { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);

  /** An api.trakt.tv served with another certificate, on its own port. */
  const traktApiWith = async (cert: IssuedCert) => {
    const host = await startHost('api.trakt.tv', { tls: cert });
    host.fallback({ status: 404, headers: { ...TRAKT_ORIGIN_HEADERS }, body: '' });
    extra.push(host);
    return { endpoints: { traktApi: host.origin } } satisfies ConfigFile;
  };

  it('finds TCP_BLOCKED when connects to a host time out (black-holed port), in about one probe timeout', async () => {
    const port = await startFullBacklogPort();
    try {
      const started = Date.now();
      const report = await run({
        endpoints: { traktApi: `https://api.trakt.tv:${port.port}` },
        timeouts: { probeMs: 700 },
      });
      const elapsed = Date.now() - started;
      const f = finding(report, 'TCP_BLOCKED');
      expect(f.evidence[0]).toMatch(/api\.trakt\.tv: 127\.0\.0\.1:\d+ timeout \(ETIMEDOUT\)/);
      expect(report.findings.map((x) => x.problem)).toEqual(['TCP_BLOCKED']);
      // The other hosts were not held up: their chains passed.
      const http = check(report, 'connectivity.http').details.hosts as { host: string; status: string }[];
      expect(http.filter((h) => h.status === 'ok').map((h) => h.host)).toEqual([
        'www.strem.io',
        'api.strem.io',
        'trakt.tv',
        'auth.trakt.tv',
      ]);
      // Generous under a loaded machine: the bench measures the one-timeout ratio precisely.
      expect(elapsed).toBeLessThan(700 * 3);
    } finally {
      await port.close();
    }
  });

  it('finds TCP_BLOCKED when the connection is refused', async () => {
    const probe = await startHost('api.trakt.tv');
    const deadPort = probe.port;
    await probe.close();
    const report = await run({ endpoints: { traktApi: `https://api.trakt.tv:${deadPort}` } });
    expect(finding(report, 'TCP_BLOCKED').evidence[0]).toContain('refused (ECONNREFUSED)');
  });

  it('says OFFLINE (one finding) when the local resolver answers but nothing connects and no outside resolver answers', async () => {
    const probe = await startHost('nowhere');
    const dead = probe.port;
    await probe.close();
    for (const host of [
      'www.strem.io',
      'api.strem.io',
      'trakt.tv',
      'api.trakt.tv',
      'auth.trakt.tv',
      'connectivitycheck.gstatic.com',
    ])
      world.dns(host, { kind: 'drop' }, 'reference');
    try {
      const endpoints = Object.fromEntries(
        ['stremioWeb', 'stremioApi', 'traktWeb', 'traktApi', 'traktAuth'].map((name) => [
          name,
          `https://${new URL(world.config().endpoints![name as 'traktApi']!).hostname}:${dead}`,
        ]),
      );
      const report = await run({
        endpoints: { ...endpoints, captivePortal: `http://connectivitycheck.gstatic.com:${dead}/generate_204` },
        timeouts: { probeMs: 500 },
      });
      expect(report.findings.map((f) => f.problem)).toEqual(['OFFLINE']);
      expect(finding(report, 'OFFLINE').evidence[0]).toContain(
        'no host took a TCP connection and the reference resolver did not answer',
      );
      expect(check(report, 'connectivity.tcp')).toMatchObject({ verdict: 'fail', problems: [] });
    } finally {
      for (const host of [
        'www.strem.io',
        'api.strem.io',
        'trakt.tv',
        'api.trakt.tv',
        'auth.trakt.tv',
        'connectivitycheck.gstatic.com',
      ])
        world.dns(host, { kind: 'records', a: ['127.0.0.1'] }, 'reference');
    }
  });

  it('says TCP_BLOCKED, not OFFLINE, when everything is refused but the outside resolver answers (a firewall)', async () => {
    const probe = await startHost('nowhere');
    const dead = probe.port;
    await probe.close();
    const endpoints = Object.fromEntries(
      ['stremioWeb', 'stremioApi', 'traktWeb', 'traktApi', 'traktAuth'].map((name) => [
        name,
        `https://${new URL(world.config().endpoints![name as 'traktApi']!).hostname}:${dead}`,
      ]),
    );
    const report = await run({ endpoints });
    expect(report.findings.map((f) => f.problem)).toEqual(['TCP_BLOCKED']);
    expect(finding(report, 'TCP_BLOCKED').evidence).toHaveLength(1);
    for (const host of ['www.strem.io', 'api.strem.io', 'trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
      expect(finding(report, 'TCP_BLOCKED').evidence[0]).toContain(`${host}: 127.0.0.1:${dead} refused`);
  });

  it('finds ENDPOINT_TIMEOUT (not TCP_BLOCKED) when a host accepts and then never answers', async () => {
    world.traktApi.fault = 'blackhole';
    const report = await run({ timeouts: { probeMs: 600 } });
    expect(report.findings.map((f) => f.problem)).toEqual(['ENDPOINT_TIMEOUT']);
    expect(finding(report, 'ENDPOINT_TIMEOUT').evidence[0]).toContain('api.trakt.tv: connected, but no TLS answer');
    expect(check(report, 'connectivity.tcp').verdict).toBe('pass');
  });

  it('finds TCP_BLOCKED when every connection is reset (at connect or during the handshake, whichever the RST meets)', async () => {
    world.traktApi.fault = 'reset';
    const report = await run();
    expect(report.findings.map((f) => f.problem)).toEqual(['TCP_BLOCKED']);
    expect(finding(report, 'TCP_BLOCKED').evidence[0]).toMatch(
      /api\.trakt\.tv: (127\.0\.0\.1:\d+ reset \(ECONNRESET\)|the connection was reset during the TLS handshake)/,
    );
  });

  it('classifies a TLS server that sends garbage as TLS_INVALID, never a crash or a hang', async () => {
    world.traktApi.fault = 'garbage';
    const report = await run({ timeouts: { probeMs: 1500 } });
    const f = finding(report, 'TLS_INVALID');
    expect(f.evidence[0]).toMatch(/api\.trakt\.tv: the handshake failed \(ERR_SSL_/);
    expect(check(report, 'connectivity.http').details.hosts).toContainEqual(
      expect.objectContaining({ host: 'api.trakt.tv', status: 'skipped' }),
    );
  });

  it('finds TLS_INTERCEPTED and names a known antivirus from the issuer CN/O', async () => {
    const kaspersky = await createTestCa('CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab');
    const report = await run(await traktApiWith(await kaspersky.issue(['api.trakt.tv'])));
    const f = finding(report, 'TLS_INTERCEPTED');
    expect(f.evidence[0]).toContain(
      'api.trakt.tv: certificate issued by CN=Kaspersky Anti-Virus Personal Root Certificate, O=AO Kaspersky Lab — Kaspersky (antivirus)',
    );
    expect(f.confidence).toBeGreaterThanOrEqual(0.95);
    expect(f.alsoPossible).toBeUndefined();
    // Not blamed twice: the HTTP layer above an intercepted handshake is not tested.
    expect(report.findings.map((x) => x.problem)).toEqual(['TLS_INTERCEPTED']);
  });

  it('names an unknown interceptor by its issuer and keeps TLS_INVALID as also possible', async () => {
    const corp = await createTestCa('CN=Contoso Inspection CA, O=Contoso Ltd');
    const report = await run(await traktApiWith(await corp.issue(['api.trakt.tv'])));
    const f = finding(report, 'TLS_INTERCEPTED');
    expect(f.evidence[0]).toContain('CN=Contoso Inspection CA, O=Contoso Ltd');
    expect(f.alsoPossible).toEqual(['TLS_INVALID']);
  });

  it('finds TLS_INVALID for an expired certificate from the trusted CA (also possibly the clock)', async () => {
    const past = new Date(Date.now() - 10 * 86_400_000);
    const report = await run(
      await traktApiWith(
        await world.ca.issue(['api.trakt.tv'], { notBefore: past, notAfter: new Date(Date.now() - 86_400_000) }),
      ),
    );
    const f = finding(report, 'TLS_INVALID');
    expect(f.evidence[0]).toContain('api.trakt.tv: the certificate expired');
    expect(f.alsoPossible).toEqual(['CLOCK_SKEW']);
  });

  it('finds TLS_INVALID for a certificate issued to another host name', async () => {
    const report = await run(await traktApiWith(await world.ca.issue(['www.example.com'])));
    expect(finding(report, 'TLS_INVALID').evidence[0]).toContain(
      'api.trakt.tv: the certificate is for another host name',
    );
  });

  it('finds IPV6_BROKEN when the AAAA address refuses while IPv4 works', async () => {
    // ::1 is loopback; the emulator listens on 127.0.0.1 only, so the IPv6 connect fails.
    world.dns('api.trakt.tv', { kind: 'records', a: ['127.0.0.1'], aaaa: ['::1'] });
    const report = await run();
    const f = finding(report, 'IPV6_BROKEN');
    expect(f.evidence[0]).toMatch(
      /api\.trakt\.tv: 127\.0\.0\.1:\d+ connected after \d+ ms, ::1:\d+ (refused|unreachable)/,
    );
    expect(f.severity).toBe('warning');
    expect(check(report, 'connectivity.http').verdict).toBe('pass');
  });

  it('classifies an IPv6-only name this machine cannot reach over IPv6 as TCP_BLOCKED with IPv6 also possible', async () => {
    world.dns('api.trakt.tv', { kind: 'records', aaaa: ['::1'] });
    const report = await run();
    const f = finding(report, 'TCP_BLOCKED');
    expect(f.evidence[0]).toMatch(/api\.trakt\.tv: ::1:\d+ (refused|unreachable)/);
    expect(f.alsoPossible).toEqual(['IPV6_BROKEN']);
  });
});
