import type { Preferences } from '../../shared/ipc';
import {
  secretStorageProblem,
  type SecretStore,
  type SecretStoreStatus,
  type SettingsStore,
} from '../../electron/hosts/service/platform';

/*
 * The service's stores kept in memory: the tests' stand-ins for Electron's safeStorage and the settings file
 * (the app's own live in electron/main/).
 */

/** A secret store that keeps nothing (tests, and machines without any secret backend). */
export function createMemorySecretStore(
  status: SecretStoreStatus = { available: true, backend: 'memory' },
): SecretStore {
  let stored: string | null = null;
  return {
    status: () => status,
    async saveAuthKey(authKey) {
      if (!status.available) throw new Error(secretStorageProblem(status));
      stored = authKey;
    },
    loadAuthKey: async () => stored,
    async forgetAuthKey() {
      const had = stored !== null;
      stored = null;
      return had;
    },
  };
}

/** Settings kept in memory. */
export function createMemorySettings(): SettingsStore {
  let clientId: string | null = null;
  let preferences: Preferences = {};
  return {
    getTraktClientId: () => clientId,
    setTraktClientId: (id) => void (clientId = id),
    getPreferences: () => ({ ...preferences }),
    setPreferences: (changes) => void (preferences = { ...preferences, ...changes }),
  };
}
