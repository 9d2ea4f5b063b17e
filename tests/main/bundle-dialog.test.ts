/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, resetElectronMock } from '../mocks/electron';
import { electronPlatform } from '../../electron/main/electron-platform';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import { runApp } from '../../electron/main/lifecycle';

vi.mock('electron', () => import('../mocks/electron'));

const platformFor = (window: BrowserWindow | null) =>
  electronPlatform(
    createMemorySecretStore(),
    createMemorySettings(),
    () => window as unknown as Electron.BrowserWindow | null,
  );

describe('the bundle save dialog (chooseBundlePath)', () => {
  beforeEach(() => resetElectronMock());

  it('asks on the window, proposing the dated name in Downloads, .zip only, with overwrite confirmation', async () => {
    const window = new BrowserWindow({});
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/tmp/chosen.zip' });
    expect(await platformFor(window).chooseBundlePath?.('stremio-trakt-doctor-2026-11-25.zip')).toBe('/tmp/chosen.zip');
    const [owner, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(owner).toBe(window);
    expect(options).toMatchObject({
      defaultPath: path.join(app.getPath('downloads'), 'stremio-trakt-doctor-2026-11-25.zip'),
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      properties: expect.arrayContaining(['showOverwriteConfirmation']),
    });
  });

  it('answers null when the user cancels, and works without a window', async () => {
    expect(await platformFor(null).chooseBundlePath?.('b.zip')).toBeNull();
    expect(dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('is wired into the app: bundle:save reaches the service (nothing to export before a run)', async () => {
    expect(await runApp('file:///opt/doctor/out/main/main.mjs', {})).toBe('started');
    const window = BrowserWindow.instances[0];
    if (!window) throw new Error('no window');
    const save = ipcMain.handlers.get('bundle:save');
    expect(await save?.({ sender: window.webContents, senderFrame: window.webContents.mainFrame }, {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
