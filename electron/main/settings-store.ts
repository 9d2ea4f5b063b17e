import Store from 'electron-store';
import { existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import { TRAKT_CLIENT_ID_PATTERN } from '../../shared/trakt-client-id';
import type { SettingsStore } from '../hosts/service/platform';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { THEMES, type Theme } from '../../shared/ipc';

/** The settings file's content. */
interface SettingsFile {
  traktClientId: string | null;
  locale?: Locale;
  theme?: Theme;
}

const SETTINGS_NAME = 'settings';

/**
 * Opens the wizard's settings (the Trakt client-id override) in electron-store with a schema. A file
 * that is not JSON or breaks the schema does not stop the app: it is moved aside (kept for a bug
 * report), the settings start from defaults, and `report` says what happened. The same recovery
 * runs if the file is damaged while the app is open (electron-store re-reads it on every access).
 */
export function openSettingsStore(
  dir: string,
  report: (message: string) => void,
  now: () => Date = () => new Date(),
): SettingsStore {
  const open = (): Store<SettingsFile> =>
    new Store<SettingsFile>({
      name: SETTINGS_NAME,
      cwd: dir,
      schema: {
        traktClientId: { type: ['string', 'null'], pattern: TRAKT_CLIENT_ID_PATTERN.source, default: null },
        locale: { type: 'string', enum: [...LOCALES] },
        theme: { type: 'string', enum: [...THEMES] },
      },
    });
  const setAside = (error: unknown): Store<SettingsFile> => {
    const file = path.join(dir, `${SETTINGS_NAME}.json`);
    const kept = path.join(dir, `${SETTINGS_NAME}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    if (existsSync(file)) renameSync(file, kept);
    report(
      `settings file was unreadable (${describe(error)}); kept it as ${path.basename(kept)} and started from defaults`,
    );
    return open();
  };
  let store: Store<SettingsFile>;
  try {
    store = open();
  } catch (error) {
    store = setAside(error);
  }
  // Only a damaged file is set aside; a refused value (a caller's bug) is not the file's fault.
  const damage = (): unknown => {
    try {
      void store.store;
      return null;
    } catch (error) {
      return error;
    }
  };
  const guarded = <T>(action: () => T): T => {
    try {
      return action();
    } catch (error) {
      const found = damage();
      if (found === null) throw error;
      store = setAside(found);
      return action();
    }
  };
  return {
    getTraktClientId: () => guarded(() => store.get('traktClientId')),
    setTraktClientId: (clientId) => guarded(() => store.set('traktClientId', clientId)),
    getPreferences: () =>
      guarded(() => {
        const locale = store.get('locale');
        const theme = store.get('theme');
        return { ...(locale ? { locale } : {}), ...(theme ? { theme } : {}) };
      }),
    setPreferences: (changes) =>
      guarded(() => {
        if (changes.locale) store.set('locale', changes.locale);
        if (changes.theme) store.set('theme', changes.theme);
      }),
  };
}

function describe(error: unknown): string {
  if (error instanceof SyntaxError) return 'not valid JSON';
  const message = error instanceof Error ? error.message : String(error);
  return message.startsWith('Config schema violation') ? 'values outside the settings schema' : 'unreadable';
}
