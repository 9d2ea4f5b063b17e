import type { LocalProfile } from '../../../shared/ipc';
import type { StremioCredentials } from '../checks/check';

/** Where to look for Stremio's stored profiles. */
export interface ProfileSearch {
  /** Roots replacing the OS locations (config `stremio.searchRoots`), or null for the real ones. */
  readonly searchRoots: readonly string[] | null;
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Lists the Stremio profiles stored on this machine (read-only). Issue 3 implements the readers. */
export async function discoverLocalProfiles(_search: ProfileSearch): Promise<LocalProfile[]> {
  return [];
}

/** Reads the credentials of one discovered profile, from a copy of its files; null when unreadable. */
export async function readLocalProfileCredentials(_search: ProfileSearch, _profileId: string): Promise<StremioCredentials | null> {
  return null;
}
