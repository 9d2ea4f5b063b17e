/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BrowserWindow,
  FakeFrame,
  FakeWebContents,
  ipcMain,
  resetElectronMock,
  type InvokeListener,
} from '../mocks/electron';
import {
  IPC_CHANNEL_NAMES,
  RUN_EVENT_CHANNEL,
  RunEventSchema,
  type IpcChannel,
  type IpcResult,
  type RunEvent,
} from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { HandlerError } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import { bindIpc, sendRunEvent, summarizePayload } from '../../electron/main/ipc';

vi.mock('electron', () => import('../mocks/electron'));

const REPORT: Report = {
  schemaVersion: 1,
  tool: { name: 'stremio-trakt-doctor', version: '0.0.0-test' },
  startedAt: '2026-01-01T00:00:00.000Z',
  durationMs: 1,
  steps: ['connectivity'],
  checks: [],
  findings: [],
  untested: [],
};

/**
 * The real service (memory platform, Stremio search confined to an empty folder) with a spy on every
 * handler, so a test sees whether a handler ran — for every channel the contract has, including ones
 * added later.
 */
async function spyService() {
  const searchRoot = await mkdtemp(path.join(tmpdir(), 'doctor-ipc-'));
  const service = createDoctorService({
    config: resolveConfig({ stremio: { searchRoots: [searchRoot] } }),
    platform: {
      openExternal: vi.fn(async () => undefined),
      secretStore: createMemorySecretStore(),
      settings: createMemorySettings(),
    },
    onRunEvent: () => undefined,
  });
  const spies = new Map(IPC_CHANNEL_NAMES.map((channel) => [channel, vi.spyOn(service.handlers, channel)]));
  const spy = (channel: IpcChannel) => {
    const found = spies.get(channel);
    if (!found) throw new Error(`no spy for ${channel}`);
    return found;
  };
  return { service, spy };
}

/** Binds the channels against one app window showing the app page; returns how to call them. */
async function setup() {
  const { service, spy } = await spyService();
  const window = new BrowserWindow({});
  await window.loadURL('app://doctor/index.html');
  const trace: string[] = [];
  bindIpc(
    service,
    () => window,
    (line) => trace.push(line),
  );
  const invoke = async (
    channel: IpcChannel,
    payload: unknown,
    event: unknown = { sender: window.webContents, senderFrame: window.webContents.mainFrame },
  ) => {
    const listener: InvokeListener | undefined = ipcMain.handlers.get(channel);
    if (!listener) throw new Error(`${channel} is not bound`);
    return (await listener(event, payload)) as IpcResult<unknown>;
  };
  return { window, spy, service, trace, invoke };
}

/** Valid payloads for the channels whose handlers answer without touching the network. */
const VALID: Partial<Record<IpcChannel, unknown>> = {
  'app:get-info': {},
  'diagnosis:cancel': { runId: 'run-1' },
  'fix:open-url': { url: 'https://trakt.tv/oauth/applications' },
  'profiles:discover': {},
  'credentials:forget': {},
  'settings:set-trakt-client-id': { clientId: 'abcdefgh1234' },
};
const KNOWN_VALID = Object.keys(VALID).filter((name): name is IpcChannel =>
  (IPC_CHANNEL_NAMES as readonly string[]).includes(name),
);

describe('IPC binding', () => {
  beforeEach(() => resetElectronMock());

  it('binds every channel of the contract, and only those', async () => {
    await setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...IPC_CHANNEL_NAMES].sort());
  });

  it.each(KNOWN_VALID)('%s: a valid message from the app window reaches its handler', async (channel) => {
    const { invoke, spy } = await setup();
    const result = await invoke(channel, VALID[channel]);
    expect(result.ok).toBe(true);
    expect(spy(channel)).toHaveBeenCalledTimes(1);
  });
});

