import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes, randomInt } from 'node:crypto';
import net from 'node:net';
import { oauthDifferentialCheck } from '../../electron/engine/checks/token/oauth-differential';
import { diagnose } from '../kit/diagnose';
import { startLoopbackServer } from '../../electron/engine/clients/oauth/loopback-server';
import { contextFor } from '../kit/engine';
import { installTraktSignIn } from '../kit/emulators/trakt-oauth';
import { playBrowser } from '../kit/emulators/trakt-oauth-browser.mjs';
import { startWorld, type World } from '../kit/world';

const CLIENT_ID = 'doctor-fuzz-client-0123456789';

/** Sends raw bytes and returns the answer's status code, or `closed` when the server hung up without one. */
function raw(port: number, bytes: Buffer | string, timeoutMs = 3000): Promise<number | 'closed' | 'no-answer'> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let answer = '';
    const done = (value: number | 'closed' | 'no-answer') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(value);
    };
    const timer = setTimeout(() => done('no-answer'), timeoutMs);
    // Half-close after the bytes: a request that never completes ends at EOF instead of waiting out
    // the server's header timeout (slow-loris is exercised separately).
    socket.on('connect', () => socket.end(bytes));
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
      if (status) done(Number(status[1]));
    });
    socket.on('error', () => done('closed'));
    socket.on('close', () => done('closed'));
  });
}

function isUp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)]!;
}

/** Flips one character of `value`: the closest a forger can get without knowing it. */
function flipOne(value: string): string {
  const i = randomInt(value.length);
  return `${value.slice(0, i)}${value[i] === 'A' ? 'B' : 'A'}${value.slice(i + 1)}`;
}

