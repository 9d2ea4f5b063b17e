import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import { diagnose } from '../kit/diagnose';
import type { Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { startProxy, type ProxyEmulator } from '../kit/emulators/proxy';
import { startWorld, type World } from '../kit/world';

const PASSWORD = 's3cret-proxy-pass';

function finding(report: Report, code: string) {
  const found = report.findings.find((f) => f.problem === code);
  if (!found) throw new Error(`no ${code} finding in ${report.findings.map((f) => f.problem).join(', ') || 'none'}`);
  return found;
}

describe('connectivity step behind a proxy', () => {
  let world: World;
  let proxy: ProxyEmulator;
  beforeAll(async () => {
    world = await startWorld();
    proxy = await startProxy();
  });
  afterAll(async () => {
    await proxy.close();
    await world.close();
  });

  const run = async (env: Record<string, string>, resolveProxy?: (url: string) => Promise<string>) =>
    diagnose(
      await contextFor(world, {}, { env, ...(resolveProxy ? { resolveProxy } : {}) }),
      { steps: ['connectivity'] },
      {},
      CONNECTIVITY_CHECKS,
    );

  it('reports PROXY_IN_USE from https_proxy, redacted, and sends every probe through the proxy', async () => {
    proxy.credentials = `corp-user:${PASSWORD}`;
    const before = proxy.connects.length;
    const proxyUrl = `http://corp-user:${PASSWORD}@127.0.0.1:${proxy.port}`;
    const report = await run({ https_proxy: proxyUrl, http_proxy: proxyUrl });
    expect(report.findings.map((f) => f.problem)).toEqual(['PROXY_IN_USE']);
    const f = finding(report, 'PROXY_IN_USE');
    expect(f.evidence[0]).toContain(
      `http://[redacted]@127.0.0.1:${proxy.port} (https_proxy) for www.strem.io, api.strem.io, trakt.tv, api.trakt.tv, auth.trakt.tv`,
    );
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
    // Each HTTPS host: one tunnel carrying its TLS handshake and then its HTTP request; the plain-HTTP
    // portal probe through the engine's HTTP client (http_proxy); all with the credentials.
    const tunnels = proxy.connects.slice(before);
    for (const host of [
      'www.strem.io',
      'api.strem.io',
      'trakt.tv',
      'api.trakt.tv',
      'auth.trakt.tv',
      'connectivitycheck.gstatic.com',
    ]) {
      expect(tunnels.filter((c) => c.authority.startsWith(`${host}:`) && c.answered === 200).length, host).toBe(1);
    }
    expect(
      tunnels.every((c) => c.proxyAuthorization === `Basic ${Buffer.from(`corp-user:${PASSWORD}`).toString('base64')}`),
    ).toBe(true);
    expect(report.checks.find((c) => c.id === 'connectivity.http')!.verdict).toBe('pass');
    const chains = report.checks.find((c) => c.id === 'connectivity.summary')!.details.hosts as {
      tcp: { note: string; noteMessage?: { key: string; params: { proxy: string } } };
    }[];
    expect(chains[0]!.tcp.note).toContain('tunnel through http://[redacted]@127.0.0.1');
    // The note's message is redacted like the note (its parameters are details too).
    expect(chains[0]!.tcp.noteMessage?.key).toBe('checks-connectivity:note.tunnel');
    expect(chains[0]!.tcp.noteMessage?.params.proxy).toContain('http://[redacted]@127.0.0.1');
    expect(JSON.stringify(chains)).not.toContain(PASSWORD);
  });

  it('finds PROXY_AUTH_REQUIRED when the proxy answers 407, naming its challenge, and blames no layer above', async () => {
    proxy.credentials = `corp-user:${PASSWORD}`;
    const report = await run({ HTTPS_PROXY: `127.0.0.1:${proxy.port}` });
    expect(report.findings.map((f) => f.problem).sort()).toEqual(['PROXY_AUTH_REQUIRED', 'PROXY_IN_USE']);
    const f = finding(report, 'PROXY_AUTH_REQUIRED');
    expect(f.evidence[0]).toContain('answered 407 to CONNECT');
    expect(f.evidence[0]).toContain('Proxy-Authenticate: Basic realm="Corporate proxy"');
    expect(report.checks.find((c) => c.id === 'connectivity.tls')!.verdict).toBe('skipped');
  });

  it('honours NO_PROXY (curl rules: a domain covers its sub-domains) and ignores uppercase HTTP_PROXY', async () => {
    proxy.credentials = null;
    const before = proxy.connects.length;
    const report = await run({
      ALL_PROXY: `http://127.0.0.1:${proxy.port}`,
      NO_PROXY: 'strem.io, api.trakt.tv,.auth.trakt.tv',
      HTTP_PROXY: 'http://127.0.0.1:1',
    });
    const endpoints = report.checks.find((c) => c.id === 'connectivity.proxy')!.details.endpoints as {
      url: string;
      proxy: string;
    }[];
    expect(endpoints.filter((e) => e.proxy !== 'DIRECT').map((e) => new URL(e.url).hostname)).toEqual([
      'trakt.tv',
      'connectivitycheck.gstatic.com',
    ]);
    expect(proxy.connects.slice(before).map((c) => c.authority.split(':')[0])).toEqual(
      expect.arrayContaining(['trakt.tv']),
    );
    expect(proxy.connects.slice(before).some((c) => c.authority.startsWith('api.trakt.tv'))).toBe(false);
    expect(report.findings.map((f) => f.problem)).toEqual(['PROXY_IN_USE']);
  });

  it('blames no DNS failure and no OFFLINE when local DNS is dead but the proxy reaches every host', async () => {
    proxy.credentials = null;
    const isolated = await startWorld();
    try {
      for (const host of [
        'www.strem.io',
        'api.strem.io',
        'trakt.tv',
        'api.trakt.tv',
        'auth.trakt.tv',
        'connectivitycheck.gstatic.com',
      ])
        isolated.dns(host, { kind: 'drop' });
      const env = { https_proxy: proxy.url, http_proxy: proxy.url };
      const report = await diagnose(
        await contextFor(isolated, { timeouts: { probeMs: 600 } }, { env }),
        { steps: ['connectivity'] },
        {},
        CONNECTIVITY_CHECKS,
      );
      expect(report.findings.map((f) => f.problem)).toEqual(['PROXY_IN_USE']);
      expect(report.checks.find((c) => c.id === 'connectivity.http')!.verdict).toBe('pass');
    } finally {
      await isolated.close();
    }
  });

  it("uses the app's system proxy (Electron session.resolveProxy) per endpoint", async () => {
    proxy.credentials = null;
    const asked: string[] = [];
    const before = proxy.connects.length;
    const report = await run({}, async (url) => {
      asked.push(url);
      return new URL(url).hostname === 'api.trakt.tv' ? `PROXY 127.0.0.1:${proxy.port}; DIRECT` : 'DIRECT';
    });
    expect(asked).toEqual(
      expect.arrayContaining(['https://api.trakt.tv:' + new URL(world.traktApi.origin).port + '/']),
    );
    expect(finding(report, 'PROXY_IN_USE').evidence[0]).toContain(
      `http://127.0.0.1:${proxy.port} (system settings) for api.trakt.tv`,
    );
    expect(proxy.connects.slice(before).every((c) => c.authority.startsWith('api.trakt.tv:'))).toBe(true);
    expect(proxy.connects.length - before).toBe(1);
  });

  it("tunnels the engine's other HTTPS requests through the proxy too, and classifies a 407 as a proxy failure", async () => {
    proxy.credentials = null;
    const ctx = await contextFor(world, {}, { env: { https_proxy: proxy.url } });
    const before = proxy.connects.length;
    const answer = await ctx.http.request({ url: `${world.traktApi.origin}/users/settings` });
    expect(answer).toMatchObject({ ok: true, status: 404 });
    expect(proxy.connects.slice(before).map((c) => c.authority)).toEqual([`api.trakt.tv:${world.traktApi.port}`]);
    proxy.credentials = 'someone:else';
    const refused = await ctx.http.request({ url: `${world.traktApi.origin}/users/settings` });
    expect(refused).toMatchObject({ ok: false, kind: 'proxy', code: 'EPROXYAUTH' });
  });
});
