import { z } from 'zod';
import { msg, type Message } from './i18n/message';

/*
 * Why the cache fix (docs/architecture.md "Fixes") left a folder, or everything, alone: facts the engine's
 * client returns (a code, with the errno where one says more), said by each surface in its own language
 * through `clients:cacheBackup.*` (docs/i18n.md "Messages, not sentences"). A reason never names a path.
 */

/** An errno code (`EBUSY`), or the error's name when the error had none: a technical token, never words. */
const ErrnoSchema = z.string().regex(/^[A-Za-z0-9_]{1,40}$/);

const bare = <C extends string>(code: C) => z.object({ code: z.literal(code) }).strict();
const withErrno = <C extends string>(code: C) => z.object({ code: z.literal(code), errno: ErrnoSchema }).strict();

/** Why one folder was not moved (or moved back), or what went wrong beside a move that happened. */
export const CacheFolderReasonSchema = z.discriminatedUnion('code', [
  bare('cross-device'),
  withErrno('in-use'),
  withErrno('move-failed'),
  withErrno('record-update-failed'),
  bare('outside-cache'),
  bare('outside-backup'),
  bare('exists-again'),
  bare('not-a-folder'),
]);
/** A folder's reason. */
export type CacheFolderReason = z.infer<typeof CacheFolderReasonSchema>;

/** Why a move or restore touched nothing at all, other than Stremio running (which the refusal itself says). */
export const CacheFailureSchema = z.discriminatedUnion('code', [
  bare('not-a-cache-kind'),
  withErrno('backup-dir-failed'),
  bare('backup-not-real'),
  withErrno('backup-unreadable'),
  withErrno('record-write-failed'),
  bare('not-our-backup'),
]);
/** A whole move's or restore's failure. */
export type CacheFailure = z.infer<typeof CacheFailureSchema>;

type Reason = CacheFolderReason | CacheFailure;

const BARE_KEYS = {
  'cross-device': 'clients:cacheBackup.crossDevice',
  'outside-cache': 'clients:cacheBackup.outsideCache',
  'outside-backup': 'clients:cacheBackup.outsideBackup',
  'exists-again': 'clients:cacheBackup.existsAgain',
  'not-a-folder': 'clients:cacheBackup.notAFolder',
  'not-a-cache-kind': 'clients:cacheBackup.notACacheKind',
  'backup-not-real': 'clients:cacheBackup.backupNotReal',
  'not-our-backup': 'clients:cacheBackup.notOurBackup',
} as const satisfies Record<Exclude<Reason, { errno: string }>['code'], string>;

const ERRNO_KEYS = {
  'in-use': 'clients:cacheBackup.inUse',
  'move-failed': 'clients:cacheBackup.moveFailed',
  'record-update-failed': 'clients:cacheBackup.recordUpdateFailed',
  'backup-dir-failed': 'clients:cacheBackup.backupDirFailed',
  'backup-unreadable': 'clients:cacheBackup.backupUnreadable',
  'record-write-failed': 'clients:cacheBackup.recordWriteFailed',
} as const satisfies Record<Extract<Reason, { errno: string }>['code'], string>;

/** A reason as a message (a clause, said inside the window's sentence), in whichever language reads it. */
export function cacheReasonMessage(reason: Reason): Message {
  return 'errno' in reason ? msg(ERRNO_KEYS[reason.code], { errno: reason.errno }) : msg(BARE_KEYS[reason.code]);
}
