import { z } from 'zod';
import { msg, type Message } from '../../../../shared/i18n/message';
import type { ProfileUnreadableParams, ProfileUnreadableReason } from '../../../../shared/answer-reasons';
import { parseJsonWith } from '../../core/parse-json';
import { readStremioUser, type StremioUser } from './account';

/** One `localStorage` item as Chromium stores it in LevelDB. */
export interface LocalStorageItem {
  readonly origin: string;
  readonly key: string;
  readonly value: string;
}

/**
 * Decodes Chromium's local-storage LevelDB (components/services/storage/dom_storage,
 * local_storage_impl.cc): keys `_<origin>\0<encoded key>`, values `<encoded value>`, where an encoded
 * string starts with 1 (Latin-1) or 0 (UTF-16LE). Keys of other shapes (`VERSION`, `META:…`) are skipped;
 * an item with an unknown encoding byte is skipped, not guessed.
 */
export function localStorageItems(db: ReadonlyMap<string, Buffer>): LocalStorageItem[] {
  const items: LocalStorageItem[] = [];
  for (const [rawKey, rawValue] of db) {
    if (!rawKey.startsWith('_')) continue;
    const separator = rawKey.indexOf('\x00');
    if (separator < 0) continue;
    const origin = rawKey.slice(1, separator);
    const key = decode(Buffer.from(rawKey.slice(separator + 1), 'latin1'));
    const value = decode(rawValue);
    if (key !== null && value !== null) items.push({ origin, key, value });
  }
  return items;
}

function decode(encoded: Buffer): string | null {
  if (encoded.length === 0) return null;
  if (encoded[0] === 1) return encoded.subarray(1).toString('latin1');
  if (encoded[0] === 0 && encoded.length % 2 === 1) return encoded.subarray(1).toString('utf16le');
  return null;
}

/** What a stored Stremio profile says. */
export type StoredProfile =
  | { readonly kind: 'signed-in'; readonly origin: string; readonly authKey: string; readonly user: StremioUser }
  | { readonly kind: 'signed-out'; readonly origin: string }
  | {
      readonly kind: 'unreadable';
      /** Why, as a code (the window says it; details show it). */
      readonly reason: ProfileUnreadableReason;
      /** The facts the code takes (the size limit, the errno). */
      readonly params?: ProfileUnreadableParams;
      /** The same as a locale message, nested in the summary (docs/i18n.md). */
      readonly why: Message;
    };

/** The storage key of the profile in stremio-core (`PROFILE_STORAGE_KEY`, `src/constants.rs`). */
export const PROFILE_STORAGE_KEY = 'profile';

const ProfileSchema = z
  .object({
    auth: z.object({ key: z.string().min(1).max(512), user: z.unknown() }).nullable(),
  })
  .passthrough();

/** True for the origins Stremio's UIs load from (web.stremio.com for Stremio 5, app.strem.io for Stremio 4). */
function isStremioOrigin(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'strem.io' || host.endsWith('.strem.io') || host === 'stremio.com' || host.endsWith('.stremio.com');
  } catch {
    return false;
  }
}

/** Finds the stremio-core profile (`{auth:{key,user}|null, …}`) among the items; anything else is "unreadable", never guessed. */
export function findStoredProfile(items: readonly LocalStorageItem[]): StoredProfile {
  const candidates = items.filter((i) => i.key === PROFILE_STORAGE_KEY && isStremioOrigin(i.origin));
  if (candidates.length === 0) {
    const origins = [...new Set(items.filter((i) => isStremioOrigin(i.origin)).map((i) => i.origin))];
    return {
      kind: 'unreadable',
      ...(origins.length > 0
        ? {
            reason: 'no-profile',
            why: msg('clients:cachedProfile.noProfile', { origins: origins.join(', ') }),
          }
        : {
            reason: 'no-stremio-data',
            why: msg('clients:cachedProfile.noStremioData'),
          }),
    };
  }
  for (const candidate of candidates) {
    const profile = parseJsonWith(ProfileSchema, candidate.value);
    if (!profile) continue;
    if (profile.auth === null) return { kind: 'signed-out', origin: candidate.origin };
    const user = readStremioUser(profile.auth.user);
    if (user) return { kind: 'signed-in', origin: candidate.origin, authKey: profile.auth.key, user };
  }
  return {
    kind: 'unreadable',
    reason: 'unknown-format',
    why: msg('clients:cachedProfile.unknownFormat'),
  };
}
