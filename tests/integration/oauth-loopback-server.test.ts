import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import net from 'node:net';
import { startLoopbackServer, type LoopbackServer } from '../../electron/engine/clients/oauth/loopback-server';
import { SecretRegistry } from '../../electron/engine/core/secrets';

const STATE = 'Zm9yIHRoZSB0ZXN0IG9ubHk-state-value-abcdefghij';

function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let server: LoopbackServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(options: Partial<Parameters<typeof startLoopbackServer>[0]> = {}): Promise<LoopbackServer> {
  const started = await startLoopbackServer({ port: 0, expectedState: STATE, timeoutMs: 10_000, ...options });
  if (!started.ok) throw new Error(started.error.reason);
  server = started.server;
  return started.server;
}

describe('loopback redirect server', () => {
  it('listens on 127.0.0.1 only and gives the exact redirect URI', async () => {
    const s = await start();
    expect(s.redirectUri).toBe(`http://127.0.0.1:${s.port}/callback`);
    // Not reachable on another loopback address: it is bound to 127.0.0.1 itself, not 0.0.0.0.
    const other = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: '127.0.0.2', port: s.port });
      socket.on('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
    });
    expect(other).toBe('ECONNREFUSED');
  });

  it('reports LOOPBACK_UNAVAILABLE when the port is taken, instead of throwing', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const started = await startLoopbackServer({ port, expectedState: STATE, timeoutMs: 1000 });
      expect(started.ok).toBe(false);
      if (!started.ok) {
        expect(Object.keys(started.error).sort()).toEqual(['errno', 'reason']);
        expect(started.error.errno).toBe('EADDRINUSE');
        expect(started.error.reason).toContain(`port ${port}`);
      }
    } finally {
      blocker.close();
    }
  });

  it('accepts the one callback with the right state, answers a no-store CSP page, registers the code and closes', async () => {
    const secrets = new SecretRegistry();
    const s = await start({ secrets });
    const answer = await get(s.port, `/callback?code=the-code-1234&state=${STATE}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.body).toContain('return to Stremio Trakt Doctor');
    expect(answer.body).not.toContain('the-code-1234');
    await expect(s.result).resolves.toEqual({ kind: 'code', code: 'the-code-1234' });
    expect(secrets.redact('x the-code-1234 y')).toBe('x [redacted code] y');
    await new Promise((r) => setTimeout(r, 50));
    expect(s.listening()).toBe(false);
    expect(s.stats().accepted).toBe(1);
  });

  it('rejects and counts wrong paths, methods, hosts and states without settling or closing', async () => {
    const s = await start();
    expect((await get(s.port, '/favicon.ico')).status).toBe(404);
    expect((await get(s.port, `//evil.example/callback?code=c&state=${STATE}`)).status).toBe(404);
    expect((await get(s.port, `/callback?code=c&state=${STATE}`, {}, 'POST')).status).toBe(405);
    expect((await get(s.port, `/callback?code=c&state=${STATE}`, {}, 'HEAD')).status).toBe(405);
    expect((await get(s.port, `/callback?code=c&state=${STATE}`, { host: 'evil.example' })).status).toBe(400);
    expect((await get(s.port, '/callback?code=c')).status).toBe(400);
    expect((await get(s.port, '/callback?code=c&state=wrong')).status).toBe(400);
    expect((await get(s.port, `/callback?code=c&state=${STATE}&state=${STATE}`)).status).toBe(400);
    expect((await get(s.port, `/callback?state=${STATE}`)).status).toBe(400);
    const page = await get(s.port, '/callback?code=<script>alert(1)</script>&state=x');
    expect(page.body).not.toContain('<script>');
    expect(s.listening()).toBe(true);
    expect(s.stats()).toMatchObject({
      accepted: 0,
      wrongPath: 2,
      wrongMethod: 2,
      wrongHost: 1,
      stateMismatch: 4,
      incomplete: 1,
    });
    // The real callback still completes afterwards.
    expect((await get(s.port, `/callback?code=real&state=${STATE}`)).status).toBe(200);
    await expect(s.result).resolves.toEqual({ kind: 'code', code: 'real' });
  });

  it('passes an error callback with the right state through (access_denied)', async () => {
    const s = await start();
    const answer = await get(
      s.port,
      `/callback?error=access_denied&error_description=The+resource+owner+denied&state=${STATE}`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('declined');
    await expect(s.result).resolves.toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'The resource owner denied',
    });
  });

  it('times out and closes when no callback comes', async () => {
    const s = await start({ timeoutMs: 150 });
    await expect(s.result).resolves.toEqual({ kind: 'timeout' });
    await new Promise((r) => setTimeout(r, 50));
    expect(s.listening()).toBe(false);
  });

  it('is cancelled by its signal, and the port is free again', async () => {
    const controller = new AbortController();
    const s = await start({ signal: controller.signal });
    const port = s.port;
    controller.abort();
    await expect(s.result).resolves.toEqual({ kind: 'cancelled' });
    await s.close();
    const again = await startLoopbackServer({ port, expectedState: STATE, timeoutMs: 1000 });
    expect(again.ok).toBe(true);
    if (again.ok) await again.server.close();
  });
});

describe('stray callbacks: the evidence of a state mismatch', () => {
  it('records what each rejected callback looked like (a page request or a navigation), never the state it carried', async () => {
    const s = await start();
    await get(s.port, '/callback?code=x&state=guessed-by-a-page', {
      origin: 'https://evil.example',
      'sec-fetch-site': 'cross-site',
      'sec-fetch-mode': 'no-cors',
      'sec-fetch-dest': 'image',
    });
    await get(s.port, '/callback?code=x', { 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' });
    await get(s.port, `/callback?code=x&state=${STATE}&state=${STATE}`);
    expect(s.stats().stateMismatch).toBe(3);
    expect(s.strayCallbacks()).toEqual([
      {
        state: 'wrong',
        pageRequest: true,
        origin: 'https://evil.example',
        fetchSite: 'cross-site',
        fetchMode: 'no-cors',
        fetchDest: 'image',
      },
      {
        state: 'missing',
        pageRequest: false,
        origin: null,
        fetchSite: null,
        fetchMode: 'navigate',
        fetchDest: 'document',
      },
      { state: 'repeated', pageRequest: false, origin: null, fetchSite: null, fetchMode: null, fetchDest: null },
    ]);
    expect(JSON.stringify(s.strayCallbacks())).not.toContain('guessed-by-a-page');
  });
});
