import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IpcResult } from '../../shared/ipc';
import { IPC_ERROR_REASONS, type IpcErrorCause, type IpcErrorReason } from '../../shared/ipc-error-reasons';
import { resolveConfig } from '../../electron/engine/core/config';
import { DiagnosisSession } from '../../electron/engine/session/diagnosis-session';
import { bundleHandlers } from '../../electron/hosts/service/bundle-handlers';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import type { DoctorHandlers } from '../../electron/hosts/service/handlers';
import type { ServicePlatform, StoredSignInSource } from '../../electron/hosts/service/platform';
import { recordedService } from '../kit/doctor-service';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import { say, testCheck, testContext } from '../kit/test-texts';

// Every refusal of the service carries the reason the window says in its own language (docs/i18n.md "IPC
// errors"); `message` stays English for logs and support. Nothing here reaches the network: each call is
// refused before any request.

const NOW = Date.parse('2026-11-25T09:15:00.000Z');
const AUTH_KEY = 'reasons-auth-key-0011223344556677';

/** A service confined to an empty Stremio search root, with the platform pieces a test sets. */
async function confinedService(platform: Partial<ServicePlatform> = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'doctor-ipc-reasons-'));
  return recordedService(resolveConfig({ stremio: { searchRoots: [root] } }), {
    platform,
    contextOptions: { platform: 'linux', env: {}, now: () => NOW },
  });
}

/** A secret store already holding the remembered auth key. */
async function rememberedStore(status?: Parameters<typeof createMemorySecretStore>[0]) {
  const store = createMemorySecretStore(status);
  await store.saveAuthKey(AUTH_KEY);
  return store;
}

/** The error an answer must be: the code, an English message, and the reason (with its parameters). */
const refusal = (code: string, cause: IpcErrorCause) => ({
  ok: false,
  error: { code, message: expect.stringMatching(/^[\x20-\x7e]+$/), ...cause },
});

const seen = new Set<IpcErrorReason>();
const expectRefusal = (answer: IpcResult<unknown>, code: string, cause: IpcErrorCause) => {
  expect(answer).toEqual(refusal(code, cause));
  seen.add(cause.reason);
};

/** A confirmation the test answers later: holds a run in its lane until then. */
function pendingConfirmation() {
  const waiting: Array<(yes: boolean) => void> = [];
  return {
    confirm: (_source: StoredSignInSource) => new Promise<boolean>((resolve) => waiting.push(resolve)),
    asked: () => waiting.length,
    answerAll: (yes: boolean) => waiting.splice(0).forEach((resolve) => resolve(yes)),
  };
}

const run = (runId: string, extra: Record<string, unknown> = {}) => ({
  runId,
  credentials: { kind: 'remembered' },
  ...extra,
});

