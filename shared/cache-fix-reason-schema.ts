import { z } from 'zod';

/*
 * Why the cache fix (docs/architecture.md "Fixes") left a folder, or everything, alone: facts the engine's
 * client returns (a code, with the errno where one says more), checked at the IPC boundary. Said in words by
 * `cacheReasonMessage` (cache-fix-reason.ts, free of zod so the window does not load it). A reason never names a path.
 */

/** An errno code (`EBUSY`), or the error's name when the error had none: a technical token, never words. */
export const ErrnoSchema = z.string().regex(/^[A-Za-z0-9_]{1,40}$/);

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
