import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rendererBuildOptions } from '../../build/scripts/renderer-build.mjs';

const FIXTURE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/minimal-react');

/**
 * Builds the renderer benchmark's yardstick (fixtures/minimal-react: a button whose click renders one element)
 * with the window's own Vite options (build/scripts/renderer-build.mjs) into a private folder.
 */
export async function buildMinimalReactPage(): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'doctor-minimal-react-'));
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build: the yardstick must be the
  // production build the window ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...(await rendererBuildOptions({ root: FIXTURE, outDir: dir })),
      configFile: false,
      logLevel: 'warn',
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
