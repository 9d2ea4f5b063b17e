import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { REVOKED_CHECKS } from '../../electron/engine/checks/revoked';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { renderTextReport } from '../../electron/hosts/cli/text-report';
import { diagnose } from '../kit/diagnose';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { RunEvent } from '../../shared/ipc';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { contextFor } from '../kit/engine';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

/** Known secret values, planted in every place the steps read from; none may come out anywhere. */
const SECRETS = {
  password: 'PLANTED-password-Zx81!',
  authKey: 'PLANTED-authkey-4f9a2c7e1b3d5f60',
  traktToken: 'PLANTED-trakt-token-77aa88bb99cc',
  accountToken: 'PLANTED-account-token-1234abcd',
  email: 'planted.viewer@example.net',
  state: 'PLANTED-state-0b1c2d3e4f',
  code: 'PLANTED-code-5a6b7c8d9e',
  // Personal values: the Stremio account id names the account (`www.strem.io/trakt/auth/<id>`), the Trakt username the person.
  accountId: '64a0b1c2d3e4f5a6b7c8d9e0',
  traktUser: 'planted_user',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');

function expectNoSecret(where: string, text: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${name} leaked into ${where}`).toBe(false);
    expect(text.includes(encodeURIComponent(value)), `${name} (URL-encoded) leaked into ${where}`).toBe(false);
  }
}

describe('planted secrets never leave the Token and Revoked steps', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let pasted: string;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt } = installTokenWorld(world));
    stremio.addAccount({
      id: SECRETS.accountId,
      email: SECRETS.email,
      password: SECRETS.password,
      authKey: SECRETS.authKey,
      trakt: { access_token: SECRETS.traktToken, created_at: NOW / 1000 - 3600, expires_in: 7 * 86400 },
    });
    // The redirect carries a state too (no public source says whether Stremio sends one: assume the worst).
    stremio.authRedirect = {
      kind: 'location',
      location: `${world.traktApi.origin}/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb&state=${SECRETS.state}`,
    };
    trakt.grant(SECRETS.traktToken, { username: SECRETS.traktUser, accountToken: SECRETS.accountToken });
    pasted = `${world.stremioWeb.origin}/trakt/auth_cb?code=${SECRETS.code}&state=${SECRETS.state}`;
  });
  afterAll(() => world.close());

  it('engine: report, text output, logs and network trace', async () => {
    const lines: string[] = [];
    const ctx = await contextFor(world, {}, { now: () => NOW, logSink: (line) => lines.push(line) });
    const report = await diagnose(
      ctx,
      {
        steps: ['token', 'revoked'],
        authUrl: pasted,
        credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
      },
      {},
      [...TOKEN_CHECKS, ...REVOKED_CHECKS],
    );
    // The run really used every secret (otherwise this test would prove nothing).
    expect(report.checks.find((c) => c.id === 'revoked.users-settings')?.verdict).toBe('pass');
    expect(trakt.settingsRequests().at(-1)?.headers.authorization).toBe(`Bearer ${SECRETS.traktToken}`);
    expectNoSecret('the report', JSON.stringify(report));
    expectNoSecret('the text report', renderTextReport(report));
    expectNoSecret('the log sink', lines.join('\n'));
    expectNoSecret('the log tail', ctx.log.tail().join('\n'));
    expectNoSecret('the network trace', JSON.stringify(ctx.trace.list()));
    expect(lines.length).toBeGreaterThan(0);
    // Registered, not only caught by the `state=`/`code=` URL pattern: the bare values are scrubbed too.
    for (const value of [
      SECRETS.state,
      SECRETS.code,
      SECRETS.authKey,
      SECRETS.traktToken,
      SECRETS.accountToken,
      SECRETS.password,
      SECRETS.accountId,
      SECRETS.traktUser,
    ]) {
      expect(ctx.secrets.redact(`bare ${value} value`)).toMatch(/^bare \[redacted [a-z-]+\] value$/);
    }
  });

  it('CLI: JSON and text output, progress on stderr', async () => {
    const cfg = await world.writeConfig();
    const env = { STREMIO_EMAIL: SECRETS.email, STREMIO_PASSWORD: SECRETS.password };
    for (const args of [
      ['diagnose', '--json', '--config', cfg, '--steps', 'token,revoked', '--auth-url', pasted],
      ['diagnose', '--config', cfg, '--steps', 'token,revoked', '--auth-url', pasted],
    ]) {
      const run = await runCli(args, env);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('AUTH_URL_WRONG_HOST');
      expectNoSecret(`CLI stdout (${args[1]})`, run.stdout);
      expectNoSecret(`CLI stderr (${args[1]})`, run.stderr);
    }
    const withKey = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'revoked'], {
      STREMIO_AUTH_KEY: SECRETS.authKey,
    });
    expect(withKey.stdout).toContain('revoked.users-settings');
    expectNoSecret('CLI stdout (auth key)', withKey.stdout);
    expectNoSecret('CLI stderr (auth key)', withKey.stderr);
    // Stremio's own start link pasted without any credentials: the id in its path names the account.
    const start = await runCli(
      [
        'diagnose',
        '--json',
        '--config',
        cfg,
        '--steps',
        'token',
        '--auth-url',
        `https://www.strem.io/trakt/auth/${SECRETS.accountId}`,
      ],
      {},
    );
    expect(start.stdout).toContain('token.pasted-url');
    expectNoSecret('CLI stdout (pasted start link)', start.stdout);
    expectNoSecret('CLI stderr (pasted start link)', start.stderr);
  });

  it('service: every IPC answer, run event and log line — including a remembered sign-in and a refused one', async () => {
    const events: RunEvent[] = [];
    const lines: string[] = [];
    const store = createMemorySecretStore();
    const service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: store,
        settings: createMemorySettings(),
        confirmStoredSignIn: async () => true,
      },
      onRunEvent: (event) => events.push(event),
      logSink: (line) => lines.push(line),
      contextOptions: { env: {}, now: () => NOW },
    });
    const answers: unknown[] = [];
    const ipc = async (channel: string, payload: unknown) => {
      const answer = await dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));
      answers.push(answer);
      return answer;
    };
    const first = await ipc('diagnosis:run', {
      runId: 'planted-1',
      steps: ['token', 'revoked'],
      authUrl: pasted,
      credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
      rememberAuthKey: true,
    });
    expect(first.ok).toBe(true);
    // "Remember" keeps the auth key login returned — encrypted by the store — and never the password.
    expect(await store.loadAuthKey()).toBe(SECRETS.authKey);
    await ipc('diagnosis:run', { runId: 'planted-2', steps: ['revoked'], credentials: { kind: 'remembered' } });
    await ipc('diagnosis:run', {
      runId: 'planted-3',
      steps: ['token'],
      credentials: { kind: 'auth-key', authKey: 'short' },
    });
    await ipc('app:get-info', {});
    expect(events.some((e) => e.type === 'run-finished')).toBe(true);
    expectNoSecret('IPC answers', JSON.stringify(answers));
    expectNoSecret('run events', JSON.stringify(events));
    expectNoSecret('service log', lines.join('\n'));

    const refusing = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore({
          available: false,
          backend: 'basic_text',
          reason: 'basic-text',
        }),
        settings: createMemorySettings(),
      },
      onRunEvent: () => undefined,
      contextOptions: { env: {}, now: () => NOW },
    });
    const refused = await dispatchIpc(
      refusing.handlers,
      'diagnosis:run',
      {
        runId: 'planted-4',
        steps: ['token'],
        credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
        rememberAuthKey: true,
      },
      (t) => refusing.secrets.redact(t),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(JSON.stringify(refused)).toContain('basic_text');
    expectNoSecret('the refusal', JSON.stringify(refused));
  });
});
