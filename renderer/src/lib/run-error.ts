import type { Translate } from '../i18n/use-tr';
import type { IpcError } from '../../../shared/ipc';

/** The error shown when a run could not start at all, in the window's language (BUSY has its own advice). */
export function runErrorText(error: IpcError, t: Translate): string {
  return error.code === 'BUSY' ? t('wizard:run.busy') : error.message;
}