/** One hostile request of each kind (the real state is used where it makes the attack stronger). */
function hostile(kind: string, port: number, state: string): Buffer | string {
  const host = `127.0.0.1:${port}`;
  const get = (target: string, headers = `Host: ${host}\r\n`) =>
    `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
  switch (kind) {
    case 'random-bytes':
      return randomBytes(randomInt(1, 2048));
    case 'huge-header':
      return `GET /callback?code=x&state=${state} HTTP/1.1\r\nHost: ${host}\r\nX-Fill: ${'a'.repeat(randomInt(9 * 1024, 64 * 1024))}\r\n\r\n`;
    case 'huge-url':
      return get(`/callback?code=${'c'.repeat(randomInt(10_000, 100_000))}&state=${state}`);
    case 'bad-percent-encoding':
      return get(
        `/callback?code=${pick(['%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF', '%00', '%%%'])}&state=${pick([`${state}%`, `%${state}`, `${state.slice(0, 5)}%G1${state.slice(8)}`, '%FF%FE'])}`,
      );
    case 'forged-state':
      return get(
        `/callback?code=${randomBytes(16).toString('hex')}&state=${pick([flipOne(state), state.slice(1), `${state}x`, randomBytes(32).toString('base64url'), '', state.toUpperCase()])}`,
      );
    case 'wrong-method':
      return `${pick(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND'])} /callback?code=x&state=${state} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`;
    case 'wrong-path':
      return get(
        `${pick(['/', '/favicon.ico', '/callback/', '/CALLBACK', '/callback%2F', '/callback/../callback', '/./callback', '//evil.example/callback', 'http://evil.example/callback', '*'])}?code=x&state=${state}`,
      );
    case 'wrong-host':
      return get(
        `/callback?code=x&state=${state}`,
        `Host: ${pick(['evil.example', `localhost:${port}`, `127.0.0.1:${port + 1}`, ''])}\r\n`,
      );
    case 'malformed-http':
      return pick([
        `GET /callback?state=${state} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
        `GET /callback HTTP/1.1\r\nHost: ${host}\r\nBad Header Name: x\r\n\r\n`,
        `GET /callback\0?state=${state} HTTP/1.1\r\nHost: ${host}\r\n\r\n`,
        `GET /callback HTTP/9.9\r\nHost: ${host}\r\n\r\n`,
        `GET /callback?state=${state}\n\n`,
        `GET /callback HTTP/1.1\r\nHost: ${host}\r\nContent-Length: -1\r\n\r\n`,
        `\r\n\r\n\r\n`,
        `GET /callback HTTP/1.1\r\nHost: ${host}\r\n Folded: header\r\n\r\n`,
      ]);
    default:
      throw new Error(kind);
  }
}

const KINDS: Record<string, number> = {
  'random-bytes': 600,
  'huge-header': 200,
  'huge-url': 100,
  'bad-percent-encoding': 400,
  'forged-state': 600,
  'wrong-method': 300,
  'wrong-path': 300,
  'wrong-host': 150,
  'malformed-http': 350,
};
const SLOW_LORIS = 100;

/** Opens a connection that dribbles one header byte every 100 ms and never finishes. */
function slowLoris(port: number, state: string): net.Socket {
  const socket = net.connect({ host: '127.0.0.1', port });
  const text = `GET /callback?code=x&state=${state} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-Slow: ${'s'.repeat(10_000)}`;
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, 100);
  socket.on('error', () => undefined);
  socket.on('close', () => clearInterval(timer));
  return socket;
}

describe('loopback server under hostile traffic during a sign-in', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('survives thousands of malformed and hostile requests; the real callback still completes', async () => {
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const { auth } = installTraktSignIn(world, CLIENT_ID, port);

    let authorizeUrl = '';
    let opened: () => void = () => undefined;
    const browserOpened = new Promise<void>((resolve) => (opened = resolve));
    const ctx = await contextFor(
      world,
      { trakt: { clientId: CLIENT_ID, redirectPort: port } },
      {
        openUrl: async (url) => {
          authorizeUrl = url;
          opened();
        },
      },
    );
    // A crash would surface as an uncaught exception or rejection in this process (the server runs here).
    let crashes = 0;
    const onCrash = () => void crashes++;
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    const flow = diagnose(ctx, { steps: ['token'], oauth: { mode: 'loopback' } }, {}, [oauthDifferentialCheck]);
    await browserOpened;
    const state = new URL(authorizeUrl).searchParams.get('state')!;

    const sent: Record<string, number> = {};
    const answers: Record<string, Record<string, number>> = {};
    let earlyCloses = 0;
    const loris = Array.from({ length: SLOW_LORIS }, () => slowLoris(port, state));
    sent['slow-loris'] = SLOW_LORIS;
    const jobs = Object.entries(KINDS)
      .flatMap(([kind, n]) => Array.from({ length: n }, () => kind))
      .sort(() => Math.random() - 0.5);
    for (let i = 0; i < jobs.length; i += 100) {
      await Promise.all(
        jobs.slice(i, i + 100).map(async (kind) => {
          sent[kind] = (sent[kind] ?? 0) + 1;
          const status = String(await raw(port, hostile(kind, port, state)));
          answers[kind] ??= {};
          answers[kind][status] = (answers[kind][status] ?? 0) + 1;
        }),
      );
      if (!(await isUp(port))) earlyCloses++;
    }

    // Nothing hostile was accepted as the callback: the server is still up and waiting.
    expect(earlyCloses).toBe(0);
    expect(await isUp(port)).toBe(true);
    // Then the user's browser comes back: the real callback completes despite the open slow-loris sockets.
    const pages = await playBrowser(authorizeUrl, { ca: world.ca.caPem });
    expect(pages.at(-1)!.status).toBe(200);
    const report = await flow;
    const check = report.checks[0]!;
    for (const socket of loris) socket.destroy();
    process.off('uncaughtException', onCrash);
    process.off('unhandledRejection', onCrash);

    const stats = (check.details.loopback ?? {}) as Record<string, number>;
    const total = Object.values(sent).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify(
        { fuzz: { total, sent, answers, serverCounts: stats, crashes, earlyCloses, realCallback: check.verdict } },
        null,
        1,
      ),
    );

    expect(crashes).toBe(0);
    expect(check.verdict).toBe('pass');
    expect(auth.checks.pkceVerified).toBe(1);
    expect(stats.accepted).toBe(1);
    // Every hostile request was refused with an answer or a hang-up — none got a 200.
    for (const [kind, byStatus] of Object.entries(answers)) expect(byStatus['200'], kind).toBeUndefined();
    expect(total).toBeGreaterThanOrEqual(3000);
    // Forged states on the callback path were counted as OAUTH_STATE_MISMATCH evidence.
    expect(stats.stateMismatch).toBeGreaterThanOrEqual(KINDS['forged-state']!);
    expect(check.problems).toContain('OAUTH_STATE_MISMATCH');
  }, 60_000);

  it('drops slow-loris connections once their header time is up', async () => {
    const started = await startLoopbackServer({
      port: 0,
      expectedState: 'x'.repeat(43),
      timeoutMs: 10_000,
      headersTimeoutMs: 300,
    });
    if (!started.ok) throw new Error(started.error.reason);
    const { server } = started;
    const loris = Array.from({ length: 20 }, () => slowLoris(server.port, 'x'.repeat(43)));
    const closed = await Promise.all(
      loris.map(
        (s) =>
          new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(false), 4000);
            s.on('close', () => {
              clearTimeout(timer);
              resolve(true);
            });
          }),
      ),
    );
    expect(closed.every(Boolean)).toBe(true);
    expect(server.stats().timedOut).toBe(20);
    expect(server.listening()).toBe(true);
    await server.close();
  });
});
