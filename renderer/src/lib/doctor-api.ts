import type { DoctorApi, IpcError, IpcResult } from '../../../shared/ipc';

/** The bridge to main (`window.doctor`); panels call channels through this, never through globals directly. */
export function doctorApi(): DoctorApi {
  return window.doctor;
}

/**
 * Calls one bridge function and turns anything unexpected (a missing bridge, a rejected promise, a
 * malformed answer) into a typed error value, so no IPC failure ever escapes into React as an exception.
 */
export async function callSafely<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
  try {
    const answer = await call();
    if (answer && typeof answer === 'object' && typeof answer.ok === 'boolean') return answer;
    return { ok: false, error: { code: 'INTERNAL', message: 'the app returned an unreadable answer' } };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'the app did not answer';
    return { ok: false, error: { code: 'INTERNAL', message, reason: 'appNotAnswering' } };
  }
}

/** `fix:open-url`'s refusal (the allow-list's English `reason`) as a typed error the window says in its language. */
export function refusedToOpen(reason: string | undefined): IpcError {
  return { code: 'NOT_ALLOWED', message: reason ?? 'the app refused to open it', reason: 'urlNotAllowed' };
}
