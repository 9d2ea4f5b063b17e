import { defineConfig } from 'vitest/config';

// `npm run screenshots`: every wizard page in a world where it has something to say, light and dark, and the
// Summary once per other language (tests/screenshots/gallery.ts lists them), in SCREENSHOTS_DIR (default
// docs/screenshots/, whose run also rewrites the README's gallery), taken in real Chromium against the loopback
// emulators (tests/e2e/harness.ts). Not part of `npm test`; tests/unit/screenshots-gallery.test.ts is.
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
