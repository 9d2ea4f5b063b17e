import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cachedProfileCheck } from '../../electron/engine/checks/cache/cached-profile';
import { CACHE_CHECKS } from '../../electron/engine/checks/cache';
import { stremioAccountCheck } from '../../electron/engine/checks/token/stremio-account';
import { traktTokenCheck } from '../../electron/engine/checks/token/trakt-token';
import { resolveConfig } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import {
  installTokenWorld,
  userBody,
  type StremioAccountFixture,
  type StremioEmulator,
} from '../kit/emulators/stremio';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';
import { coreProfile, plantLocalStorage, WEBVIEW2_LEVELDB } from '../fixtures/profiles/stremio-profile';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const DAY = 86400;
const link = (createdDaysAgo: number, lifetimeDays: number) => ({
  access_token: `tok-${createdDaysAgo}-${lifetimeDays}-abcdef`,
  created_at: NOW / 1000 - createdDaysAgo * DAY,
  expires_in: lifetimeDays * DAY,
});
const ACCOUNT: StremioAccountFixture = {
  id: '61d0c0ffee0000aa11bb22cc',
  email: 'cached@example.org',
  password: 'pw-cached-1',
  authKey: 'cached-auth-key-0011223344556677',
  trakt: link(1, 7),
};

describe('the profile Stremio stored on this machine', () => {
  let world: World;
  let stremio: StremioEmulator;
  beforeAll(async () => {
    world = await startWorld();
    ({ stremio } = installTokenWorld(world));
  });
  afterAll(() => world.close());
  beforeEach(() => stremio.addAccount(ACCOUNT));

  const runCache = async () => {
    const ctx = await contextFor(world, {}, { now: () => NOW, env: { HOME: world.home } });
    return diagnose(ctx, { steps: ['cache'], credentials: { kind: 'auth-key', authKey: ACCOUNT.authKey } }, {}, [
      stremioAccountCheck,
      traktTokenCheck,
      cachedProfileCheck,
    ]);
  };

  it('is listed in the cache step', () => {
    expect(CACHE_CHECKS).toContain(cachedProfileCheck);
  });

  it('an expired cached user.trakt while the account holds a valid one → CACHED_PROFILE_STALE', async () => {
    await plantLocalStorage(
      world.home,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: ACCOUNT.authKey, user: userBody({ ...ACCOUNT, trakt: link(9, 7) }) }),
    );
    const report = await runCache();
    const check = report.checks.find((c) => c.id === 'cache.cached-profile')!;
    expect(check).toMatchObject({
      verdict: 'warn',
      problems: ['CACHED_PROFILE_STALE'],
      details: { shell: 'Stremio 5 (Windows)', accountTrakt: 'valid', cachedTrakt: { token: 'expired' } },
    });
    expect(report.findings.find((f) => f.problem === 'CACHED_PROFILE_STALE')!.fix.steps.join(' ')).toContain(
      'Sync now',
    );
  });

  it("agrees when the cached link is the account's", async () => {
    await plantLocalStorage(
      world.home,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: ACCOUNT.authKey, user: userBody(ACCOUNT) }),
    );
    const report = await runCache();
    expect(report.checks.find((c) => c.id === 'cache.cached-profile')).toMatchObject({
      verdict: 'pass',
      problems: [],
      details: { profiles: [{ location: `~/${WEBVIEW2_LEVELDB.join('/')}` }] },
    });
    expect(JSON.stringify(report)).not.toContain(world.home);
  });

  it('the wizard offers "use the account Stremio is signed in with" and signs in with that profile', async () => {
    await plantLocalStorage(
      world.home,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: ACCOUNT.authKey, user: userBody(ACCOUNT) }),
    );
    const service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
        confirmStoredSignIn: async () => true,
      },
      onRunEvent: () => undefined,
      contextOptions: { env: {}, now: () => NOW },
    });
    const discovered = await dispatchIpc(service.handlers, 'profiles:discover', {}, (t) => t);
    expect(discovered).toMatchObject({
      ok: true,
      value: { profiles: [{ shell: 'Stremio 5 (Windows)', signedIn: true, readable: true }] },
    });
    const profileId = (discovered as { value: { profiles: Array<{ id: string }> } }).value.profiles[0]!.id;
    const before = stremio.apiRequests('getUser').length;
    const run = await dispatchIpc(
      service.handlers,
      'diagnosis:run',
      { runId: 'local-1', steps: ['token'], credentials: { kind: 'local-profile', profileId } },
      (t) => service.secrets.redact(t),
    );
    expect(run.ok).toBe(true);
    expect(stremio.apiRequests('getUser').length).toBe(before + 1);
    expect(JSON.stringify(run)).not.toContain(ACCOUNT.authKey);
  });
});
