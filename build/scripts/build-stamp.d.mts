/** Folders and files the bundles are built from (relative to the repository root). */
export const BUILD_INPUTS: readonly string[];
/** One file of each bundle: a build that lost one is not current. */
export const BUILD_OUTPUTS: readonly string[];
/** Where the stamp of the last build is kept. */
export const STAMP_FILE: string;
/** SHA-256 over the build's inputs: each file's path and content, and `baked` (the build's defines, as JSON). */
export function inputsHash(root: string, baked: unknown): string;
/** True when out/ holds every bundle and was built from exactly these inputs. */
export function isCurrent(root: string, hash: string): boolean;
/** Records that out/ was just built from these inputs. */
export function writeStamp(root: string, hash: string): void;
