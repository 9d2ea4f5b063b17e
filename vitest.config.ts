import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { filesNeedingOwnProcess, LongFilesFirst } from './tests/kit/suite-plan.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
/** Files that mock modules or run in jsdom: a fresh process each (tests/kit/suite-plan.mjs). */
const ownProcess = filesNeedingOwnProcess(root);

export default defineConfig({
  plugins: [react()],
  define: {
    __APP_VERSION__: JSON.stringify('0.0.0-test'),
    __TRAKT_CLIENT_ID__: JSON.stringify(''),
    __INCIDENTS_PUBLIC_KEY__: JSON.stringify(''),
  },
  test: {
    environment: 'node',
    setupFiles: ['tests/kit/setup-network-guard.ts', 'tests/kit/setup-shared-process.ts'],
    // One Chromium for the whole run, launched when the first e2e test asks for it.
    globalSetup: ['tests/e2e/browser-broker.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one worker on a 2-core machine, although most
    // files spend their time waiting for sockets, timeouts, Chromium or a CLI child (docs/testing.md
    // "Keeping the suite fast").
    maxWorkers: Math.max(2, availableParallelism()),
    // electron-store imports 'electron' itself: inlined so the main-process tests' vi.mock('electron') reaches it.
    server: { deps: { inline: ['electron-store'] } },
    // Chromium and CLI files first, so no worker ends the run alone with one (tests/kit/suite-plan.mjs).
    sequence: { sequencer: LongFilesFirst },
    reporters: ['default', './tests/kit/timing-reporter.ts'],
    // Not `include` here: a project's include adds to the root's (arrays merge), each project has its own.
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          isolate: false,
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...configDefaults.exclude, ...ownProcess],
        },
      },
      { extends: true, test: { name: 'own-process', isolate: true, include: ownProcess } },
    ],
  },
});
