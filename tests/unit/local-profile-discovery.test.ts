import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  discoverLocalProfiles,
  readLocalProfileCredentials,
  readLocalProfiles,
} from '../../electron/engine/clients/stremio/local-profiles';
import type { ProfileSearch } from '../../electron/engine/clients/stremio/profile-locations';
import {
  coreProfile,
  plantLocalStorage,
  QT_WINDOWS_LEVELDB,
  WEBVIEW2_LEVELDB,
} from '../fixtures/profiles/stremio-profile';

const USER = {
  _id: '5f1e0c9a8b7d6e5f4a3b2c1d',
  email: 'local@example.org',
  fbId: '',
  avatar: '',
  lastModified: '2026-11-01T00:00:00Z',
  dateRegistered: '2020-01-01T00:00:00Z',
  trakt: null,
  gdpr_consent: { tos: true, privacy: true, marketing: false },
};

async function root(): Promise<{ dir: string; search: ProfileSearch }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'doctor-profiles-'));
  return { dir, search: { searchRoots: [dir], platform: 'linux', env: {} } };
}

describe('local Stremio profile discovery (docs/sources.md "Stremio data")', () => {
  it('finds nothing on a machine without Stremio', async () => {
    const { search } = await root();
    expect(await discoverLocalProfiles(search)).toEqual([]);
  });

  it('reads the Stremio 5 (WebView2) profile, newest write winning, and offers its auth key', async () => {
    const { dir, search } = await root();
    const live = await plantLocalStorage(
      dir,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: 'local-auth-key-0123456789abcdef', user: USER }),
    );
    const before = await Promise.all(
      (await readdir(live)).map(async (n) => [n, await readFile(path.join(live, n))] as const),
    );
    const profiles = await discoverLocalProfiles(search);
    expect(profiles).toEqual([
      {
        id: expect.stringMatching(/^stremio5-windows:[0-9a-f]{12}$/),
        shell: 'Stremio 5 (Windows)',
        location: live,
        signedIn: true,
        readable: true,
      },
    ]);
    expect(await readLocalProfileCredentials(search, profiles[0]!.id)).toEqual({
      kind: 'auth-key',
      authKey: 'local-auth-key-0123456789abcdef',
    });
    expect(await readLocalProfileCredentials(search, 'stremio5-windows:000000000000')).toBeNull();
    // Read-only: the live folder is byte-for-byte unchanged, nothing added.
    const after = await Promise.all(
      (await readdir(live)).map(async (n) => [n, await readFile(path.join(live, n))] as const),
    );
    expect(after).toEqual(before);
  });

  it('reads the profile in memory: nothing holding the auth key is ever written to the temp folder', async () => {
    const { dir, search } = await root();
    await plantLocalStorage(
      dir,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: 'in-memory-auth-key-0123456789ab', user: USER }),
    );
    // A temp folder that cannot be written: a copy there (which a crash or an antivirus lock on the
    // clean-up could leave behind, auth key included) fails, a read in memory does not care.
    const blocked = path.join(dir, 'not-a-folder');
    await writeFile(blocked, '');
    const saved = { TMPDIR: process.env.TMPDIR, TMP: process.env.TMP, TEMP: process.env.TEMP };
    Object.assign(process.env, { TMPDIR: blocked, TMP: blocked, TEMP: blocked });
    try {
      expect(tmpdir()).toBe(blocked);
      const profiles = await discoverLocalProfiles(search);
      expect(profiles).toEqual([expect.objectContaining({ signedIn: true, readable: true })]);
      expect(await readLocalProfileCredentials(search, profiles[0]!.id)).toEqual({
        kind: 'auth-key',
        authKey: 'in-memory-auth-key-0123456789ab',
      });
    } finally {
      for (const [name, value] of Object.entries(saved))
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
    }
  });

  it('a signed-out profile is readable and offers no credentials', async () => {
    const { dir, search } = await root();
    await plantLocalStorage(dir, WEBVIEW2_LEVELDB, 'https://web.stremio.com', coreProfile(null));
    const [profile] = await discoverLocalProfiles(search);
    expect(profile).toMatchObject({ signedIn: false, readable: true });
    expect(await readLocalProfileCredentials(search, profile!.id)).toBeNull();
  });

  it('says "cannot read" for a format it does not know, never guesses', async () => {
    const { dir, search } = await root();
    // Stremio 4's UI (app.strem.io) is not stremio-core: its storage has no profile in the known shape.
    await plantLocalStorage(
      dir,
      QT_WINDOWS_LEVELDB,
      'https://app.strem.io',
      JSON.stringify({ user: { id: 'x' }, session: 'abc' }),
    );
    // Stremio 5 for Linux: WebKitGTK storage.
    await mkdir(path.join(dir, '.local', 'share', 'stremio', 'localstorage'), { recursive: true });
    // A damaged LevelDB table.
    const damaged = path.join(dir, ...WEBVIEW2_LEVELDB);
    await mkdir(damaged, { recursive: true });
    await writeFile(path.join(damaged, '000009.ldb'), Buffer.alloc(200, 7));
    const profiles = await discoverLocalProfiles(search);
    const byShell = Object.fromEntries(profiles.map((p) => [p.shell, p]));
    expect(byShell['Stremio 4 (Windows)']).toMatchObject({
      readable: false,
      signedIn: false,
      reason: 'unknown-format',
    });
    expect(byShell['Stremio 5 (Linux)']).toMatchObject({
      readable: false,
      reason: 'webkitgtk',
    });
    expect(byShell['Stremio 5 (Windows)']).toMatchObject({
      readable: false,
      reason: 'bad-format',
    });
    for (const p of profiles) expect(await readLocalProfileCredentials(search, p.id)).toBeNull();
    // The cached-profile check says why as the client's message (docs/i18n.md); the English stays in details.
    const read = Object.fromEntries((await readLocalProfiles(search)).map((p) => [p.profile.shell, p.stored]));
    expect(read['Stremio 4 (Windows)']).toMatchObject({
      kind: 'unreadable',
      why: { key: 'clients:cachedProfile.unknownFormat' },
    });
    expect(read['Stremio 5 (Linux)']).toMatchObject({
      kind: 'unreadable',
      why: { key: 'clients:cachedProfile.webkitgtk' },
    });
    expect(read['Stremio 5 (Windows)']).toMatchObject({
      kind: 'unreadable',
      why: { key: 'clients:cachedProfile.format' },
    });
  });

  it('uses the OS locations from the environment when no search roots are given', async () => {
    const { dir } = await root();
    await plantLocalStorage(
      dir,
      [
        'Local',
        'Programs',
        'Stremio',
        'stremio-shell-ng.exe.WebView2',
        'EBWebView',
        'Default',
        'Local Storage',
        'leveldb',
      ],
      'https://web.stremio.com',
      coreProfile({ authKey: 'win-auth-key-0123456789', user: USER }),
    );
    const profiles = await discoverLocalProfiles({
      searchRoots: null,
      platform: 'win32',
      env: { USERPROFILE: path.join(dir, 'nowhere'), LOCALAPPDATA: path.join(dir, 'Local') },
    });
    expect(profiles.map((p) => [p.shell, p.signedIn])).toEqual([['Stremio 5 (Windows)', true]]);
    expect(
      await discoverLocalProfiles({ searchRoots: null, platform: 'linux', env: { HOME: path.join(dir, 'Local') } }),
    ).toEqual([]);
  });
});
