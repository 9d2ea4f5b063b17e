import { msg, type Message } from './i18n/message';
import type { CacheFailure, CacheFolderReason } from './cache-fix-reason-schema';

/*
 * The cache fix's reason codes (cache-fix-reason-schema.ts) in words: `clients:cacheBackup.*`, said by each
 * surface in its own language (docs/i18n.md "Messages, not sentences").
 */

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
