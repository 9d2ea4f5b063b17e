import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { recordedService } from '../kit/doctor-service';
import { plantSignedInAccount } from '../kit/emulators/planted-account';
import { startWorld, type World } from '../kit/world';

const SECRETS = {
  password: 'NAME-password-Zx81!',
  authKey: 'NAME-authkey-0f1e2d3c4b5a6978',
  traktToken: 'NAME-trakt-token-77aa88bb99cc',
  accountToken: 'NAME-account-token-1234abcd',
  email: 'name.viewer@example.net',
  state: 'NAME-state-5e4d3c2b1a',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');

/**
 * Issue 20 N2: a Trakt username on the generic-account list, or shorter than 2 characters, was neither
 * redacted nor kept out of the summary ("signed in as runner" in IPC, report.json, app.log, the bundle).
 * Whatever the name is, no surface carries it.
 */
describe.each([
  ['a generic account name', 'runner'],
  ['a one-character name', 'Ж'],
])('a Trakt username that is %s never leaves the engine (issue 20 N2)', (_kind, username) => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    plantSignedInAccount(world, SECRETS, NOW, username);
  });
  afterAll(() => world.close());

  it('not in the report, the run events, app.log or the bundle', async () => {
    const { call, events, log, service } = recordedService(resolveConfig(world.config()), {
      contextOptions: { env: {}, now: () => NOW },
    });
    const run = await call('diagnosis:run', {
      runId: 'n2',
      steps: ['token', 'revoked'],
      credentials: { kind: 'auth-key', authKey: SECRETS.authKey },
    });
    if (!run.ok) throw new Error(run.error.message);
    const report = JSON.stringify(run.value);
    // Trakt did answer for this account (otherwise the test proves nothing).
    expect(report).toMatch(/"id":"revoked\.users-settings"[^}]*"verdict":"pass"/);
    const preview = await call('bundle:preview', {});
    expect(preview.ok).toBe(true);
    const name = new RegExp(`(?<![\\p{L}\\p{N}_])${username}(?![\\p{L}\\p{N}_])`, 'iu');
    for (const [where, text] of [
      ['the diagnosis:run answer', report],
      ['the run events', JSON.stringify(events)],
      ['app.log', log.join('\n')],
      ['the bundle', JSON.stringify(preview)],
    ] as const) {
      expect(name.exec(text)?.[0], `the username reached ${where}`).toBeUndefined();
    }
    // Registered whatever it is: a line quoting it later is scrubbed too.
    expect(service.secrets.redact(`signed in as ${username}.`)).toBe('signed in as [redacted trakt-username].');
  });
});
