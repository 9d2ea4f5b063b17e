import { msg } from '../../../../shared/i18n/message';
import { CACHE_CHECK_IDS, LocationsDetailsSchema, type LocationsDetails } from '../../../../shared/check-details/cache';
import { defineCheck } from '../../runtime/check';
import { candidateDataLocations, type DataItem, type DataLocation } from '../../clients/stremio/data-locations';
import { measurePath, walkBudget, type FolderSize, type SizeOutcome } from '../../clients/stremio/data-locations-size';
import { redactHomes } from '../version/installs';

/** The walk of all folders together stops after this many entries (a torrent cache can hold millions). */
const MAX_WALK_ENTRIES = 200_000;
const MAX_WALK_MS = 4000;

/** A data folder found on disk, with its size and its known items' sizes. */
export interface MeasuredLocation {
  readonly location: DataLocation;
  readonly size: FolderSize;
  readonly items: readonly { readonly item: DataItem; readonly size: FolderSize }[];
}

/** Data `cache.locations` leaves for its dependents and for the cache-move fix. */
export interface LocationsData {
  readonly found: readonly MeasuredLocation[];
  /** The safe cache folders that exist now: what the move-to-backup fix would move. */
  readonly safeItems: readonly DataItem[];
}

const sizeDetails = (size: FolderSize) => ({
  bytes: size.bytes,
  files: size.files,
  complete: size.complete,
  ...(size.stoppedBy ? { stoppedBy: size.stoppedBy } : {}),
  ...(size.unreadable > 0 ? { unreadableFolders: size.unreadable } : {}),
  ...(size.links > 0 ? { linksNotFollowed: size.links } : {}),
});

/** Locates Stremio's data and cache folders (docs/sources.md), sizes them (bounded), lists what is safe to clear. */
export const locationsCheck = defineCheck<LocationsData, LocationsDetails>()({
  id: CACHE_CHECK_IDS.locations,
  details: LocationsDetailsSchema,
  step: 'cache',
  dependsOn: [],
  codes: [],
  budgetMs: () => MAX_WALK_MS + 2000,
  async run({ ctx, signal }) {
    redactHomes(ctx);
    const budget = walkBudget(MAX_WALK_ENTRIES, MAX_WALK_MS, signal);
    const found: MeasuredLocation[] = [];
    const unreachable: { label: string; path: string; reason: string }[] = [];
    // The first one's error code, for the summary ("… could not be looked at (EACCES)"): no English fragment.
    let firstCode: string | null = null;
    for (const location of candidateDataLocations(ctx)) {
      const size = await measurePath(location.path, budget);
      if (!size.exists) {
        if (size.reason) unreachable.push({ label: location.label, path: location.path, reason: size.reason });
        firstCode ??= size.code ?? null;
        continue;
      }
      const items: { item: DataItem; size: FolderSize }[] = [];
      for (const item of location.items) {
        const itemSize: SizeOutcome = await measurePath(item.path, budget);
        if (itemSize.exists) items.push({ item, size: itemSize });
      }
      found.push({ location, size, items });
    }
    // Only a Stremio app's own profile holds safe caches (the streaming server's data never does).
    const safe = found.flatMap(({ location: { shell }, items }) =>
      shell === 'streaming-server' ? [] : items.filter((i) => i.item.safeToClear).map((i) => ({ ...i, shell })),
    );
    const safeBytes = safe.reduce((n, s) => n + s.size.bytes, 0);
    const complete = found.every((f) => f.size.complete && f.items.every((i) => i.size.complete));
    const data: LocationsData = { found, safeItems: safe.map((s) => s.item) };
    const details = {
      folders: found.map((f) => ({
        label: f.location.label,
        path: f.location.path,
        ...sizeDetails(f.size),
        items: f.items.map((i) => ({
          kind: i.item.kind,
          path: i.item.path,
          safeToClear: i.item.safeToClear,
          ...sizeDetails(i.size),
        })),
      })),
      safeToClear: {
        folders: safe.length,
        bytes: safeBytes,
        items: safe.map((s) => ({ shell: s.shell, kind: s.item.kind, path: s.item.path, bytes: s.size.bytes })),
      },
      ...(unreachable.length > 0 ? { unreachable } : {}),
      sizesComplete: complete,
    };
    if (found.length === 0) {
      return {
        verdict: unreachable.length > 0 ? 'warn' : 'pass',
        summary:
          unreachable.length > 0
            ? msg('checks-cache:locations.unreachable', { reason: firstCode ?? unreachable[0]!.reason })
            : msg('checks-cache:locations.none'),
        details,
        data,
      };
    }
    const total = found.reduce((n, f) => n + f.size.bytes, 0);
    // A walk cut short by its budget gives a lower bound, said as such ("at least 2.0 GiB").
    const size = (bytes: number) =>
      complete ? msg('checks-cache:locations.size', { bytes }) : msg('checks-cache:locations.sizeAtLeast', { bytes });
    return {
      verdict: 'pass',
      summary: msg('checks-cache:locations.found', {
        count: found.length,
        size: size(total),
        clearable:
          safe.length > 0
            ? msg('checks-cache:locations.clearable', { count: safe.length, size: size(safeBytes) })
            : msg('checks-cache:locations.nothingToClear'),
      }),
      details,
      data,
    };
  },
});
