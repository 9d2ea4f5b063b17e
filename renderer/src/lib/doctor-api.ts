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
    return internal('the app returned an unreadable answer');
  } catch (error) {
    return internal(error instanceof Error ? error.message : 'the app did not answer');
  }
}

function internal(message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code: 'INTERNAL', message } };
}
