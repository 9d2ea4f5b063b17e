import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import path from 'node:path';
import { ConfigError, type Config } from '../engine/core/config';
import { Logger } from '../engine/core/log';
import { createDoctorService } from '../hosts/service/create-service';
import { TOOL_VERSION } from '../engine/core/version';
import { createAppLog } from './app-log';
import { installAppProtocol, registerAppScheme } from './app-protocol';
import { bundlePaths } from './bundle-paths';
import { electronPlatform } from './electron-platform';
import { bindIpc, sendRunEvent } from './ipc';
import { CONFIG_ENV, loadAppConfig } from './load-config';
import { createSafeSecretStore } from './secret-store';
import { hardenAllWebContents, hardenDefaultSession } from './security';
import { openSettingsStore } from './settings-store';
import { openIncidentStore } from './incident-store';
import { createMainWindow } from './window';

/** How a launch ended: the window is up, another instance had it, or the config was refused. */
export type LaunchOutcome = 'started' | 'second-instance' | 'config-error';

/** The title of the dialogs shown when the app cannot start. */
export const CANNOT_START_TITLE = 'Stremio Trakt Doctor cannot start';

/**
 * The app's lifecycle: privileged scheme and sandbox before `ready` (they only take effect then), one
 * instance, config, stores, the hardened session, IPC, then the one window. An invalid config is shown
 * in a dialog and the app exits 1 — no crash trace.
 */
export async function runApp(
  mainModuleUrl: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<LaunchOutcome> {
  registerAppScheme();
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return 'second-instance';
  }
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  // A wizard has one window: closing it ends the app on every platform.
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  const userData = app.getPath('userData');
  const appLog = createAppLog(path.join(userData, 'logs'));

  let config: Config;
  try {
    config = await loadAppConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    appLog.write('error', 'the config file was refused; see the dialog shown');
    dialog.showErrorBox(
      CANNOT_START_TITLE,
      `The configuration file named by ${CONFIG_ENV} is not valid:\n\n${error.message}\n\nCorrect the file or unset ${CONFIG_ENV}, then start the app again.`,
    );
    app.exit(1);
    return 'config-error';
  }

  const settings = openSettingsStore(userData, (message) => appLog.write('warn', message));
  const secretStore = createSafeSecretStore({ dir: userData });
  // electron-store answers a sync 'electron-store-get-data' message (userData path, version) for
  // renderer-side stores; this app has none, so no renderer may ask (Electron security checklist item 17).
  ipcMain.removeAllListeners('electron-store-get-data');

  const service = createDoctorService({
    config,
    platform: electronPlatform(
      secretStore,
      settings,
      () => window,
      openIncidentStore(userData, (message) => appLog.write('warn', message)),
    ),
    onRunEvent: (event) => sendRunEvent(window, event),
    logSink: appLog.sink,
    // The bundle carries the tail of userData/logs/app.log (app-log.ts), redacted once more on export.
    bundleLogFile: appLog.file,
  });
  const logger = new Logger(service.secrets, Date.now, appLog.sink);
  const report = (message: string) => logger.log('warn', message);

  hardenAllWebContents(report);
  hardenDefaultSession(report);
  const paths = bundlePaths(mainModuleUrl);
  installAppProtocol(paths.renderer);
  bindIpc(
    service,
    () => window,
    (line) => logger.log('info', line),
  );

  window = createMainWindow(paths.preload, report, settings.getPreferences());
  window.on('closed', () => {
    window = null;
  });
  logger.log(
    'info',
    `Stremio Trakt Doctor ${TOOL_VERSION} started (${process.platform}, Electron ${process.versions.electron ?? 'unknown'})`,
  );
  return 'started';
}
