import * as z from 'zod/mini';
import { STREMIO_GENERATIONS } from '../stremio-menus';

/*
 * The details of the Version step's install list: the engine's check produces them (typed by this
 * schema), and the diagnostic bundle's environment.json reads the installs back through it — only the
 * fields named here leave the machine.
 */

/** The Version step's check ids, in report order (the window and the bundle name checks by these, never by literal). */
export const VERSION_CHECK_IDS = {
  installs: 'version.installs',
  stremioUpdate: 'version.stremio-update',
  wizardUpdate: 'version.wizard-update',
} as const;

/** One Stremio install as `version.installs` reports it. */
export const InstallRecordSchema = z.object({
  label: z.string(),
  kind: z.enum(['windows-shell-v4', 'windows-shell-ng', 'macos-app', 'linux-deb', 'flatpak']),
  location: z.string(),
  version: z.nullable(z.string()),
  versionSource: z.nullable(z.string()),
  versionProblem: z.optional(z.string()),
  updateChannel: z.enum(['shell-ng', 'shell-v4', 'flatpak', 'unknown']),
});
/** One Stremio install as reported. */
export type InstallRecord = z.infer<typeof InstallRecordSchema>;

/** `version.installs`: where it looked and what it found. */
export const InstallsDetailsSchema = z.object({
  platform: z.string(),
  searchedRoots: z.union([z.array(z.string()), z.string()]),
  installs: z.array(InstallRecordSchema),
  /** Whose menus the fixes name: the one Stremio generation of every install found; null for none or both (added). */
  stremioMenus: z.optional(z.nullable(z.enum(STREMIO_GENERATIONS))),
});
/** `version.installs` details. */
export type InstallsDetails = z.infer<typeof InstallsDetailsSchema>;