describe('IPC sender check', () => {
  beforeEach(() => resetElectronMock());

  const forbidden: Array<[string, (window: BrowserWindow) => unknown]> = [
    [
      'another window',
      () => {
        const other = new BrowserWindow({});
        void other.loadURL('app://doctor/index.html');
        return { sender: other.webContents, senderFrame: other.webContents.mainFrame };
      },
    ],
    [
      'a WebContents without a window (a webview, devtools)',
      () => {
        const loose = new FakeWebContents('app://doctor/index.html');
        return { sender: loose, senderFrame: loose.mainFrame };
      },
    ],
    [
      'a sub-frame of the app window',
      (window) => ({
        sender: window.webContents,
        senderFrame: new FakeFrame('app://doctor/index.html', window.webContents.mainFrame),
      }),
    ],
    [
      'the main frame after navigating to another origin',
      (window) => {
        window.webContents.mainFrame.url = 'https://attacker.example/';
        return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      },
    ],
    [
      'a look-alike origin',
      (window) => {
        window.webContents.mainFrame.url = 'app://doctor.attacker.example/index.html';
        return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      },
    ],
    [
      'a file:// page',
      (window) => {
        window.webContents.mainFrame.url = 'file:///tmp/index.html';
        return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
      },
    ],
    [
      "a parentless frame that is not the window's main frame",
      (window) => ({ sender: window.webContents, senderFrame: new FakeFrame('app://doctor/index.html') }),
    ],
    ['a destroyed frame', (window) => ({ sender: window.webContents, senderFrame: null })],
    [
      'a frame that throws when read (disposed)',
      (window) => ({
        sender: window.webContents,
        get senderFrame(): FakeFrame {
          throw new Error('Render frame was disposed before WebFrameMain could be accessed');
        },
      }),
    ],
  ];

  it.each(forbidden)('refuses %s with FORBIDDEN_SENDER and never calls the handler', async (_what, makeEvent) => {
    const { invoke, spy, window, trace } = await setup();
    for (const channel of IPC_CHANNEL_NAMES) {
      const result = await invoke(channel, VALID[channel] ?? {}, makeEvent(window));
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: expect.any(String) } });
      expect(spy(channel)).not.toHaveBeenCalled();
    }
    expect(trace.filter((line) => line.includes('FORBIDDEN_SENDER'))).toHaveLength(IPC_CHANNEL_NAMES.length);
  });

  it('refuses every sender once the window is gone', async () => {
    const { invoke, spy, window } = await setup();
    window.destroyed = true;
    const result = await invoke('app:get-info', {});
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN_SENDER');
    expect(spy('app:get-info')).not.toHaveBeenCalled();
  });
});

describe('IPC payload validation', () => {
  beforeEach(() => resetElectronMock());

  const common: unknown[] = [
    undefined,
    null,
    42,
    'text',
    true,
    [],
    [{}],
    { extra: 1 },
    { __proto__: { polluted: true }, extra: 'x' },
  ];
  const perChannel: Partial<Record<IpcChannel, unknown[]>> = {
    'app:get-info': [{ version: '9' }],
    'diagnosis:run': [
      {},
      { runId: '' },
      { runId: 'bad id!' },
      { runId: 'r'.repeat(65) },
      { runId: 'r1', steps: [] },
      { runId: 'r1', steps: ['dns'] },
      { runId: 'r1', credentials: { kind: 'password', email: 'a@b.c' } },
      { runId: 'r1', credentials: { kind: 'oauth' } },
      { runId: 'r1', authUrl: 'x'.repeat(9000) },
      { runId: 'r1', rememberAuthKey: 'yes' },
      { runId: 'r1', unknown: 1 },
      // One scope per run: steps, the account's dependents (with the credentials of the sign-in), or the sign-in test.
      { runId: 'r1', rerun: 'account' },
      { runId: 'r1', rerun: 'everything', credentials: { kind: 'remembered' } },
      { runId: 'r1', rerun: 'account', steps: ['token'], credentials: { kind: 'remembered' } },
      { runId: 'r1', oauth: { mode: 'implicit' } },
      { runId: 'r1', oauth: { mode: 'auto', clientId: 'x' } },
      { runId: 'r1', oauth: { mode: 'auto' }, rerun: 'account', credentials: { kind: 'remembered' } },
      { runId: 'r1', oauth: { mode: 'auto' }, steps: ['token'] },
    ],
    'diagnosis:cancel': [{}, { runId: 5 }, { runId: 'r'.repeat(65) }, { runId: 'r1', more: true }],
    'fix:open-url': [{}, { url: 5 }, { url: 'x'.repeat(9000) }, { url: 'https://trakt.tv', extra: 1 }],
    'profiles:discover': [{ root: '/' }],
    'credentials:forget': [{ all: true }],
    'settings:set-trakt-client-id': [
      {},
      { clientId: 7 },
      { clientId: 'x'.repeat(129) },
      { clientId: 'abcdefgh', extra: 1 },
    ],
  };

  it.each(IPC_CHANNEL_NAMES)(
    '%s: malformed payloads get INVALID_PAYLOAD values, nothing throws, the handler is not called',
    async (channel) => {
      const { invoke, spy, trace } = await setup();
      const payloads = [...common, ...(perChannel[channel] ?? [])];
      for (const payload of payloads) {
        const result = await invoke(channel, payload);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('INVALID_PAYLOAD');
      }
      expect(spy(channel)).not.toHaveBeenCalled();
      expect(trace.filter((line) => line.endsWith('→ error INVALID_PAYLOAD'))).toHaveLength(payloads.length);
    },
  );

  it('turns a handler refusal into a typed error value', async () => {
    const { invoke, service } = await setup();
    vi.spyOn(service.handlers, 'diagnosis:run').mockRejectedValueOnce(
      new HandlerError('BUSY', 'a diagnosis is already running', { reason: 'diagnosisRunning' }),
    );
    expect(await invoke('diagnosis:run', { runId: 'r2' })).toEqual({
      ok: false,
      error: { code: 'BUSY', message: 'a diagnosis is already running', reason: 'diagnosisRunning' },
    });
  });
});

