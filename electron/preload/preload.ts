// The preload: the only bridge between the sandboxed renderer and main. It exposes one named function
// per channel of the shared contract and an event subscription — never `ipcRenderer` itself
// (Electron security checklist item 20). Bundled to one CommonJS file, as sandboxed preloads require.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { DoctorApi, RunEvent } from '../../shared/ipc';
import { readPreferencesArgument, type InitialPreferences } from '../../shared/preferences-argument';
import { DOCTOR_API_GLOBAL, IPC_CHANNEL_NAMES, RUN_EVENT_CHANNEL, type IpcChannel } from '../../shared/ipc-names';

/** Builds the API object from the contract's channel list. */
export function buildDoctorApi(
  invoke: (channel: IpcChannel, request: unknown) => Promise<unknown>,
  on: (listener: (event: RunEvent) => void) => () => void,
  initialPreferences: InitialPreferences = {},
): DoctorApi {
  const methods = Object.fromEntries(
    IPC_CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => invoke(channel, request)]),
  );
  return { ...methods, onRunEvent: on, initialPreferences } as DoctorApi;
}

contextBridge.exposeInMainWorld(
  DOCTOR_API_GLOBAL,
  buildDoctorApi(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (listener) => {
      // The renderer never sees the IpcRendererEvent (it carries `sender`).
      const wrapped = (_event: IpcRendererEvent, payload: RunEvent) => listener(payload);
      ipcRenderer.on(RUN_EVENT_CHANNEL, wrapped);
      return () => ipcRenderer.removeListener(RUN_EVENT_CHANNEL, wrapped);
    },
    // A sandboxed preload keeps `process.argv` (Electron docs: process.md "Sandbox").
    readPreferencesArgument(process.argv),
  ),
);
