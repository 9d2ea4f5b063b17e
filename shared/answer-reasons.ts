/*
 * Why a successful IPC answer says "no" (the bundle was not saved, the sign-in cannot be remembered, a Stremio
 * profile cannot be read), as codes the window says in its own language (docs/i18n.md "IPC errors"). Plain data,
 * free of zod: the window imports it, and shared/ipc.ts builds the schemas' enums from it.
 */

/** Why `bundle:save` wrote nothing: the host has no save dialog, the user cancelled it, or the write's own code. */
export const BUNDLE_NOT_SAVED_REASONS = [
  'no-save-dialog',
  'cancelled',
  'exists',
  'not-writable',
  'too-large',
  'io',
] as const;
/** Why a bundle was not saved. */
export type BundleNotSavedReason = (typeof BUNDLE_NOT_SAVED_REASONS)[number];

/** Why the OS's secret storage cannot keep the auth key (electron's `safeStorage`). */
export const SECRET_STORAGE_REASONS = [
  // No encryption at all (before `ready`, or no OS mechanism).
  'no-encryption',
  // Linux without a keyring: `basic_text`, a hard-coded password.
  'basic-text',
  // Linux, a backend electron could not identify.
  'unknown-backend',
] as const;
/** Why secret storage is unavailable. */
export type SecretStorageReason = (typeof SECRET_STORAGE_REASONS)[number];

/** Why a Stremio profile on this computer cannot be read. */
export const PROFILE_UNREADABLE_REASONS = [
  // Stremio 5 for Linux: WebKitGTK's storage.
  'webkitgtk',
  // Takes `maxBytes`, the largest storage the wizard reads.
  'too-large',
  'bad-format',
  // Takes `errno` (EACCES, EBUSY…) when the error had one.
  'files-unreadable',
  'no-profile',
  'no-stremio-data',
  'unknown-format',
] as const;
/** Why a local profile is unreadable. */
export type ProfileUnreadableReason = (typeof PROFILE_UNREADABLE_REASONS)[number];

/** The facts some profile reasons take: the size limit (`too-large`), the errno (`files-unreadable`). */
export interface ProfileUnreadableParams {
  readonly maxBytes?: number;
  readonly errno?: string;
}
