import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { type ServicePlatform, type StoredSignInSource } from '../../electron/hosts/service/platform';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import {
  installTokenWorld,
  userBody,
  type StremioAccountFixture,
  type StremioEmulator,
} from '../kit/emulators/stremio';
import { startWorld, type World } from '../kit/world';
import { coreProfile, plantLocalStorage, WEBVIEW2_LEVELDB } from '../fixtures/profiles/stremio-profile';

// The renderer's consent checkbox is only a renderer: a sign-in the user did not type (the remembered
// auth key, the profile Stremio stored) must be confirmed by the user through the host, in main.
const NOW = Date.parse('2026-11-25T10:00:00Z');
const ACCOUNT: StremioAccountFixture = {
  id: '61d0c0ffee0000aa11bb22dd',
  email: 'consent@example.org',
  password: 'pw-consent-1',
  authKey: 'consent-auth-key-8899aabbccddeeff',
  trakt: { access_token: 'consent-trakt-token-0000', created_at: NOW / 1000 - 3600, expires_in: 7 * 86400 },
};

describe('a stored sign-in is used only after the user confirms it in main', () => {
  let world: World;
  let stremio: StremioEmulator;
  beforeAll(async () => {
    world = await startWorld();
    ({ stremio } = installTokenWorld(world));
    stremio.addAccount(ACCOUNT);
    await plantLocalStorage(
      world.home,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: ACCOUNT.authKey, user: userBody(ACCOUNT) }),
    );
  });
  afterAll(() => world.close());

  const serviceWith = async (confirm: ServicePlatform['confirmStoredSignIn']) => {
    const asked: StoredSignInSource[] = [];
    const secretStore = createMemorySecretStore();
    await secretStore.saveAuthKey(ACCOUNT.authKey);
    const service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore,
        settings: createMemorySettings(),
        ...(confirm
          ? {
              confirmStoredSignIn: async (source: StoredSignInSource) => {
                asked.push(source);
                return confirm(source);
              },
            }
          : {}),
      },
      onRunEvent: () => undefined,
      contextOptions: { env: {}, now: () => NOW },
    });
    const ipc = (channel: string, payload: unknown) =>
      dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));
    const discovered = (await ipc('profiles:discover', {})) as { value: { profiles: Array<{ id: string }> } };
    const profileId = discovered.value.profiles[0]!.id;
    return { ipc, asked, profileId };
  };
  const run = (runId: string, credentials: unknown) => ({ runId, steps: ['token'], credentials });

  it.each([
    ['a host that cannot ask', undefined],
    ['the user says no', async () => false],
  ] as const)('refuses the remembered key and the local profile when %s, before any request', async (_why, confirm) => {
    const { ipc, profileId } = await serviceWith(confirm);
    const before = stremio.apiRequests('getUser').length;
    for (const credentials of [{ kind: 'remembered' }, { kind: 'local-profile', profileId }]) {
      const answer = await ipc('diagnosis:run', run(`refused-${credentials.kind}`, credentials));
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
    expect(stremio.apiRequests('getUser').length).toBe(before);
  });

  it('asks once per source in a session, again after "Forget", and never for typed credentials', async () => {
    const { ipc, asked, profileId } = await serviceWith(async () => true);
    const before = stremio.apiRequests('getUser').length;
    expect(await ipc('diagnosis:run', run('r1', { kind: 'remembered' }))).toMatchObject({ ok: true });
    expect(await ipc('diagnosis:run', run('r2', { kind: 'remembered' }))).toMatchObject({ ok: true });
    expect(await ipc('diagnosis:run', run('p1', { kind: 'local-profile', profileId }))).toMatchObject({ ok: true });
    expect(await ipc('diagnosis:run', run('k1', { kind: 'auth-key', authKey: ACCOUNT.authKey }))).toMatchObject({
      ok: true,
    });
    expect(asked).toEqual(['remembered', 'local-profile']);
    expect(stremio.apiRequests('getUser').length).toBe(before + 4);
    await ipc('credentials:forget', {});
    await ipc('diagnosis:run', run('p2', { kind: 'local-profile', profileId }));
    expect(asked).toEqual(['remembered', 'local-profile', 'local-profile']);
  });
});
