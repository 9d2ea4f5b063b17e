/** The invoke channel names (kept free of zod so the sandboxed preload stays small). */
export const IPC_CHANNEL_NAMES = [
  'app:get-info',
  'diagnosis:run',
  'diagnosis:cancel',
  'fix:open-url',
  'profiles:discover',
  'credentials:forget',
  'settings:set-trakt-client-id',
  'settings:get-preferences',
  'settings:set-preferences',
  'bundle:preview',
  'bundle:save',
  'cache:list-backups',
  'cache:move-to-backup',
  'cache:restore',
] as const;

/** An invoke channel name. */
export type IpcChannel = (typeof IPC_CHANNEL_NAMES)[number];

/** The event channel main uses to stream run progress to its window. */
export const RUN_EVENT_CHANNEL = 'diagnosis:event';

/** The global name the preload exposes the API under. */
export const DOCTOR_API_GLOBAL = 'doctor';
