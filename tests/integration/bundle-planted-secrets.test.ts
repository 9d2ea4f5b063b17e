import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBundle, type BundleManifest } from '../../electron/engine/bundle';
import { diagnose } from '../kit/diagnose';
import { STEP_NAMES } from '../../shared/steps';
import { plantSignedInAccount } from '../kit/emulators/planted-account';
import { contextFor } from '../kit/engine';
import { readZip } from '../kit/read-zip';
import { startWorld, type World } from '../kit/world';

// A whole diagnosis that really signs in with planted credentials, follows Stremio's redirect (with a
// state), reads Trakt with the planted token and runs the PKCE helpers' values through the registry;
// then the bundle of that run must carry none of them, nor the home folder or the user name.
const SECRETS = {
  password: 'BUNDLE-password-Qw93!',
  authKey: 'BUNDLE-authkey-8c7b6a5f4e3d2c1b',
  traktToken: 'BUNDLE-trakt-token-a1a2a3a4a5a6',
  accountToken: 'BUNDLE-account-token-5678efgh',
  email: 'bundle.viewer@example.net',
  state: 'BUNDLE-state-9f8e7d6c5b',
  code: 'BUNDLE-code-1a2b3c4d5e',
  codeVerifier: 'BUNDLE-verifier-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  // Personal values: the account id (in Stremio's sign-in link) and the Trakt username.
  accountId: '64a0b1c2d3e4f5a6b7c8d9e1',
  traktUser: 'bundle_trakt_user',
};
const USER = 'bundleviewer';
const NOW = Date.parse('2026-11-25T10:00:00Z');

describe('the bundle of a real run carries no planted secret', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    plantSignedInAccount(world, SECRETS, NOW, SECRETS.traktUser);
  });
  afterAll(() => world.close());

  it('report, summary, environment, trace, log and manifest are all clean, and the manifest counts what was scrubbed', async () => {
    const ctx = await contextFor(world, {}, { now: () => NOW });
    ctx.secrets.add(SECRETS.codeVerifier, 'code-verifier');
    const pasted = `${world.stremioWeb.origin}/trakt/auth_cb?code=${SECRETS.code}&state=${SECRETS.state}`;
    const report = await diagnose(ctx, {
      steps: [...STEP_NAMES],
      authUrl: pasted,
      credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
    });
    expect(report.checks.find((c) => c.id === 'revoked.users-settings')?.verdict).toBe('pass');
    // The app's log file as a previous session might have left it: secrets, the home folder, the user name.
    const dir = await mkdtemp(path.join(tmpdir(), 'doctor-bundle-run-'));
    const logFile = path.join(dir, 'app.log');
    await writeFile(
      logFile,
      [
        `2026-11-24T10:00:00Z INFO signed in ${SECRETS.email} / ${SECRETS.password} → authKey ${SECRETS.authKey}`,
        `2026-11-24T10:00:01Z DEBUG {"access_token":"${SECRETS.traktToken}","code_verifier":"${SECRETS.codeVerifier}"}`,
        `2026-11-24T10:00:02Z INFO callback ?code=${SECRETS.code}&state=${SECRETS.state} in ${world.home}/stremio for ${USER}`,
        `2026-11-24T10:00:03Z INFO opened https://www.strem.io/trakt/auth/${SECRETS.accountId} as ${SECRETS.traktUser}`,
      ].join('\n'),
    );
    const target = path.join(dir, 'bundle.zip');
    const result = await writeBundle(
      { report, ctx, logFile, identity: { homeDirs: [world.home], userNames: [USER] } },
      target,
    );
    if (!result.ok) throw new Error(result.message);

    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual([
      'manifest.json',
      'report.json',
      'summary.md',
      'environment.json',
      'network-trace.json',
      'logs/app.log',
    ]);
    for (const entry of entries) {
      const text = entry.data.toString('utf8');
      for (const [name, value] of Object.entries({ ...SECRETS, home: world.home, user: USER })) {
        expect(text.includes(value), `${name} leaked into ${entry.name}`).toBe(false);
        expect(text.includes(encodeURIComponent(value)), `${name} (URL-encoded) leaked into ${entry.name}`).toBe(false);
      }
    }
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as BundleManifest;
    const trace = JSON.parse(entries.find((e) => e.name === 'network-trace.json')!.data.toString('utf8')) as unknown[];
    expect(trace.length).toBeGreaterThan(5);
    expect(manifest.networkTrace.kept).toBe(trace.length);
    for (const kind of [
      'email',
      'password',
      'auth-key',
      'token',
      'code-verifier',
      'home-path',
      'user-name',
      'account-id',
      'trakt-username',
    ])
      expect(manifest.redactions[kind], kind).toBeGreaterThan(0);
    // The secrets the run saw were already scrubbed as it recorded them.
    expect(Object.values(manifest.redactionsDuringRun).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });
});
