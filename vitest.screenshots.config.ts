import { defineConfig } from 'vitest/config';

// `npm run screenshots`: one PNG per wizard page, and the Summary once per language, in SCREENSHOTS_DIR
// (default docs/screenshots/, the README's gallery), taken in real Chromium against the loopback
// emulators (tests/e2e/harness.ts). Not part of `npm test`.
export default defineConfig({
  test: {
    include: ['tests/screenshots/**/*.screenshots.ts'],
    setupFiles: ['tests/kit/setup-network-guard.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
