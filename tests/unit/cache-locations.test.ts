import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidateDataLocations } from '../../electron/engine/clients/stremio/data-locations';

/** The table of docs/sources.md "Stremio data", as the engine searches it (real OS locations, from the environment). */
describe("Stremio's data locations per OS (docs/sources.md, Stremio data)", () => {
  const list = (platform: NodeJS.Platform, env: Record<string, string>) =>
    candidateDataLocations({ searchRoots: null, platform, env }).map((l) => ({
      label: l.label,
      path: l.path,
      safe: l.items.filter((i) => i.safeToClear).map((i) => path.relative(l.path, i.path)),
    }));

  it('Windows: server under %APPDATA%, v4 QtWebEngine under %LOCALAPPDATA%, v5 WebView2 beside the exe', () => {
    const locations = list('win32', {
      USERPROFILE: '/home/ann',
      APPDATA: '/home/ann/AppData/Roaming',
      LOCALAPPDATA: '/home/ann/AppData/Local',
    });
    expect(locations).toEqual([
      {
        label: 'Streaming server data',
        path: path.join('/home/ann/AppData/Roaming', 'stremio', 'stremio-server'),
        safe: [],
      },
      {
        label: 'Stremio 4 web profile',
        path: path.join('/home/ann/AppData/Local', 'Smart Code ltd', 'Stremio', 'QtWebEngine', 'Default'),
        safe: ['Cache', 'GPUCache', path.join('Service Worker', 'CacheStorage')],
      },
      {
        label: 'Stremio 5 web profile',
        path: path.join(
          '/home/ann/AppData/Local',
          'Programs',
          'Stremio',
          'stremio-shell-ng.exe.WebView2',
          'EBWebView',
          'Default',
        ),
        safe: ['Cache', 'GPUCache', path.join('Service Worker', 'CacheStorage')],
      },
    ]);
  });

  it('macOS: ~/Library/Application Support and ~/Library/Caches', () => {
    const paths = list('darwin', { HOME: '/Users/ann' }).map((l) => l.path);
    expect(paths).toContain('/Users/ann/Library/Application Support/stremio-server');
    expect(paths).toContain('/Users/ann/Library/Application Support/Smart Code ltd/Stremio/QtWebEngine/Default');
    expect(paths).toContain('/Users/ann/Library/Caches/Smart Code ltd/Stremio/QtWebEngine/Default');
    // APFS and HFS+ ignore case by default: "Smart Code Ltd" is the same folder, never listed (or sized) twice.
    expect(new Set(paths.map((p) => p.toLowerCase())).size).toBe(paths.length);
  });

  it('Linux: ~/.stremio-server, the Flatpak sandbox, XDG data and cache folders; Stremio 5 data is never offered', () => {
    const locations = list('linux', { HOME: '/home/ann' });
    expect(locations.map((l) => l.path)).toEqual(
      expect.arrayContaining([
        '/home/ann/.stremio-server',
        '/home/ann/.var/app/com.stremio.Stremio/.stremio-server',
        '/home/ann/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default',
        '/home/ann/.cache/Smart Code ltd/Stremio/QtWebEngine/Default',
        '/home/ann/.local/share/stremio',
        '/home/ann/.var/app/com.stremio.Stremio/data/stremio',
      ]),
    );
    expect(locations.filter((l) => l.label.startsWith('Stremio 5')).every((l) => l.safe.length === 0)).toBe(true);
  });

  it('Linux lists both spellings of the org folder, each with its profile then its HTTP cache, in one order', () => {
    const qt = (base: string, org: string) => `/home/ann/${base}/${org}/Stremio/QtWebEngine/Default`;
    expect(list('linux', { HOME: '/home/ann' }).map((l) => `${l.label}: ${l.path}`)).toEqual([
      'Streaming server data: /home/ann/.stremio-server',
      'Streaming server data (Flatpak): /home/ann/.var/app/com.stremio.Stremio/.stremio-server',
      `Stremio 4 web profile: ${qt('.local/share', 'Smart Code ltd')}`,
      `Stremio 4 HTTP cache: ${qt('.cache', 'Smart Code ltd')}`,
      `Stremio 4 web profile: ${qt('.local/share', 'Smart Code Ltd')}`,
      `Stremio 4 HTTP cache: ${qt('.cache', 'Smart Code Ltd')}`,
      'Stremio 5 app data: /home/ann/.local/share/stremio',
      'Stremio 5 app data (Flatpak): /home/ann/.var/app/com.stremio.Stremio/data/stremio',
    ]);
  });

  it('knows no data places on other systems', () => {
    expect(list('freebsd', { HOME: '/home/ann' })).toEqual([]);
  });
});