describe('IPC trace', () => {
  beforeEach(() => resetElectronMock());

  it('never names the Stremio account a pasted sign-in link carries, even when the run fails before reading it', async () => {
    const { invoke, service, trace } = await setup();
    const accountId = '64a0b1c2d3e4f5a6b7c8d9ff';
    vi.spyOn(service.handlers, 'diagnosis:run').mockRejectedValueOnce(new Error('no network'));
    await invoke('diagnosis:run', { runId: 'r5', authUrl: `https://www.strem.io/trakt/auth/${accountId}` });
    await invoke('fix:open-url', { url: `https://www.strem.io/trakt/auth/${accountId}` });
    expect(trace.join('\n')).toContain('www.strem.io/trakt/auth/');
    expect(trace.join('\n')).not.toContain(accountId);
  });

  it('records channel, payload shape and outcome, and never a secret', async () => {
    const { invoke, service, trace } = await setup();
    const password = 'correct-horse-battery';
    const email = 'viewer@example.com';
    const authKey = 'ak-0123456789abcdef';
    service.secrets.add(authKey, 'auth-key');
    vi.spyOn(service.handlers, 'diagnosis:run')
      .mockRejectedValueOnce(new Error(`sign-in failed for ${email} with ${password} (key ${authKey})`))
      .mockResolvedValueOnce(REPORT);
    const result = await invoke('diagnosis:run', { runId: 'r3', credentials: { kind: 'password', email, password } });
    await invoke('diagnosis:run', { runId: 'r4', credentials: { kind: 'auth-key', authKey } });
    await invoke('fix:open-url', {
      url: 'https://trakt.tv/oauth/authorize?client_id=abc&state=s3cr3t-state&code=c0de-value',
    });
    const all = `${trace.join('\n')}\n${JSON.stringify(result)}`;
    for (const secret of [password, email, authKey, 's3cr3t-state', 'c0de-value']) expect(all).not.toContain(secret);
    expect(trace[0]).toMatch(
      /^ipc diagnosis:run \{runId:"r3",credentials:\{kind:"password",email:<18 chars>,password:<21 chars>\}\} → error INTERNAL$/,
    );
    expect(trace[1]).toMatch(/→ ok$/);
    expect(trace[2]).toContain('https://trakt.tv/oauth/authorize?client_id=abc&state=[redacted]');
  });

  it('does not let a foreign sender register "secrets" that would blank out ordinary log words', async () => {
    const { invoke, window, service } = await setup();
    vi.spyOn(service.handlers, 'diagnosis:run').mockResolvedValue(REPORT);
    const other = new BrowserWindow({});
    await invoke(
      'diagnosis:run',
      { runId: 'r5', credentials: { kind: 'password', email: 'connectivity', password: 'Authenticate' } },
      { sender: other.webContents, senderFrame: other.webContents.mainFrame },
    );
    expect(service.secrets.redact('connectivity Authenticate')).toBe('connectivity Authenticate');
    await invoke(
      'diagnosis:run',
      { runId: 'r6', credentials: { kind: 'password', email: 'me@example.org', password: 'Authenticate' } },
      { sender: window.webContents, senderFrame: window.webContents.mainFrame },
    );
    expect(service.secrets.redact('Authenticate')).toBe('[redacted password]');
  });

  it('summarizes without values outside the traced fields', () => {
    expect(summarizePayload({ clientId: 'abcdefgh1234', steps: ['token'], rememberAuthKey: true, n: 3 })).toBe(
      '{clientId:<12 chars>,steps:["token"],rememberAuthKey:true,n:3}',
    );
    expect(summarizePayload(Array.from({ length: 12 }, () => 1))).toBe('[1,1,1,1,1,1,1,1,1,1,…]');
  });
});

describe('run events', () => {
  beforeEach(() => resetElectronMock());

  it('the session streams schema-valid events: run-started names the steps and checks a run covers', () => {
    const window = new BrowserWindow({});
    const event: RunEvent = {
      type: 'run-started',
      runId: 'sign-in-1',
      steps: ['token', 'revoked'],
      checks: ['token.stremio-account', 'revoked.users-settings'],
    };
    expect(RunEventSchema.parse(event)).toEqual(event);
    expect(RunEventSchema.safeParse({ ...event, steps: ['dns'] }).success).toBe(false);
    sendRunEvent(window, event);
    expect(window.webContents.sent).toEqual([{ channel: RUN_EVENT_CHANNEL, args: [event] }]);
  });

  it('go to the window on the run-event channel, and nowhere once it is closed', () => {
    const window = new BrowserWindow({});
    const event: RunEvent = {
      type: 'check-started',
      runId: 'r1',
      id: 'connectivity.dns',
      step: 'connectivity',
      title: 'DNS',
    };
    sendRunEvent(window, event);
    expect(window.webContents.sent).toEqual([{ channel: RUN_EVENT_CHANNEL, args: [event] }]);
    window.destroyed = true;
    sendRunEvent(window, event);
    sendRunEvent(null, event);
    expect(window.webContents.sent).toHaveLength(1);
  });
});
