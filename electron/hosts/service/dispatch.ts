import { IPC_CHANNELS, IPC_CHANNEL_NAMES, type IpcChannel, type IpcResult } from '../../../shared/ipc';
import type { IpcErrorCause, IpcErrorCode } from '../../../shared/ipc-error-reasons';
import type { DoctorHandlers } from './handlers';

/** True when `name` is a channel of the contract. */
export function isIpcChannel(name: string): name is IpcChannel {
  return (IPC_CHANNEL_NAMES as readonly string[]).includes(name);
}

/**
 * Validates a raw payload against the channel's schema and runs the handler. Every failure becomes a
 * typed error value — a malformed payload never reaches a handler and never crashes the caller. Error
 * messages name the invalid fields, never their values (which could be secrets).
 */
export async function dispatchIpc(
  handlers: DoctorHandlers,
  channel: string,
  payload: unknown,
  redact: (text: string) => string,
): Promise<IpcResult<unknown>> {
  if (!isIpcChannel(channel)) return fail('NOT_FOUND', `unknown channel ${JSON.stringify(channel.slice(0, 64))}`);
  const parsed = IPC_CHANNELS[channel].request.safeParse(payload);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.code}`);
    return fail('INVALID_PAYLOAD', `invalid ${channel} payload — ${fields.join('; ')}`);
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof HandlerError)
      return { ok: false, error: { code: error.code, message: redact(error.message), ...error.why } };
    return fail('INTERNAL', redact(`${channel} failed: ${(error as Error).message ?? String(error)}`));
  }
}

/**
 * An expected refusal from a handler (busy, not allowed), mapped to a typed IPC error: `message` in English for
 * logs and support, `why` the reason the window says in its language.
 */
export class HandlerError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly why: IpcErrorCause,
  ) {
    super(message);
  }
}

function fail(code: IpcErrorCode, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}
