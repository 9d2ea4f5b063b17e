import path from 'node:path';
import { searchBases, type StremioSearch } from './installs-search';

/** What a folder inside a data location holds, and whether moving it away is harmless (docs/architecture.md). */
export type DataItemKind =
  'http-cache' | 'gpu-cache' | 'service-worker-cache' | 'local-storage' | 'torrent-cache' | 'server-settings';

/** The kinds the wizard may move to a backup: rebuilt by the app, no login or settings in them (docs/sources.md). */
export const SAFE_ITEM_KINDS: ReadonlySet<DataItemKind> = new Set(['http-cache', 'gpu-cache', 'service-worker-cache']);

/** One known sub-folder (or file) of a data location. */
export interface DataItem {
  readonly kind: DataItemKind;
  readonly path: string;
  readonly safeToClear: boolean;
}

/** One of Stremio's data or cache folders (docs/sources.md "Stremio data"). */
export interface DataLocation {
  /** A name a person reads, e.g. "Stremio 4 web profile". */
  readonly label: string;
  readonly shell: 'stremio-4' | 'stremio-5' | 'streaming-server';
  readonly path: string;
  readonly items: readonly DataItem[];
}

const item =
  (kind: DataItemKind, ...parts: string[]) =>
  (root: string): DataItem => ({ kind, path: path.join(root, ...parts), safeToClear: SAFE_ITEM_KINDS.has(kind) });

/** A Chromium profile folder (QtWebEngine `Default`, WebView2 `EBWebView/Default`): its caches and its Local Storage. */
const CHROMIUM_PROFILE = [
  item('http-cache', 'Cache'),
  item('gpu-cache', 'GPUCache'),
  // The v4 installer itself deletes this folder on every install (windows-installer.nsi l.212-213).
  item('service-worker-cache', 'Service Worker', 'CacheStorage'),
  // Logs the user out: listed, never offered with the safe ones.
  item('local-storage', 'Local Storage'),
];
const SERVER_DATA = [item('torrent-cache', 'stremio-cache'), item('server-settings', 'server-settings.json')];

/** A folder of the search base a place lives under. */
type BaseFolder = 'home' | 'appData' | 'localAppData';

/** Qt's organisation folder (main.cpp "Smart Code ltd"; the NSIS script writes "Smart Code Ltd"). */
const ORG = Symbol('org');
type PathPart = string | typeof ORG;

/** One place Stremio keeps data: its folder under a base, and the known items in it. */
interface Place {
  readonly label: string;
  readonly shell: DataLocation['shell'];
  readonly under: BaseFolder;
  /** The path under the base; `ORG` stands for each spelling of Qt's organisation folder. */
  readonly parts: readonly PathPart[];
  readonly items?: readonly ((root: string) => DataItem)[];
}

/** Places listed once per spelling of the organisation folder, in this order for each. */
interface EachOrg {
  readonly eachOrg: readonly Place[];
}

/** QtWebEngine's profile folder under Stremio 4's organisation folder. */
const QT_PROFILE: readonly PathPart[] = [ORG, 'Stremio', 'QtWebEngine', 'Default'];
const serverData = (label: string, under: BaseFolder, ...parts: string[]): Place => ({
  label,
  shell: 'streaming-server',
  under,
  parts,
  items: SERVER_DATA,
});
const v4Profile = (under: BaseFolder, ...parts: PathPart[]): Place => ({
  label: 'Stremio 4 web profile',
  shell: 'stremio-4',
  under,
  parts: [...parts, ...QT_PROFILE],
  items: CHROMIUM_PROFILE,
});
const v4HttpCache = (under: BaseFolder, ...parts: PathPart[]): Place => ({
  label: 'Stremio 4 HTTP cache',
  shell: 'stremio-4',
  under,
  parts: [...parts, ...QT_PROFILE],
  items: [item('http-cache', 'Cache')],
});

/** Every place per platform, in the order they are listed (docs/sources.md "Stremio data"). */
const PLACES: Readonly<Record<'win32' | 'darwin' | 'linux', readonly (Place | EachOrg)[]>> = {
  win32: [
    serverData('Streaming server data', 'appData', 'stremio', 'stremio-server'),
    v4Profile('localAppData'),
    // shell-ng sets no user-data folder, so WebView2 uses `<exe>.WebView2` next to the exe (shell-ng `webview.rs`).
    {
      label: 'Stremio 5 web profile',
      shell: 'stremio-5',
      under: 'localAppData',
      parts: ['Programs', 'Stremio', 'stremio-shell-ng.exe.WebView2', 'EBWebView', 'Default'],
      items: CHROMIUM_PROFILE,
    },
  ],
  darwin: [
    serverData('Streaming server data', 'home', 'Library', 'Application Support', 'stremio-server'),
    {
      eachOrg: [v4Profile('home', 'Library', 'Application Support'), v4HttpCache('home', 'Library', 'Caches')],
    },
  ],
  linux: [
    serverData('Streaming server data', 'home', '.stremio-server'),
    serverData('Streaming server data (Flatpak)', 'home', '.var', 'app', 'com.stremio.Stremio', '.stremio-server'),
    {
      eachOrg: [
        v4Profile('home', '.local', 'share'),
        // QtWebEngine keeps the HTTP cache under the XDG cache folder, not beside the profile.
        v4HttpCache('home', '.cache'),
      ],
    },
    // WebKitGTK's layout inside these is not documented: sized, never offered for clearing.
    { label: 'Stremio 5 app data', shell: 'stremio-5', under: 'home', parts: ['.local', 'share', 'stremio'] },
    {
      label: 'Stremio 5 app data (Flatpak)',
      shell: 'stremio-5',
      under: 'home',
      parts: ['.var', 'app', 'com.stremio.Stremio', 'data', 'stremio'],
    },
  ],
};

/**
 * Every place Stremio keeps data on the search's platform (docs/sources.md "Stremio data"), whether or not it exists.
 * Qt names the org folder "Smart Code ltd" (main.cpp); the NSIS script writes "Smart Code Ltd": both are
 * listed where the file system is case-sensitive (Linux). Windows and macOS file systems are not by
 * default, where both spellings are one folder: listing it twice would count its size twice.
 */
export function candidateDataLocations(
  search: Pick<StremioSearch, 'searchRoots' | 'platform' | 'env'>,
): DataLocation[] {
  const platform = search.platform;
  if (platform !== 'win32' && platform !== 'darwin' && platform !== 'linux') return [];
  const orgs = platform === 'linux' ? ['Smart Code ltd', 'Smart Code Ltd'] : ['Smart Code ltd'];
  const places = PLACES[platform].flatMap((entry) =>
    'eachOrg' in entry
      ? orgs.flatMap((org) => entry.eachOrg.map((place) => ({ place, org })))
      : [{ place: entry, org: orgs[0]! }],
  );
  return searchBases(search).flatMap((base) => places.map(({ place, org }) => locate(place, base[place.under], org)));
}

/** A place under `root`, with `org` for the organisation folder. */
function locate(place: Place, root: string, org: string): DataLocation {
  const dir = path.join(root, ...place.parts.map((part) => (part === ORG ? org : part)));
  return { label: place.label, shell: place.shell, path: dir, items: (place.items ?? []).map((make) => make(dir)) };
}
