import type { DoctorApi } from '../../shared/ipc';

declare global {
  interface Window {
    /** The API the preload (or the e2e harness) exposes: one function per IPC channel (shared/ipc.ts). */
    readonly doctor: DoctorApi;
  }
}
