import { safeStorage } from 'electron';
import Store from 'electron-store';
import { secretStorageProblem, type SecretStore, type SecretStoreStatus } from '../hosts/service/platform';

/** What the secrets file holds: only ciphertext, base64. */
interface SecretsFile {
  stremioAuthKey?: string;
}

/** Where the encrypted secrets file lives and which OS the status reasons about. */
export interface SafeSecretStoreOptions {
  readonly dir: string;
  readonly platform?: NodeJS.Platform;
}

const OS_BACKENDS: Partial<Record<NodeJS.Platform, string>> = { darwin: 'keychain', win32: 'dpapi' };

/**
 * Whether `safeStorage` really protects a secret here (electronjs.org/docs/latest/api/safe-storage): unavailable before
 * `ready` or without an OS mechanism; on Linux, the `basic_text` backend "encrypts" with a hard-coded
 * password, which is not protection, so remembering is refused with that reason (docs/architecture.md "Privacy").
 */
export function safeStorageStatus(platform: NodeJS.Platform = process.platform): SecretStoreStatus {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : (OS_BACKENDS[platform] ?? 'os');
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      available: false,
      backend,
      reason: 'no-encryption',
    };
  }
  if (backend === 'basic_text') {
    return {
      available: false,
      backend,
      reason: 'basic-text',
    };
  }
  if (backend === 'unknown') {
    return {
      available: false,
      backend,
      reason: 'unknown-backend',
    };
  }
  return { available: true, backend };
}

/**
 * The service's SecretStore on Electron `safeStorage` + electron-store: the auth key is encrypted by the
 * OS mechanism and only its ciphertext (base64) is written. Never a plain-text fallback.
 */
export function createSafeSecretStore(options: SafeSecretStoreOptions): SecretStore {
  const store = new Store<SecretsFile>({
    name: 'secrets',
    cwd: options.dir,
    schema: { stremioAuthKey: { type: 'string', pattern: '^[A-Za-z0-9+/]*={0,2}$' } },
    clearInvalidConfig: true,
    configFileMode: 0o600,
  });
  const status = () => safeStorageStatus(options.platform);
  return {
    status,
    async saveAuthKey(authKey) {
      const current = status();
      if (!current.available) throw new Error(secretStorageProblem(current));
      store.set('stremioAuthKey', safeStorage.encryptString(authKey).toString('base64'));
    },
    async loadAuthKey() {
      const stored = store.get('stremioAuthKey');
      if (typeof stored !== 'string' || !status().available) return null;
      try {
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      } catch {
        // Encrypted under another user or keyring: unusable, so it counts as not remembered.
        return null;
      }
    },
    async forgetAuthKey() {
      const had = store.has('stremioAuthKey');
      store.delete('stremioAuthKey');
      return had;
    },
  };
}
