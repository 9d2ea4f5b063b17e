// Vitest setup: most test files share their worker's process with the files before them (vitest.config.ts,
// tests/kit/suite-plan.mjs). What a file may change process-wide through `vi` is put back after it, so the
// next file starts from real timers, the real globals and the real environment variables.
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
