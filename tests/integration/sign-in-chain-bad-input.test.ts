import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { REVOKED_CHECKS } from '../../electron/engine/checks/revoked';
import { diagnose } from '../kit/diagnose';
import { ReportSchema, type Report } from '../../shared/report';
import { signInChainOf } from '../../shared/check-details/sign-in-chain';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import { TRAKT_ORIGIN_HEADERS, startWorld, type World } from '../kit/world';
import { contextFor } from '../kit/engine';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const PROBE_MS = 1000;
const ACCOUNT = {
  id: '8d2e3f4a5b6c7d8e9f0a1b2c',
  email: 'bad.input@example.org',
  password: 'bad input password',
  authKey: 'bad-input-auth-key-0123456789abcd',
};
const found = (location: string) => ({ status: 302, headers: { ...TRAKT_ORIGIN_HEADERS, location }, body: '' });
const pasted = (report: Report) => report.checks.find((c) => c.id === 'token.pasted-url')!;

// Whatever a hop answers, the chain is classified and bounded: never a crash, never a hang.
describe('the sign-in chain on bad input', () => {
  let world: World;
  let stremio: StremioEmulator;
  beforeAll(async () => {
    world = await startWorld({ probeMs: PROBE_MS });
    ({ stremio } = installTokenWorld(world, 'forwarding'));
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: 'bad-input-trakt-token-01234', created_at: NOW / 1000 - 3600, expires_in: 7 * 86400 },
    });
    for (let n = 1; n <= 12; n++) world.traktWeb.route('GET', `/hop/${n}`, found(`https://trakt.tv/hop/${n + 1}`));
    world.traktWeb.route('GET', '/loop/a', found('/loop/b'));
    world.traktWeb.route('GET', '/loop/b', found('https://trakt.tv/loop/a'));
    world.traktWeb.route('GET', '/elsewhere', found('https://sign-in.example.net/login?next=trakt'));
    world.traktWeb.route('GET', '/broken', found('http://[::1'));
    world.traktWeb.route('GET', '/huge', {
      status: 200,
      headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
      body: Buffer.alloc(30 * 1024 * 1024, 0x78),
    });
  });
  afterAll(() => world.close());

  const run = async (authUrl?: string) => {
    const ctx = await contextFor(world, {}, { now: () => NOW });
    const started = performance.now();
    const report = await diagnose(
      ctx,
      {
        steps: ['token', 'revoked'],
        ...(authUrl ? { authUrl } : { credentials: { kind: 'auth-key' as const, authKey: ACCOUNT.authKey } }),
      },
      {},
      [...TOKEN_CHECKS, ...REVOKED_CHECKS],
    );
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return { report, ms: performance.now() - started };
  };

  it('11+ hops: stops after 10 requests → TRAKT_AUTH_SERVER_ERROR (low confidence), nothing beyond requested', async () => {
    const before = world.traktWeb.requests.length;
    const { report } = await run('https://trakt.tv/hop/1');
    expect(pasted(report)).toMatchObject({ verdict: 'fail', problems: ['TRAKT_AUTH_SERVER_ERROR'] });
    expect(pasted(report).summary).toContain('more than 10');
    expect(world.traktWeb.requests.length - before).toBe(10);
    expect(signInChainOf(pasted(report).details)?.hops).toHaveLength(10);
    expect(report.findings.find((f) => f.problem === 'TRAKT_AUTH_SERVER_ERROR')!.confidence).toBe(0.6);
  });

  it('a loop is caught at the first repeated address', async () => {
    const before = world.traktWeb.requests.length;
    const { report } = await run('https://trakt.tv/loop/a');
    expect(pasted(report)).toMatchObject({ verdict: 'fail', problems: ['TRAKT_AUTH_SERVER_ERROR'] });
    expect(pasted(report).summary).toContain('loop');
    expect(world.traktWeb.requests.length - before).toBe(2);
  });

  it('a Location to an unknown host is reported, never requested', async () => {
    const { report } = await run('https://trakt.tv/elsewhere');
    expect(pasted(report)).toMatchObject({ verdict: 'warn', problems: [] });
    expect(pasted(report).summary).toContain('sign-in.example.net');
    expect(signInChainOf(pasted(report).details)?.hops.at(-1)).toMatchObject({
      host: 'sign-in.example.net',
      status: null,
      page: 'not-requested',
    });
  });

  it('a Location that is not a URL is classified', async () => {
    const { report } = await run('https://trakt.tv/broken');
    expect(pasted(report)).toMatchObject({ verdict: 'fail', problems: ['TRAKT_AUTH_SERVER_ERROR'] });
    expect(pasted(report).summary).toContain('not a web address');
  });

  it('a 30 MB body at a hop: only its start is read, quickly', async () => {
    const { report, ms } = await run('https://trakt.tv/huge');
    expect(ms).toBeLessThan(3000);
    expect(pasted(report)).toMatchObject({ verdict: 'warn', problems: [] });
    expect(signInChainOf(pasted(report).details)?.hops[0]!.change).toContain('only its start was read');
  });

  it('pasted text that is no address at all', async () => {
    const { report } = await run('javascript:alert(1)');
    expect(pasted(report)).toMatchObject({ verdict: 'warn', problems: [] });
  });

  it('a black-holed hop costs one probe timeout; the client_id still reaches the Revoked step', async () => {
    world.traktWeb.fault = 'blackhole';
    try {
      const { report, ms } = await run();
      expect(ms).toBeLessThan(PROBE_MS + 2500);
      const redirect = report.checks.find((c) => c.id === 'token.auth-redirect')!;
      expect(redirect).toMatchObject({ verdict: 'warn', problems: [], details: { failedLayer: 'timeout' } });
      expect(redirect.summary).toContain('trakt.tv/oauth/authorize did not answer');
      expect(report.checks.find((c) => c.id === 'revoked.users-settings')!.verdict).not.toBe('skipped');
    } finally {
      world.traktWeb.fault = 'normal';
    }
  });
});
