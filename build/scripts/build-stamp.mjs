// Whether out/ was built from the sources as they are now. `npm ci` builds (prepare) and `npm test` would
// build the same again: build.mjs --if-changed skips the build when the stamp it wrote last time names the
// same inputs — every file the bundles are made from, the lock file, and what the build bakes in.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Folders and files the bundles are built from (relative to the repository root). */
export const BUILD_INPUTS = [
  'electron',
  'renderer',
  'shared',
  'build/scripts',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** One file of each bundle: a build that lost one is not current. */
export const BUILD_OUTPUTS = [
  'out/renderer/index.html',
  'out/main/main.mjs',
  'out/cli/cli.mjs',
  'out/preload/preload.cjs',
];
/** Where the stamp of the last build is kept. */
export const STAMP_FILE = 'out/.build-inputs.sha256';

/** Every file under `entry` (a file or a folder), relative to root with `/`; none when it does not exist. */
function filesOf(root, entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full, { withFileTypes: true }).flatMap((item) =>
    item.isDirectory() || item.isFile() ? filesOf(root, `${entry}/${item.name}`) : [],
  );
}

/** SHA-256 over the build's inputs: each file's path and content, and `baked` (the build's defines, as JSON). */
export function inputsHash(root, baked) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify(baked));
  for (const file of BUILD_INPUTS.flatMap((entry) => filesOf(root, entry)).sort()) {
    hash.update(`\0${file}\0`);
    hash.update(readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

/** True when out/ holds every bundle and was built from exactly these inputs. */
export function isCurrent(root, hash) {
  if (!BUILD_OUTPUTS.every((file) => existsSync(path.join(root, file)))) return false;
  const stamp = path.join(root, STAMP_FILE);
  return existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
}

/** Records that out/ was just built from these inputs. */
export function writeStamp(root, hash) {
  writeFileSync(path.join(root, STAMP_FILE), `${hash}\n`);
}
