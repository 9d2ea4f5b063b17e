import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { LocalProfile } from '../../../../shared/ipc';
import { msg } from '../../../../shared/i18n/message';
import type { StremioCredentials } from '../../runtime/credentials';
import { LevelDbTooLargeError, MAX_DB_BYTES, readLevelDbFiles, readLevelDbFolder } from './leveldb/read-db';
import { LevelDbFormatError } from './leveldb/varint';
import { findStoredProfile, localStorageItems, type StoredProfile } from './local-storage';
import { profileLocations, type ProfileLocation, type ProfileSearch } from './profile-locations';

/** A discovered profile with what its storage says (holds the auth key: engine-side only). */
export interface ReadProfile {
  readonly profile: LocalProfile;
  readonly stored: StoredProfile;
}

/** Files a LevelDB folder needs; `LOCK` and Chromium's own side files are left alone. */
const DB_FILE = /^(\d+\.(log|ldb|sst)|CURRENT|MANIFEST-\d+)$/;

/** Lists the Stremio profiles stored on this machine (read-only, in memory). */
export async function discoverLocalProfiles(search: ProfileSearch): Promise<LocalProfile[]> {
  return (await readLocalProfiles(search)).map((p) => p.profile);
}

/** Reads the credentials of one discovered profile (its files read in memory); null when unreadable or signed out. */
export async function readLocalProfileCredentials(
  search: ProfileSearch,
  profileId: string,
): Promise<StremioCredentials | null> {
  const found = (await readLocalProfiles(search)).find((p) => p.profile.id === profileId);
  return found?.stored.kind === 'signed-in' ? { kind: 'auth-key', authKey: found.stored.authKey } : null;
}

/** Discovers and reads every profile location that exists. */
export async function readLocalProfiles(search: ProfileSearch): Promise<ReadProfile[]> {
  const out: ReadProfile[] = [];
  for (const location of profileLocations(search)) {
    if (!(await isDirectory(location.dir))) continue;
    const stored = await readLocation(location);
    out.push({
      stored,
      profile: {
        id: `${location.shellKey}:${createHash('sha256').update(location.dir).digest('hex').slice(0, 12)}`,
        shell: location.shell,
        location: location.dir,
        signedIn: stored.kind === 'signed-in',
        readable: stored.kind !== 'unreadable',
        ...(stored.kind === 'unreadable'
          ? { reason: stored.reason, ...(stored.params ? { params: stored.params } : {}) }
          : {}),
      },
    });
  }
  return out;
}

async function readLocation(location: ProfileLocation): Promise<StoredProfile> {
  if (location.format === 'webkitgtk') {
    return {
      kind: 'unreadable',
      reason: 'webkitgtk',
      why: msg('clients:cachedProfile.webkitgtk'),
    };
  }
  // Read-only, and in memory: each file is read whole once (a snapshot, as a copy would be) and parsed
  // from there. A copy on disk would hold the auth key in the temp folder, where a crash or an
  // antivirus lock on the clean-up could leave it.
  try {
    const files = await readLevelDbFolder(location.dir, (name) => DB_FILE.test(name));
    return findStoredProfile(localStorageItems(readLevelDbFiles(files)));
  } catch (error) {
    if (error instanceof LevelDbTooLargeError)
      return {
        kind: 'unreadable',
        reason: 'too-large',
        params: { maxBytes: MAX_DB_BYTES },
        why: msg('clients:cachedProfile.tooLarge', { size: MAX_DB_BYTES }),
      };
    if (error instanceof LevelDbFormatError)
      return {
        kind: 'unreadable',
        reason: 'bad-format',
        why: msg('clients:cachedProfile.format', { error: error.message }),
      };
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return {
      kind: 'unreadable',
      reason: 'files-unreadable',
      params: { errno: code },
      why: msg('clients:cachedProfile.filesUnreadable', { code }),
    };
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}
