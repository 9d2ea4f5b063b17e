import { mkdtemp, readFile, rm, stat, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { redactForExport } from '../../electron/engine/bundle';
import { createDoctorService, type DoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { BundlePreview, BundleSaveResult, IpcResult } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { plantSignedInAccount } from '../kit/emulators/planted-account';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { readZip } from '../kit/read-zip';
import { startWorld, type World } from '../kit/world';

/** Known secret values planted where the Token and Revoked steps read them; none may reach the bundle. */
const SECRETS = {
  password: 'PLANTED-password-Qw93!',
  authKey: 'PLANTED-authkey-9e8d7c6b5a4f3e21',
  traktToken: 'PLANTED-trakt-token-33dd44ee55ff',
  accountToken: 'PLANTED-account-token-5678efab',
  email: 'bundle.viewer@example.net',
  state: 'PLANTED-state-1a2b3c4d5e',
  code: 'PLANTED-code-6f7a8b9c0d',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');
const FILES = ['manifest.json', 'report.json', 'summary.md', 'environment.json', 'network-trace.json', 'logs/app.log'];

function expectNoSecret(where: string, text: string): void {
  for (const [name, value] of Object.entries(SECRETS)) {
    expect(text.includes(value), `${name} leaked into ${where}`).toBe(false);
    expect(text.includes(encodeURIComponent(value)), `${name} (URL-encoded) leaked into ${where}`).toBe(false);
  }
}

function value<T>(answer: IpcResult<unknown>): T {
  if (!answer.ok) throw new Error(`IPC error ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

describe('the window exports the diagnostic bundle of its session (bundle:preview, bundle:save)', () => {
  let world: World;
  let trakt: TraktApiEmulator;
  let dir: string;
  let logFile: string;
  let chosen: string | null;
  let service: DoctorService;
  const ipc = (channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ trakt } = plantSignedInAccount(world, SECRETS, NOW, 'bundle_user'));
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-bundle-'));
    logFile = path.join(dir, 'app.log');
    // An older line of the app's log that carried a secret raw: the export must scrub it once more.
    await writeFile(
      logFile,
      `2026-11-25T09:00:00.000Z INFO earlier session signed in as ${SECRETS.email} with key ${SECRETS.authKey}\n`,
    );
    service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
        chooseBundlePath: async () => chosen,
      },
      onRunEvent: () => undefined,
      logSink: (line) => void appendFile(logFile, `${line}\n`),
      bundleLogFile: logFile,
      contextOptions: { env: {}, now: () => NOW },
    });
  });
  afterAll(async () => {
    await world.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('has nothing to export before a step finished', async () => {
    expect(await ipc('bundle:preview', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await ipc('bundle:save', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('previews, saves the latest run of each step, and refuses to replace an existing file until confirmed', async () => {
    const pasted = `${world.stremioWeb.origin}/trakt/auth_cb?code=${SECRETS.code}&state=${SECRETS.state}`;
    const token = value<Report>(
      await ipc('diagnosis:run', {
        runId: 'b-token',
        steps: ['token'],
        authUrl: pasted,
        credentials: { kind: 'password', email: SECRETS.email, password: SECRETS.password },
      }),
    );
    const revoked = value<Report>(
      await ipc('diagnosis:run', {
        runId: 'b-revoked',
        steps: ['revoked'],
        credentials: { kind: 'auth-key', authKey: SECRETS.authKey },
      }),
    );
    // The runs really used the secrets (otherwise their absence below would prove nothing).
    expect(revoked.checks.find((c) => c.id === 'revoked.users-settings')?.verdict).toBe('pass');
    expect(trakt.settingsRequests().at(-1)?.headers.authorization).toBe(`Bearer ${SECRETS.traktToken}`);

    const preview = value<BundlePreview>(await ipc('bundle:preview', {}));
    expect(preview.files.map((f) => f.name)).toEqual(FILES);
    expect(preview.files.every((f) => f.bytes > 0)).toBe(true);
    expect(preview.redactions['auth-key']).toBeGreaterThanOrEqual(1);
    expect(preview.redactions.email).toBeGreaterThanOrEqual(1);
    for (const finding of [...token.findings, ...revoked.findings])
      expect(preview.summaryMarkdown).toContain(`\`${finding.problem}\``);
    expectNoSecret('the preview', JSON.stringify(preview));

    const target = path.join(dir, 'stremio-trakt-doctor.zip');
    chosen = target;
    const saved = value<BundleSaveResult>(await ipc('bundle:save', {}));
    expect(saved).toMatchObject({ saved: true, path: target });
    const entries = await readZip(target);
    expect(entries.map((e) => e.name)).toEqual(FILES);
    for (const entry of entries) expectNoSecret(`bundle ${entry.name}`, entry.data.toString('utf8'));
    const byName = new Map(entries.map((e) => [e.name, e.data.toString('utf8')]));
    expect(byName.get('summary.md')).toBe(preview.summaryMarkdown);
    // One report for every surface: the bundle holds the session report the last run answered (and
    // streamed), through the export redaction every export shares; summary.md renders that same report.
    const report = JSON.parse(byName.get('report.json') ?? '{}') as Report;
    expect(report).toEqual(redactForExport(revoked, service.secrets));
    expect(byName.get('summary.md')).toBe(renderSummaryMarkdown(redactForExport(revoked, service.secrets)));
    expect(report.steps).toEqual(['token', 'revoked']);
    expect(report.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([...token.checks, ...revoked.checks].map((c) => c.id)),
    );
    expect(report.untested.map((u) => u.check)).toEqual(expect.arrayContaining(['version', 'cache', 'connectivity']));
    const trace = JSON.parse(byName.get('network-trace.json') ?? '[]') as { url: string }[];
    expect(trace.some((t) => t.url.startsWith(world.stremioApi.origin))).toBe(true);
    expect(trace.some((t) => t.url.startsWith(world.traktApi.origin))).toBe(true);
    const log = byName.get('logs/app.log') ?? '';
    expect(log).toContain('earlier session signed in as');
    expect(JSON.parse(byName.get('manifest.json') ?? '{}')).toMatchObject({ log: { source: 'file' } });

    // The same name again: refused, the file left as it was.
    const before = await stat(target);
    const bytes = await readFile(target);
    const refused = value<BundleSaveResult>(await ipc('bundle:save', {}));
    expect(refused).toMatchObject({ saved: false, exists: true, path: target });
    expect(refused.reason).toBe('exists');
    expect((await readFile(target)).equals(bytes)).toBe(true);
    expect((await stat(target)).mtimeMs).toBe(before.mtimeMs);

    // Confirmed in the window: exactly the refused file is replaced, without asking for a path again.
    chosen = null;
    expect(value<BundleSaveResult>(await ipc('bundle:save', { overwrite: true }))).toMatchObject({
      saved: true,
      path: target,
    });
    expect((await readZip(target)).map((e) => e.name)).toEqual(FILES);

    // `overwrite` alone never replaces anything: without a refusal just before, the dialog is asked again.
    chosen = target;
    expect(value<BundleSaveResult>(await ipc('bundle:save', { overwrite: true }))).toMatchObject({
      saved: false,
      exists: true,
    });
    chosen = null;
    expect(value<BundleSaveResult>(await ipc('bundle:save', {}))).toMatchObject({
      saved: false,
      reason: 'cancelled',
    });
    // A folder that does not exist: the write's own code, never its English message (which names the path).
    chosen = path.join(path.dirname(target), 'missing-folder', 'b.zip');
    expect(value<BundleSaveResult>(await ipc('bundle:save', {}))).toEqual({
      saved: false,
      path: chosen,
      reason: 'not-writable',
    });
    expect(await ipc('bundle:save', { overwrite: 'yes' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
  });
});