describe('every refusal of the service names its reason', () => {
  it('stored sign-ins: no key, no way to ask, not confirmed, an unreadable profile', async () => {
    const empty = await confinedService({ confirmStoredSignIn: async () => true });
    expectRefusal(await empty.call('diagnosis:run', run('r1', { steps: ['token'] })), 'NOT_FOUND', {
      reason: 'noRememberedSignIn',
    });
    expectRefusal(
      await empty.call('diagnosis:run', {
        runId: 'r2',
        steps: ['token'],
        credentials: { kind: 'local-profile', profileId: 'no-such-profile' },
      }),
      'NOT_FOUND',
      { reason: 'profileUnreadable' },
    );

    const cannotAsk = await confinedService({ secretStore: await rememberedStore() });
    expectRefusal(await cannotAsk.call('diagnosis:run', run('r3', { steps: ['token'] })), 'NOT_ALLOWED', {
      reason: 'storedSignInCannotAsk',
    });

    const refused = await confinedService({
      secretStore: await rememberedStore(),
      confirmStoredSignIn: async () => false,
    });
    expectRefusal(await refused.call('diagnosis:run', run('r4', { steps: ['token'] })), 'NOT_ALLOWED', {
      reason: 'storedSignInNotConfirmed',
    });
  });

  it('remembering a sign-in where no encrypted storage exists', async () => {
    const svc = await confinedService({
      secretStore: createMemorySecretStore({ available: false, backend: 'basic_text', reason: 'basic-text' }),
    });
    const answer = await svc.call('diagnosis:run', {
      runId: 'r1',
      steps: ['token'],
      credentials: { kind: 'auth-key', authKey: AUTH_KEY },
      rememberAuthKey: true,
    });
    expectRefusal(answer, 'NOT_ALLOWED', { reason: 'secretStorageUnavailable' });
  });

  it('a run while another holds its lane: a diagnosis, a sign-in test, a closed-loop test', async () => {
    const held = pendingConfirmation();
    const svc = await confinedService({ secretStore: await rememberedStore(), confirmStoredSignIn: held.confirm });
    const lanes = [
      [{ steps: ['token'] }, 'diagnosisRunning'],
      [{ oauth: { mode: 'loopback' } }, 'signInTestRunning'],
      [{ watch: { check: 'token.relink', waitSeconds: 60 } }, 'closedLoopTestRunning'],
    ] as const;
    for (const [scope, reason] of lanes) {
      // The first run waits for the user's yes to its stored sign-in: its lane stays taken meanwhile.
      const first = svc.call('diagnosis:run', run(`first-${reason}`, scope));
      await expect.poll(held.asked).toBe(1);
      expectRefusal(await svc.call('diagnosis:run', run(`second-${reason}`, scope)), 'BUSY', { reason });
      held.answerAll(false);
      expect(await first).toMatchObject({ ok: false, error: { reason: 'storedSignInNotConfirmed' } });
    }
  });

  it('the cache fix: a second operation while one runs, and a backup name it never listed', async () => {
    const svc = await confinedService();
    const [first, second] = await Promise.all([
      svc.call('cache:move-to-backup', {}),
      svc.call('cache:move-to-backup', {}),
    ]);
    expect(first).toEqual({ ok: true, value: { done: false, refusal: 'nothing-to-move' } });
    expectRefusal(second, 'BUSY', { reason: 'cacheFixRunning' });
    expectRefusal(
      await svc.call('cache:restore', { backup: 'stremio-cache-backup-2020-01-01T00-00-00Z' }),
      'NOT_ALLOWED',
      { reason: 'notAppCacheBackup' },
    );
  });

  it('settings: a client id that is not one', async () => {
    const svc = await confinedService();
    expectRefusal(await svc.call('settings:set-trakt-client-id', { clientId: 'not a client id' }), 'INVALID_PAYLOAD', {
      reason: 'notTraktClientId',
    });
  });

  it('the bundle: before any step finished, and a report larger than the limit (which it names)', async () => {
    const svc = await confinedService();
    expectRefusal(await svc.call('bundle:preview', {}), 'NOT_FOUND', { reason: 'noFinishedStep' });
    expectRefusal(await svc.call('bundle:save', {}), 'NOT_FOUND', { reason: 'noFinishedStep' });

    const check = testCheck({
      id: 'version.reasons-fake',
      step: 'version',
      title: 'Fake',
      dependsOn: [],
      codes: [],
      budgetMs: () => 1000,
      run: async () => ({ verdict: 'pass', summary: say('fine') }),
    });
    const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {}, now: () => NOW });
    const session = new DiagnosisSession({ records: ctx, checks: [check] });
    await session.run(ctx, { kind: 'steps', steps: ['version'] });
    const handlers = bundleHandlers({
      session,
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
      },
      now: () => NOW,
      limits: { maxTotalBytes: 4096 },
    });
    const answer = await dispatchIpc(handlers as unknown as DoctorHandlers, 'bundle:preview', {}, (t) => t);
    expectRefusal(answer, 'NOT_ALLOWED', { reason: 'bundleTooLarge', params: { maxBytes: 4096 } });
  });

  it('covers every reason but the window’s own and the allow-list’s (an engine error, said by the window)', () => {
    // `appNotAnswering` is the window's bridge's; `urlNotAllowed` reaches the window as fix:open-url's refusal
    // value (renderer/src/lib/doctor-api.ts) and as the engine's error when a check opens a page.
    const elsewhere: IpcErrorReason[] = ['appNotAnswering', 'urlNotAllowed'];
    expect([...seen, ...elsewhere].sort()).toEqual([...IPC_ERROR_REASONS].sort());
  });
});
