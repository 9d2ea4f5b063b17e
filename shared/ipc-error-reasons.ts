/*
 * Why an IPC call was refused or failed, as a code the window says in its own language (docs/i18n.md "IPC
 * errors"). Plain data, free of zod: the window imports it, and shared/ipc.ts builds the schema's enum from it.
 */

/** The IPC error codes (shared/ipc.ts `IpcErrorSchema`): what kind of refusal, whatever the situation. */
export const IPC_ERROR_CODES = [
  'INVALID_PAYLOAD',
  'FORBIDDEN_SENDER',
  'NOT_ALLOWED',
  'NOT_FOUND',
  'BUSY',
  'INTERNAL',
] as const;
/** An IPC error code. */
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];

/** One reason per situation the service (or the window's bridge) refuses or fails in; each has its own sentence. */
export const IPC_ERROR_REASONS = [
  // A stored sign-in (the remembered auth key, the Stremio profile on this computer).
  'storedSignInCannotAsk',
  'storedSignInNotConfirmed',
  'noRememberedSignIn',
  'profileUnreadable',
  'secretStorageUnavailable',
  // One run per lane, one cache operation at a time.
  'diagnosisRunning',
  'signInTestRunning',
  'closedLoopTestRunning',
  'cacheFixRunning',
  'notAppCacheBackup',
  'notTraktClientId',
  'noFinishedStep',
  // Takes `maxBytes`, the bundle's size limit.
  'bundleTooLarge',
  'urlNotAllowed',
  // Said by the window's bridge when main gave no answer at all.
  'appNotAnswering',
] as const;
/** A reason of an IPC error. */
export type IpcErrorReason = (typeof IPC_ERROR_REASONS)[number];

/** The parameters of the reasons that take any. */
export interface IpcErrorReasonParams {
  readonly bundleTooLarge: { readonly maxBytes: number };
}

/** A reason with its parameters, as the service attaches it to an error (`HandlerError`). */
export type IpcErrorCause = {
  [R in IpcErrorReason]: R extends keyof IpcErrorReasonParams
    ? { readonly reason: R; readonly params: IpcErrorReasonParams[R] }
    : { readonly reason: R };
}[IpcErrorReason];
