import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService, type DoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { type SecretStore } from '../../electron/hosts/service/platform';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { IpcResult, RunEvent } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { plantSignedInAccount } from '../kit/emulators/planted-account';
import type { StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { startWorld, type World } from '../kit/world';

const SECRETS = {
  password: 'COUNT-password-Zx81!',
  authKey: 'COUNT-authkey-0f1e2d3c4b5a6978',
  traktToken: 'COUNT-trakt-token-aa11bb22cc33',
  accountToken: 'COUNT-account-token-1234abcd',
  email: 'count.viewer@example.net',
  state: 'COUNT-state-9z8y7x6w',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');

function value<T>(answer: IpcResult<unknown>): T {
  if (!answer.ok) throw new Error(`IPC error ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

// One user action, one Stremio sign-in: the Token panel's "Sign in and check" re-runs exactly the checks
// that depend on the account (worked out from the registry's dependsOn) in one session run, and later
// runs read the kept account instead of signing in again. Counted at the emulated api.strem.io.
describe('signing in re-runs the account’s dependents with one Stremio login', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let store: SecretStore;
  let service: DoctorService;
  let events: RunEvent[];
  const ipc = (channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));
  const counts = () => ({
    login: stremio.apiRequests('login').length,
    getUser: stremio.apiRequests('getUser').length,
  });

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt } = plantSignedInAccount(world, SECRETS, NOW, 'count_user'));
    store = createMemorySecretStore();
    events = [];
    service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: store,
        settings: createMemorySettings(),
        // The user answers the main process's own question about the remembered sign-in (docs/architecture.md).
        confirmStoredSignIn: async () => true,
      },
      onRunEvent: (event) => events.push(event),
      contextOptions: { env: {}, now: () => NOW },
    });
    // The wizard as a user walks it: Cache, Token and Revoked access ran before the sign-in, signed out.
    for (const step of ['cache', 'token', 'revoked'])
      value(await ipc('diagnosis:run', { runId: `walk-${step}`, steps: [step] }));
  });
  afterAll(() => world.close());

  it('a password sign-in: exactly one login, no getUser, and every dependent check in the one run', async () => {
    const before = counts();
    const report = value<Report>(
      await ipc('diagnosis:run', {
        runId: 'sign-in-1',
        rerun: 'account',
        credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
        rememberAuthKey: true,
      }),
    );
    expect(counts()).toEqual({ login: before.login + 1, getUser: before.getUser });
    const started = events.find((e) => e.type === 'run-started' && e.runId === 'sign-in-1');
    expect(started).toMatchObject({
      steps: ['cache', 'token', 'revoked'],
      checks: [
        'cache.cached-profile',
        'token.stremio-account',
        'token.trakt-token',
        'token.auth-redirect',
        'token.oauth-differential',
        'token.pkce-evidence',
        'revoked.users-settings',
      ],
    });
    // The run streams the session's combined report and answers with the same one.
    expect(events.find((e) => e.type === 'run-finished' && e.runId === 'sign-in-1')).toMatchObject({ report });
    const verdict = (id: string) => report.checks.find((c) => c.id === id)?.verdict;
    expect(verdict('token.stremio-account')).toBe('pass');
    expect(verdict('revoked.users-settings')).toBe('pass');
    // Checks that do not read the account kept their results from the walk.
    expect(report.checks.map((c) => c.id)).toEqual(expect.arrayContaining(['cache.locations', 'token.pasted-url']));
    expect(await store.loadAuthKey()).toBe(SECRETS.authKey);
  });

  it('re-running Revoked access afterwards reads the kept account: no login, no getUser, a fresh Trakt read', async () => {
    const before = counts();
    const reads = trakt.settingsRequests().length;
    const report = value<Report>(await ipc('diagnosis:run', { runId: 'rerun-revoked', steps: ['revoked'] }));
    expect(counts()).toEqual(before);
    expect(trakt.settingsRequests().length).toBe(reads + 1);
    expect(report.checks.find((c) => c.id === 'revoked.users-settings')?.verdict).toBe('pass');
  });

  it('a remembered sign-in: exactly one getUser, no login', async () => {
    const before = counts();
    value(await ipc('diagnosis:run', { runId: 'sign-in-2', rerun: 'account', credentials: { kind: 'remembered' } }));
    expect(counts()).toEqual({ login: before.login, getUser: before.getUser + 1 });
  });

  it('refuses an account re-run without credentials (nothing reaches Stremio)', async () => {
    const before = counts();
    expect(await ipc('diagnosis:run', { runId: 'sign-in-3', rerun: 'account' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    expect(counts()).toEqual(before);
  });
});
