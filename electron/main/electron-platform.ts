import { session, shell } from 'electron';
import type { SecretStore, ServicePlatform, SettingsStore } from '../engine/service/platform';

/**
 * The service's platform pieces from Electron: the system browser (the service allow-lists every URL
 * before it gets here — electron.md §2 item 15), the encrypted secret store, the settings, and the
 * proxy Chromium would use for a URL (PRODUCT.md §3 connectivity).
 */
export function electronPlatform(secretStore: SecretStore, settings: SettingsStore): ServicePlatform {
  return {
    openExternal: (url) => shell.openExternal(url),
    secretStore,
    settings,
    resolveProxy: (url) => session.defaultSession.resolveProxy(url),
  };
}
