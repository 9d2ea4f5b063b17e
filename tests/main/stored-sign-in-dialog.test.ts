/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetElectronMock } from '../mocks/electron';
import { electronPlatform } from '../../electron/main/electron-platform';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';

vi.mock('electron', () => import('../mocks/electron'));

const platformFor = (window: BrowserWindow | null) =>
  electronPlatform(
    createMemorySecretStore(),
    createMemorySettings(),
    () => window as unknown as Electron.BrowserWindow | null,
  );

describe("main's own consent for a stored sign-in (confirmStoredSignIn)", () => {
  beforeEach(() => resetElectronMock());

  it('asks with a native dialog on the window, "Cancel" the default, and says which sign-in', async () => {
    const window = new BrowserWindow({});
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0, checkboxChecked: false });
    expect(await platformFor(window).confirmStoredSignIn?.('local-profile')).toBe(true);
    const [owner, options] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(owner).toBe(window);
    expect(options).toMatchObject({ buttons: ['Read my account', 'Cancel'], defaultId: 1, cancelId: 1 });
    expect((options as { message: string }).message).toContain('the Stremio app stored on this computer');
  });

  it('is a no unless the user picks "Read my account" (dismissed, closed, no window)', async () => {
    expect(await platformFor(null).confirmStoredSignIn?.('remembered')).toBe(false);
    expect(dialog.showMessageBox.mock.calls[0]).toHaveLength(1);
    dialog.showMessageBox.mockResolvedValueOnce({ response: 7, checkboxChecked: false });
    expect(await platformFor(null).confirmStoredSignIn?.('remembered')).toBe(false);
  });
});
