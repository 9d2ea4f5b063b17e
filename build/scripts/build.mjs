#!/usr/bin/env node
// Builds the four bundles the app ships: renderer (SPA), main (ESM), preload (sandbox-safe CJS)
// and the CLI. One script so `npm ci` (prepare), `npm test` and `npm start` build the same way.
// `--if-changed` (npm test, bench, screenshots) skips the build when out/ was built from the same inputs
// (build-stamp.mjs): `npm ci` has just built it, and a second identical build cost seconds of every test run.
import { builtinModules } from 'node:module';
import { readFileSync, rmSync } from 'node:fs';
import { buildIncidentsKey } from './incidents-key.mjs';
import { inputsHash, isCurrent, STAMP_FILE, writeStamp } from './build-stamp.mjs';
import { rendererBuildOptions } from './renderer-build.mjs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = Object.keys(pkg.dependencies ?? {});
const isExternalForNode = (id) =>
  id === 'electron' || nodeBuiltins.includes(id) || dependencies.some((d) => id === d || id.startsWith(`${d}/`));
const define = {
  __APP_VERSION__: JSON.stringify(pkg.version),
  // Injected by the release workflow; empty in a checkout (the differential test then says how to set one).
  __TRAKT_CLIENT_ID__: JSON.stringify(process.env.TRAKT_CLIENT_ID ?? ''),
  // The release key of the known-incidents feed (SPKI PEM, docs/incidents.md); empty = the development key.
  __INCIDENTS_PUBLIC_KEY__: JSON.stringify(buildIncidentsKey(process.env)),
};
const inputs = inputsHash(root, { define, release: process.env.RELEASE_BUILD ?? '' });
if (process.argv.includes('--if-changed') && isCurrent(root, inputs)) {
  console.log('out/ is current (built from these sources): build skipped');
  process.exit(0);
}
// A build that fails half-way must not look current.
rmSync(path.join(root, STAMP_FILE), { force: true });
// Loaded only to build: a skipped build costs a hash, not Vite's start-up.
const { build } = await import('vite');
const quiet = { logLevel: process.env.BUILD_VERBOSE ? 'info' : 'warn', configFile: false, define };

/** Builds a Node-side entry (main or CLI) as ESM with dependencies left in node_modules. */
function nodeBundle(entry, outDir, fileName, banner) {
  return build({
    ...quiet,
    root,
    build: {
      outDir: path.join(root, outDir),
      emptyOutDir: true,
      target: 'node20',
      ssr: path.join(root, entry),
      minify: false,
      sourcemap: true,
      rollupOptions: {
        external: isExternalForNode,
        output: { format: 'es', entryFileNames: fileName, chunkFileNames: 'chunks/[name]-[hash].mjs', banner },
      },
    },
  });
}

await Promise.all([
  build({
    ...quiet,
    ...(await rendererBuildOptions({ root: path.join(root, 'renderer'), outDir: path.join(root, 'out/renderer') })),
  }),
  nodeBundle('electron/main/main.ts', 'out/main', 'main.mjs'),
  nodeBundle('electron/hosts/cli.ts', 'out/cli', 'cli.mjs', '#!/usr/bin/env node'),
  // A sandboxed preload cannot load ESM or node_modules: one self-contained CommonJS file (Electron docs: sandbox.md).
  build({
    ...quiet,
    root,
    build: {
      outDir: path.join(root, 'out/preload'),
      emptyOutDir: true,
      target: 'chrome130',
      minify: false,
      lib: { entry: path.join(root, 'electron/preload/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
      rollupOptions: { external: ['electron'] },
    },
  }),
]);
writeStamp(root, inputs);
