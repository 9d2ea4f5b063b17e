import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebFrameMain } from 'electron';
import { IPC_CHANNEL_NAMES, RUN_EVENT_CHANNEL, type IpcResult, type RunEvent } from '../../shared/ipc';
import { dispatchIpc } from '../hosts/service/dispatch';
import type { DoctorService } from '../hosts/service/create-service';
import { accountIdsInUrl } from '../engine/clients/stremio/auth-url';
import type { RedactionClass, SecretRegistry } from '../engine/core/secrets';
import { isAppUrl } from './app-protocol';

/** Where IPC trace lines go (the app log; lines are redacted before they get there). */
export type IpcTraceLog = (line: string) => void;

/** The parts of the app window the IPC layer uses (Electron's BrowserWindow has them). */
export interface IpcWindow {
  isDestroyed(): boolean;
  readonly webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

/** The subset of an invoke event the sender check reads. */
export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/**
 * Accepts a message only from the app's own window, its main frame, on the app origin (Electron security checklist
 * item 17; Electron Fiddle's `BrowserWindow.fromWebContents` check plus a parsed-URL check of the frame):
 * a sub-frame, a devtools page, another window or a page that navigated away is refused.
 */
export function isTrustedSender(event: SenderEvent, window: IpcWindow | null): boolean {
  if (!window || window.isDestroyed()) return false;
  try {
    if (BrowserWindow.fromWebContents(event.sender) !== window) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isSameFrame(frame, event.sender.mainFrame)) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame disposed mid-check throws on access: it is not a sender we can vouch for.
    return false;
  }
}

/** Same frame: the same wrapper, or the same (process, routing) ids — a frame's identity in Electron. */
function isSameFrame(
  a: Pick<WebFrameMain, 'processId' | 'routingId'>,
  b: Pick<WebFrameMain, 'processId' | 'routingId'>,
): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

function senderUrl(event: SenderEvent): string {
  try {
    return event.senderFrame?.url.slice(0, 200) ?? 'a destroyed frame';
  } catch {
    return 'a destroyed frame';
  }
}

/** Fields whose values are shown in the trace (after redaction); every other string is shown as its length. */
const TRACED_FIELDS = new Set(['runId', 'kind', 'steps', 'rememberAuthKey', 'url', 'authUrl']);

/**
 * A one-line summary of a payload for the trace: its shape, with the values of a few non-secret fields.
 * Passwords, e-mails, auth keys and client ids appear only as `<n chars>`; the caller redacts the line
 * again through the session's secret registry.
 */
export function summarizePayload(payload: unknown, field = ''): string {
  if (payload === null || payload === undefined) return String(payload);
  if (Array.isArray(payload))
    return `[${payload
      .slice(0, 10)
      .map((item) => summarizePayload(item, field))
      .join(',')}${payload.length > 10 ? ',…' : ''}]`;
  if (typeof payload === 'object') {
    const entries = Object.entries(payload)
      .slice(0, 12)
      .map(([key, value]) => `${key.slice(0, 40)}:${summarizePayload(value, key)}`);
    return `{${entries.join(',')}}`;
  }
  if (typeof payload === 'string')
    return TRACED_FIELDS.has(field) ? JSON.stringify(payload.slice(0, 300)) : `<${payload.length} chars>`;
  if (typeof payload === 'number' || typeof payload === 'boolean') return String(payload);
  return `<${typeof payload}>`;
}

/** Payload fields that carry secrets (shared/ipc.ts CredentialsSchema), by redaction class. */
const SECRET_FIELDS: Readonly<Record<string, RedactionClass>> = {
  password: 'password',
  authKey: 'auth-key',
  email: 'email',
};

/** Traced payload fields holding an address. */
const URL_FIELDS = new Set(['url', 'authUrl']);

/**
 * Registers the secrets a trusted message carries before anything else sees them (a handler's error
 * message, a log line). Only for the app's own window: a stranger's strings must not become
 * "secrets" that blank out ordinary words in the log.
 */
export function registerPayloadSecrets(payload: unknown, secrets: SecretRegistry, depth = 0): void {
  if (depth > 4 || payload === null || typeof payload !== 'object') return;
  for (const [key, value] of Object.entries(payload)) {
    const kind = SECRET_FIELDS[key];
    if (kind && typeof value === 'string') secrets.add(value, kind);
    // A Stremio sign-in start link (`/trakt/auth/<id>`) names the account: the trace shows these fields.
    else if (URL_FIELDS.has(key) && typeof value === 'string')
      for (const id of accountIdsInUrl(value)) secrets.add(id, 'account-id');
    else registerPayloadSecrets(value, secrets, depth + 1);
  }
}

/**
 * Binds every channel of the contract with `ipcMain.handle`: sender check, then `dispatchIpc` (schema
 * validation, typed error values) on the service's handlers. Each call leaves one redacted trace line.
 */
export function bindIpc(service: DoctorService, getWindow: () => IpcWindow | null, trace: IpcTraceLog): void {
  const redact = (text: string) => service.secrets.redact(text);
  for (const channel of IPC_CHANNEL_NAMES) {
    ipcMain.removeHandler(channel);
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResult<unknown>> => {
      const summary = summarizePayload(payload);
      if (!isTrustedSender(event, getWindow())) {
        trace(redact(`ipc ${channel} ${summary} → FORBIDDEN_SENDER (from ${senderUrl(event)})`));
        return {
          ok: false,
          error: { code: 'FORBIDDEN_SENDER', message: 'this message did not come from the app window' },
        };
      }
      registerPayloadSecrets(payload, service.secrets);
      const result = await dispatchIpc(service.handlers, channel, payload, redact);
      trace(redact(`ipc ${channel} ${summary} → ${result.ok ? 'ok' : `error ${result.error.code}`}`));
      return result;
    });
  }
}

/** Sends a run event to the window, when it still exists (a run may outlive a closed window). */
export function sendRunEvent(window: IpcWindow | null, event: RunEvent): void {
  if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
  window.webContents.send(RUN_EVENT_CHANNEL, event);
}
