import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the other bundles are, relative to the built main (out/main/main.mjs; build/scripts/build.mjs). */
export interface BundlePaths {
  /** The sandbox-safe CommonJS preload. */
  readonly preload: string;
  /** The built renderer served by the app scheme. */
  readonly renderer: string;
}

/** Resolves the preload and renderer next to the main bundle whose `import.meta.url` is given. */
export function bundlePaths(mainModuleUrl: string): BundlePaths {
  const dir = path.dirname(fileURLToPath(mainModuleUrl));
  return { preload: path.join(dir, '..', 'preload', 'preload.cjs'), renderer: path.join(dir, '..', 'renderer') };
}
