import type { Translate } from '../i18n/use-tr';
import type { IpcError } from '../../../shared/ipc';
import type { IpcErrorCode, IpcErrorReason } from '../../../shared/ipc-error-reasons';

/** The sentence of each error code, for an error without a known reason. */
const CODE_KEYS = {
  INVALID_PAYLOAD: 'wizard:ipcError.invalidPayload',
  FORBIDDEN_SENDER: 'wizard:ipcError.forbiddenSender',
  NOT_ALLOWED: 'wizard:ipcError.notAllowed',
  NOT_FOUND: 'wizard:ipcError.notFound',
  BUSY: 'wizard:ipcError.busy',
  INTERNAL: 'wizard:ipcError.internal',
} as const satisfies Record<IpcErrorCode, string>;

/**
 * Any IPC error as a sentence in the window's language (docs/i18n.md "IPC errors"): its reason's own sentence,
 * else its code's. Never `message`, which stays English for logs and support.
 */
export function ipcErrorText(error: IpcError, t: Translate): string {
  const reason: IpcErrorReason | undefined = error.reason;
  if (reason === 'bundleTooLarge')
    return error.params
      ? t('wizard:ipcError.reason.bundleTooLarge', { size: error.params.maxBytes })
      : t(CODE_KEYS[error.code]);
  return reason ? t(`wizard:ipcError.reason.${reason}`) : t(CODE_KEYS[error.code]);
}
