import type { InstalledAddon } from '../../clients/stremio/addon-collection';
import type { Library } from '../../clients/stremio/library';
import type { HistoryRead } from '../../clients/trakt/history';
import type { LastActivities } from '../../clients/trakt/last-activities';

/** Private data of `scrobbling.addons` (holds add-on addresses: never reported). */
export interface AddonsData {
  readonly addons: readonly InstalledAddon[];
  /** The account holds a Trakt link but not its own Stremio Trakt add-on (STREMIO_TRAKT_ADDON_MISSING). */
  readonly traktAddonMissing: boolean;
}

/** Private data of `scrobbling.library` (holds titles: never reported). */
export interface LibraryData {
  readonly library: Library;
  /** When the Trakt link was made (ms): the start of the compared window. */
  readonly sinceMs: number;
}

/** Private data of `scrobbling.trakt-history` (holds titles: never reported). */
export interface HistoryData {
  readonly history: HistoryRead;
  readonly lastActivities: LastActivities | null;
}
