/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, resetElectronMock, safeStorage } from '../mocks/electron';
import { createSafeSecretStore, safeStorageStatus } from '../../electron/main/secret-store';

vi.mock('electron', () => import('../mocks/electron'));

const AUTH_KEY = 'stremio-auth-key-0123456789abcdef';

/** Every byte the store left in its folder, as text (to search for the plain secret in any encoding). */
async function everythingOnDisk(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return (await Promise.all(files.map((file) => readFile(file, 'latin1')))).join('\n');
}

function plainForms(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('hex'),
    encodeURIComponent(secret),
  ];
}

describe('the secret store on safeStorage', () => {
  beforeEach(() => resetElectronMock());

  it('refuses the basic_text backend on Linux, says why, and writes nothing', async () => {
    safeStorage.backend = 'basic_text';
    const store = createSafeSecretStore({ dir: app.userData, platform: 'linux' });
    const status = store.status();
    // A code the window says in its language; the thrown error stays English, for logs.
    expect(status).toEqual({ available: false, backend: 'basic_text', reason: 'basic-text' });
    await expect(store.saveAuthKey(AUTH_KEY)).rejects.toThrow(/no system keyring is running/);
    const disk = await everythingOnDisk(app.userData);
    for (const form of plainForms(AUTH_KEY)) expect(disk).not.toContain(form);
    expect(await store.loadAuthKey()).toBeNull();
  });

  it('refuses when encryption is not available at all, and when the backend is unknown', async () => {
    safeStorage.available = false;
    const store = createSafeSecretStore({ dir: app.userData, platform: 'linux' });
    expect(store.status()).toMatchObject({ available: false, reason: 'no-encryption' });
    await expect(store.saveAuthKey(AUTH_KEY)).rejects.toThrow(/no encrypted storage/);
    safeStorage.available = true;
    safeStorage.backend = 'unknown';
    expect(store.status()).toEqual({ available: false, backend: 'unknown', reason: 'unknown-backend' });
  });

  it('stores only ciphertext (base64), and reads the key back', async () => {
    safeStorage.backend = 'gnome_libsecret';
    const store = createSafeSecretStore({ dir: app.userData, platform: 'linux' });
    expect(store.status()).toEqual({ available: true, backend: 'gnome_libsecret' });
    await store.saveAuthKey(AUTH_KEY);
    const disk = await everythingOnDisk(app.userData);
    for (const form of plainForms(AUTH_KEY)) expect(disk).not.toContain(form);
    const file = JSON.parse(await readFile(path.join(app.userData, 'secrets.json'), 'utf8')) as {
      stremioAuthKey: string;
    };
    expect(safeStorage.decryptString(Buffer.from(file.stremioAuthKey, 'base64'))).toBe(AUTH_KEY);
    expect(await store.loadAuthKey()).toBe(AUTH_KEY);
    expect(await createSafeSecretStore({ dir: app.userData, platform: 'linux' }).loadAuthKey()).toBe(AUTH_KEY);
  });

  it('forgets the key', async () => {
    const store = createSafeSecretStore({ dir: app.userData, platform: 'linux' });
    await store.saveAuthKey(AUTH_KEY);
    expect(await store.forgetAuthKey()).toBe(true);
    expect(await store.loadAuthKey()).toBeNull();
    expect(await store.forgetAuthKey()).toBe(false);
  });

  it('treats a ciphertext it cannot decrypt, or a damaged file, as nothing remembered', async () => {
    await writeFile(
      path.join(app.userData, 'secrets.json'),
      JSON.stringify({ stremioAuthKey: Buffer.from('from another keyring').toString('base64') }),
    );
    expect(await createSafeSecretStore({ dir: app.userData, platform: 'linux' }).loadAuthKey()).toBeNull();
    await writeFile(path.join(app.userData, 'secrets.json'), '{ not json');
    const store = createSafeSecretStore({ dir: app.userData, platform: 'linux' });
    expect(await store.loadAuthKey()).toBeNull();
    await store.saveAuthKey(AUTH_KEY);
    expect(await store.loadAuthKey()).toBe(AUTH_KEY);
  });

  it('names the OS mechanism outside Linux', () => {
    expect(safeStorageStatus('darwin')).toEqual({ available: true, backend: 'keychain' });
    expect(safeStorageStatus('win32')).toEqual({ available: true, backend: 'dpapi' });
  });
});
