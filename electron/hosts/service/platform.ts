import type { SecretStorageReason } from '../../../shared/answer-reasons';
import type { Preferences } from '../../../shared/ipc';
import type { IncidentFeedCache } from '../../engine/runtime/context';

/** Whether secrets can be kept encrypted on this machine (Electron docs: api/safe-storage). */
export interface SecretStoreStatus {
  readonly available: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux, the OS mechanism elsewhere. */
  readonly backend: string;
  /** Why remembering is refused (e.g. the `basic_text` backend encrypts with a hard-coded password): a code. */
  readonly reason?: SecretStorageReason;
}

/** Each reason in English, for logs and errors inside main only (the window says the code in its language). */
const SECRET_STORAGE_PROBLEMS = {
  'no-encryption': 'this system offers no encrypted storage to the app',
  'basic-text': 'no system keyring is running (the basic_text backend uses a hard-coded password)',
  'unknown-backend': 'the system keyring could not be identified',
} as const satisfies Record<SecretStorageReason, string>;

/** Why secret storage is unavailable, in English for logs and errors: `secret storage is not available: …`. */
export function secretStorageProblem(status: SecretStoreStatus): string {
  const base = 'secret storage is not available';
  return status.reason ? `${base}: ${SECRET_STORAGE_PROBLEMS[status.reason]}` : base;
}

/** Keeps the one secret the user may ask us to remember: the Stremio auth key, encrypted. */
export interface SecretStore {
  status(): SecretStoreStatus;
  /** Encrypts and stores the auth key; throws when `status().available` is false. */
  saveAuthKey(authKey: string): Promise<void>;
  loadAuthKey(): Promise<string | null>;
  /** Removes it; true when there was one. */
  forgetAuthKey(): Promise<boolean>;
}

/** Non-secret settings the wizard keeps. */
export interface SettingsStore {
  getTraktClientId(): string | null;
  setTraktClientId(clientId: string | null): void;
  /** The window's language and theme choices (docs/i18n.md). */
  getPreferences(): Preferences;
  /** Saves the given choices; absent fields stay as they were. */
  setPreferences(preferences: Preferences): void;
}

/** A sign-in the user did not type: the auth key the wizard remembered, or the profile Stremio stored on this computer. */
export type StoredSignInSource = 'remembered' | 'local-profile';

/** What the host (Electron main, or a test harness) provides to the service. */
export interface ServicePlatform {
  /** Opens an already allow-listed URL in the system browser. */
  readonly openExternal: (url: string) => Promise<void>;
  readonly secretStore: SecretStore;
  readonly settings: SettingsStore;
  /** The system proxy for a URL (Electron `session.resolveProxy`), when the host has one. */
  readonly resolveProxy?: (url: string) => Promise<string>;
  /**
   * Asks the user where to save the diagnostic bundle (a native save dialog in the app); null = the user
   * cancelled. Absent = this host cannot save files, and `bundle:save` says so.
   */
  readonly chooseBundlePath?: (defaultName: string) => Promise<string | null>;
  /** Where the last verified incidents feed is kept between runs (the app: electron-store); absent = nowhere. */
  readonly incidentCache?: IncidentFeedCache;
  /** The user's language (the app: Electron's `app.getLocale()`); absent = from the environment. */
  readonly locale?: string;
  /**
   * Asks the user, outside the renderer (a native dialog in the app), whether the wizard may read their
   * Stremio account with a stored sign-in; true = yes. Absent = this host cannot ask, and stored
   * sign-ins are refused: the renderer's consent checkbox alone is not trusted with them.
   */
  readonly confirmStoredSignIn?: (source: StoredSignInSource) => Promise<boolean>;
}
