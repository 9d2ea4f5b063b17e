// Vitest setup: installs the network guard in every worker and fails any test that tried to reach a
// non-loopback address, even when the code under test swallowed the error.
import { afterEach } from 'vitest';
import { takeViolations } from './network-guard.mjs';

afterEach(() => {
  const violations = takeViolations();
  if (violations.length > 0) throw new Error(`This test tried to leave loopback:\n${violations.join('\n')}`);
});
