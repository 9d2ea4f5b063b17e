import type { Config } from '../../electron/engine/core/config';
import {
  createDoctorService,
  type DoctorService,
  type ServiceOptions,
} from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import type { ServicePlatform } from '../../electron/hosts/service/platform';
import { createMemorySecretStore, createMemorySettings } from './memory-stores';
import type { IpcResult, RunEvent } from '../../shared/ipc';

/** A service as the window's main process runs it, with everything it sends out recorded. */
export interface RecordedService {
  readonly service: DoctorService;
  /** One IPC call through the real dispatch (schema, typed errors, redaction). */
  call<T = unknown>(channel: string, payload: unknown): Promise<IpcResult<T>>;
  /** The same, throwing on an error answer. */
  value<T>(channel: string, payload: unknown): Promise<T>;
  readonly events: RunEvent[];
  /** Every line the service logged (what app.log receives). */
  readonly log: string[];
  /** Every address handed to the system browser. */
  readonly opened: string[];
}

/** Starts a service on `config` with memory stores and a recording browser; `platform` and `options` override. */
export function recordedService(
  config: Config,
  overrides: { platform?: Partial<ServicePlatform> } & Partial<Omit<ServiceOptions, 'config' | 'platform'>> = {},
): RecordedService {
  const events: RunEvent[] = [];
  const log: string[] = [];
  const opened: string[] = [];
  const { platform, ...options } = overrides;
  const service = createDoctorService({
    onRunEvent: (event) => events.push(event),
    logSink: (line) => log.push(line),
    contextOptions: { env: {} },
    ...options,
    config,
    platform: {
      openExternal: async (url) => void opened.push(url),
      secretStore: createMemorySecretStore(),
      settings: createMemorySettings(),
      ...platform,
    },
  });
  const call = <T>(channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t)) as Promise<IpcResult<T>>;
  return {
    service,
    call,
    async value<T>(channel: string, payload: unknown): Promise<T> {
      const answer = await call<T>(channel, payload);
      if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
      return answer.value;
    },
    events,
    log,
    opened,
  };
}
