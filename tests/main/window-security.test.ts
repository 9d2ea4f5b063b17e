/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, BrowserWindow, FakeEvent, resetElectronMock, session } from '../mocks/electron';
import { APP_ENTRY_URL } from '../../electron/main/app-protocol';
import { hardenAllWebContents, hardenDefaultSession } from '../../electron/main/security';
import { createMainWindow } from '../../electron/main/window';
import { readPreferencesArgument } from '../../shared/preferences-argument';

vi.mock('electron', () => import('../mocks/electron'));

function openWindow() {
  const reports: string[] = [];
  hardenAllWebContents((line) => reports.push(line));
  createMainWindow('/app/out/preload/preload.cjs', (line) => reports.push(line));
  const window = BrowserWindow.instances[0];
  if (!window) throw new Error('no window was created');
  return { window, contents: window.webContents, reports };
}

describe('the app window', () => {
  beforeEach(() => resetElectronMock());

  it('hands the saved language and theme to its preload on the command line, for the first paint', () => {
    createMainWindow('/app/out/preload/preload.cjs', () => undefined, { locale: 'de', theme: 'light' });
    const args = BrowserWindow.instances[0]?.options.webPreferences?.additionalArguments ?? [];
    expect(readPreferencesArgument(args)).toEqual({ locale: 'de', theme: 'light' });
  });

  it('is created with every security preference of the checklist and the CJS preload', () => {
    const { window } = openWindow();
    expect(BrowserWindow.instances).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(window.options.webPreferences?.disableBlinkFeatures).toBe('Auxclick');
  });

  it('loads the renderer from the app scheme, never file:// or a remote page', () => {
    const { window } = openWindow();
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://doctor/index.html');
  });

  it('keeps devtools out of packaged builds', () => {
    app.isPackaged = true;
    const { window } = openWindow();
    expect(window.options.webPreferences?.devTools).toBe(false);
  });
});

describe('navigation, new windows and webviews', () => {
  beforeEach(() => resetElectronMock());

  it.each([
    'https://trakt.tv/oauth/authorize',
    'http://127.0.0.1:41287/callback',
    'file:///etc/passwd',
    'app://doctor.attacker.example/index.html',
    'app://evil/index.html',
    'app://user@doctor/index.html',
    'javascript:alert(1)',
    'not a url',
  ])('blocks navigating the window to %s', (url) => {
    const { contents, reports } = openWindow();
    const navigate = new FakeEvent(url);
    contents.emit('will-navigate', navigate, url);
    const redirect = new FakeEvent(url);
    contents.emit('will-redirect', redirect, url);
    const frame = new FakeEvent(url, false);
    contents.emit('will-frame-navigate', frame);
    expect([navigate.defaultPrevented, redirect.defaultPrevented, frame.defaultPrevented]).toEqual([true, true, true]);
    expect(reports.some((line) => line.startsWith('blocked navigation'))).toBe(true);
  });

  it('lets the app move within its own origin', () => {
    const { contents } = openWindow();
    const event = new FakeEvent('app://doctor/index.html#summary');
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('denies every window.open, whatever the URL', () => {
    const { contents } = openWindow();
    for (const url of ['https://trakt.tv/', 'app://doctor/index.html', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('refuses to attach a <webview>', () => {
    const { contents } = openWindow();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('the session', () => {
  beforeEach(() => resetElectronMock());

  it('denies every permission request, check and device', async () => {
    const reports: string[] = [];
    hardenDefaultSession((line) => reports.push(line));
    const ses = session.defaultSession;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
    ]) {
      const granted = await new Promise<boolean>((resolve) =>
        ses.permissionRequestHandler?.({}, permission, resolve, {}),
      );
      expect(granted).toBe(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'app://doctor', {})).toBe(false);
    }
    expect(ses.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    expect(reports).toContain('denied permission request: media');
    expect(ses.spellCheckerEnabled).toBe(false);
  });

  it('denies every download, whatever started it, and says which', () => {
    const reports: string[] = [];
    hardenDefaultSession((line) => reports.push(line));
    for (const url of ['data:text/html,<script>alert(1)</script>', 'app://doctor/index.html', 'blob:app://doctor/1']) {
      const event = new FakeEvent(url);
      const cancel = vi.fn();
      session.defaultSession.emit('will-download', event, { getURL: () => url, cancel }, {});
      expect(event.defaultPrevented, url).toBe(true);
    }
    expect(reports.filter((line) => line.startsWith('denied a download'))).toHaveLength(3);
  });

  it("cancels every request that is not the app's own content", async () => {
    hardenDefaultSession(() => undefined);
    const filter = session.defaultSession.beforeRequest;
    const cancelled = (url: string) =>
      new Promise<boolean>((resolve) => filter?.({ url }, (response) => resolve(response.cancel)));
    expect(await cancelled('https://trakt.tv/')).toBe(true);
    expect(await cancelled('http://127.0.0.1:11470/settings')).toBe(true);
    expect(await cancelled('wss://example.com/socket')).toBe(true);
    expect(await cancelled('file:///etc/passwd')).toBe(true);
    expect(await cancelled('app://doctor.evil/index.html')).toBe(true);
    expect(await cancelled('app://doctor/assets/index.js')).toBe(false);
    expect(await cancelled('data:image/png;base64,AAAA')).toBe(false);
  });
});
