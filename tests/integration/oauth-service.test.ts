import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { RunEventSchema, type RunEvent } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService, type DoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import { installTraktSignIn, type TraktOAuthEmulator } from '../kit/emulators/trakt-oauth';
import { playBrowser } from '../kit/emulators/trakt-oauth-browser.mjs';
import { startWorld, type World } from '../kit/world';

const CLIENT_ID = 'doctor-ipc-client-0123456789';

describe('the interactive sign-in test as a session run over the IPC contract (diagnosis:run with oauth)', () => {
  let world: World;
  let auth: TraktOAuthEmulator;
  let port: number;
  let service: DoctorService;
  let events: RunEvent[];
  let opened: string[];
  let browse: (url: string) => void;

  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  beforeEach(async () => {
    const s = net.createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    port = (s.address() as net.AddressInfo).port;
    await new Promise((r) => s.close(r));
    ({ auth } = installTraktSignIn(world, CLIENT_ID, port));
    events = [];
    opened = [];
    browse = (url) => void playBrowser(url, { ca: world.ca.caPem });
    const settings = createMemorySettings();
    // The client id comes from the wizard's settings (the override of docs/architecture.md "Steps"), not the config.
    settings.setTraktClientId(CLIENT_ID);
    service = createDoctorService({
      config: resolveConfig(world.config({ trakt: { redirectPort: port } })),
      platform: {
        openExternal: async (url) => {
          opened.push(url);
          browse(url);
        },
        secretStore: createMemorySecretStore(),
        settings,
      },
      contextOptions: { env: {} },
      onRunEvent: (event) => events.push(RunEventSchema.parse(event)),
    });
  });

  const call = (channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));

  it('runs the test, streams schema-valid progress with the runId, and answers with the session report', async () => {
    const answer = await call('diagnosis:run', { runId: 'oauth-1', oauth: { mode: 'auto' } });
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    const value = answer.value as Report;
    // Only the interactive check ran: the session holds its result, and nothing else.
    expect(value.checks.map((c) => [c.id, c.verdict])).toEqual([['token.oauth-differential', 'pass']]);
    expect(value.findings).toEqual([]);
    expect(events.map((e) => e.type).filter((t) => t !== 'oauth-progress')).toEqual([
      'run-started',
      'check-started',
      'check-finished',
      'run-finished',
    ]);
    const phases = events
      .filter((e) => e.type === 'oauth-progress' && e.runId === 'oauth-1')
      .map((e) => (e.type === 'oauth-progress' ? e.progress.phase : ''));
    expect(phases).toEqual(['starting', 'waiting-for-browser', 'exchanging', 'verifying', 'revoking', 'finished']);
    expect(new URL(opened[0]!).origin).toBe(world.traktAuth.origin);
    expect(auth.revokedTokens).toEqual(auth.issuedTokens);
    // No secret crosses the bridge.
    const state = auth.authorizeRequests[0]!.state!;
    expect(JSON.stringify([answer, events])).not.toContain(state);
    expect(JSON.stringify([answer, events])).not.toContain(auth.issuedTokens[0]!);
  });

  it('refuses a second test while one waits, lets a step run beside it, and cancels it by its run id', async () => {
    browse = () => undefined;
    const first = call('diagnosis:run', { runId: 'oauth-2', oauth: { mode: 'loopback' } });
    await expect
      .poll(() => events.some((e) => e.type === 'oauth-progress' && e.progress.phase === 'waiting-for-browser'))
      .toBe(true);
    const busy = await call('diagnosis:run', { runId: 'oauth-3', oauth: { mode: 'loopback' } });
    expect(busy).toMatchObject({ ok: false, error: { code: 'BUSY', message: 'a sign-in test is already running' } });
    // The test waits for a person: an ordinary step's run is not held up behind it.
    const beside = await call('diagnosis:run', { runId: 'beside-1', steps: ['token'] });
    expect(beside.ok).toBe(true);
    expect(await call('diagnosis:cancel', { runId: 'oauth-2' })).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await first;
    const result = answer.ok ? (answer.value as Report).checks.find((c) => c.id === 'token.oauth-differential') : null;
    expect(result).toMatchObject({ verdict: 'skipped', summary: expect.stringMatching(/cancelled/) });
    expect(await call('diagnosis:cancel', { runId: 'oauth-2' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('validates the payload: an unknown mode, or oauth with steps, never reaches the handler', async () => {
    for (const payload of [
      { runId: 'x', oauth: { mode: 'implicit' } },
      { runId: 'x', oauth: { mode: 'auto' }, steps: ['token'] },
    ])
      expect(await call('diagnosis:run', payload)).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
    expect(auth.authorizeRequests).toEqual([]);
  });
});
