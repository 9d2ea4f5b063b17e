import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { previewBundle, writeBundle, type BundleInput, type BundleManifest } from '../../electron/engine/bundle';
import { Logger } from '../../electron/engine/core/log';
import { NetworkTrace } from '../../electron/engine/net/trace';
import { SecretRegistry } from '../../electron/engine/core/secrets';
import { ReportSchema, type Report } from '../../shared/report';
import { readZip } from '../kit/read-zip';
import { englishTranslator } from '../../shared/i18n/translator';

// Planted values: each must be gone from every file of the bundle.
const TOKEN = 'trakt-access-token-4f9a8b7c6d';
const AUTH_KEY = 'stremio-authkey-77c0ffee1234';
const PASSWORD = 'Hunter2-password!';
const EMAIL = 'planted.person@example.org';
const STATE = 'oauth-state-a1b2c3d4e5';
const VERIFIER = 'pkce-verifier-0123456789abcdefghijklmnopqrstuvwxyz';
const HOME = '/home/plantedzed';
const USER = 'plantedzed';
const UNREGISTERED_TOKEN = 'never-registered-refresh-77';
const PLANTED = [TOKEN, AUTH_KEY, PASSWORD, EMAIL, STATE, VERIFIER, HOME, USER, UNREGISTERED_TOKEN];

function makeReport(): Report {
  return ReportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'stremio-trakt-doctor', version: '9.9.9' },
    startedAt: '2026-11-25T09:00:00.000Z',
    durationMs: 42,
    steps: ['version', 'token'],
    checks: [
      {
        id: 'version.installs',
        step: 'version',
        title: 'Installs',
        verdict: 'pass',
        problems: [],
        summary: `found in ${HOME}/.local/share/Stremio`,
        details: {
          installs: [
            {
              label: 'Stremio 5 (Linux)',
              kind: 'linux-deb',
              version: '5.0.1',
              versionSource: 'dpkg status',
              location: `${HOME}/.local/share/Stremio`,
              updateChannel: 'shell-ng',
              secretThing: TOKEN,
              owner: { name: USER },
            },
          ],
        },
        durationMs: 3,
      },
      {
        id: 'token.stremio-account',
        step: 'token',
        title: 'Account',
        verdict: 'fail',
        problems: ['X'],
        summary: `signed in as ${EMAIL}`,
        details: { tokenPresent: true, refresh_token: UNREGISTERED_TOKEN, note: `user ${USER} at ${HOME}` },
        durationMs: 5,
      },
    ],
    findings: [
      {
        problem: 'TRAKT_TOKEN_EXPIRED',
        title: 'Expired',
        explanation: 'e',
        severity: 'critical',
        confidence: 0.9,
        evidence: [`token.stremio-account: token ${TOKEN} expired`],
        fix: { title: 'Re-link', steps: ['Do it.'] },
      },
    ],
    untested: [],
  });
}

function makeInput(dir: string, extra: Partial<BundleInput> = {}): BundleInput {
  const secrets = new SecretRegistry();
  secrets.add(TOKEN, 'token');
  secrets.add(AUTH_KEY, 'auth-key');
  secrets.add(PASSWORD, 'password');
  secrets.add(STATE, 'state');
  secrets.add(VERIFIER, 'code-verifier');
  const trace = new NetworkTrace(secrets);
  trace.record({
    method: 'GET',
    url: `https://trakt.tv/oauth/authorize?client_id=abc&state=${STATE}&redirect_uri=x`,
    status: 200,
    error: null,
    headers: { server: 'cloudflare', 'set-cookie': `s=${TOKEN}` },
    timings: { total: 12 },
    at: '2026-11-25T09:00:01.000Z',
  });
  trace.record({
    method: 'POST',
    url: 'https://api.strem.io/api/getUser',
    status: 200,
    error: null,
    headers: { 'content-type': 'application/json' },
    timings: { total: 8 },
    at: '2026-11-25T09:00:02.000Z',
  });
  const log = new Logger(secrets, () => Date.parse('2026-11-25T09:00:00Z'));
  log.log('info', `started by ${USER}`);
  return {
    report: makeReport(),
    ctx: {
      secrets,
      trace,
      log,
      now: () => Date.parse('2026-11-25T09:10:00Z'),
      version: '9.9.9',
      platform: 'linux',
      env: {},
      translator: englishTranslator(),
    },
    identity: { homeDirs: [HOME], userNames: [USER] },
    logFile: path.join(dir, 'app.log'),
    ...extra,
  };
}

const LOG_LINES = [
  `2026-11-25T08:00:00Z INFO exchanging code, state=${STATE} verifier ${VERIFIER}`,
  `2026-11-25T08:00:01Z INFO {"access_token":"${TOKEN}","refresh_token":"${UNREGISTERED_TOKEN}"}`,
  `2026-11-25T08:00:02Z INFO GetUser authKey ${AUTH_KEY} for ${EMAIL} password ${PASSWORD}`,
  `2026-11-25T08:00:03Z INFO profile at ${HOME}/.config/stremio read by ${USER}`,
];

describe('diagnostic bundle', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-bundle-'));
    await writeFile(path.join(dir, 'app.log'), `${LOG_LINES.join('\n')}\n`);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the six files, none of which holds a planted secret or personal detail', async () => {
    const target = path.join(dir, 'bundle.zip');
    const result = await writeBundle(makeInput(dir), target);
    expect(result).toMatchObject({ ok: true, path: target });
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
      for (const planted of PLANTED) {
        for (const form of [planted, encodeURIComponent(planted), JSON.stringify(planted).slice(1, -1)])
          expect(text, `${entry.name} leaks ${planted}`).not.toContain(form);
      }
    }
    const byName = Object.fromEntries(entries.map((e) => [e.name, e.data.toString('utf8')]));
    expect(ReportSchema.parse(JSON.parse(byName['report.json']!)).checks).toHaveLength(2);
    expect(byName['summary.md']).toContain('## Stremio Trakt Doctor — summary');
    expect(byName['logs/app.log']).toContain('[redacted auth-key]');
    expect(byName['logs/app.log']!.trim().split('\n')).toHaveLength(LOG_LINES.length);
    const env = JSON.parse(byName['environment.json']!) as Record<string, unknown>;
    expect(Object.keys(env).sort()).toEqual(['app', 'locale', 'os', 'runtime', 'stremioInstalls']);
    expect(env.stremioInstalls).toEqual([
      {
        label: 'Stremio 5 (Linux)',
        kind: 'linux-deb',
        version: '5.0.1',
        versionSource: 'dpkg status',
        updateChannel: 'shell-ng',
        location: '[redacted home-path]/.local/share/Stremio',
      },
    ]);
    const trace = JSON.parse(byName['network-trace.json']!) as { url: string; headers: Record<string, string> }[];
    expect(trace).toHaveLength(2);
    expect(trace[0]!.headers).toEqual({ server: 'cloudflare' });
  });

  it('lists every file with its exact size and every redaction class with its count', async () => {
    const target = path.join(dir, 'bundle.zip');
    const result = await writeBundle(makeInput(dir), target);
    if (!result.ok) throw new Error(result.message);
    const entries = await readZip(target);
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as BundleManifest;
    expect(manifest).toEqual(result.manifest);
    expect(manifest.files).toEqual(entries.map((e) => ({ name: e.name, bytes: e.data.length })));
    const r = manifest.redactions;
    // The log file alone: token ×1 (registered) + refresh_token ×1 (field), auth key ×1, password ×1, e-mail ×1,
    // state ×1, verifier ×1, home ×1, user name ×1; the report and trace add more of several.
    // home-path: report ×3 (a summary, an install location, a note) + log ×1 (environment.json reuses the
    // already redacted report). user-name: report ×2 (owner.name, the note) + log ×1.
    for (const kind of ['token', 'auth-key', 'password', 'email', 'state', 'code-verifier', 'home-path', 'user-name'])
      expect(r[kind], kind).toBeGreaterThanOrEqual(1);
    expect(r['auth-key']).toBe(1);
    expect(r.password).toBe(1);
    expect(r['home-path']).toBe(4);
    expect(r['user-name']).toBe(3);
    // The trace keeps parameter names, never values (issue 20 N10): its state was gone before any redaction.
    expect(manifest.redactionsDuringRun.state).toBeUndefined();
    const trace = JSON.parse(entries.find((e) => e.name === 'network-trace.json')!.data.toString('utf8')) as {
      url: string;
    }[];
    expect(trace[0]!.url).toBe('https://trakt.tv/oauth/authorize?client_id&state&redirect_uri');
    expect(manifest.log).toMatchObject({ source: 'file', lines: 4, truncated: false });
    expect(manifest.networkTrace).toEqual({ requests: 2, kept: 2 });
  });

  it('refuses an existing path, leaves it untouched and leaves no temp file; overwrites only when asked', async () => {
    const target = path.join(dir, 'taken.zip');
    await writeFile(target, 'precious');
    const refused = await writeBundle(makeInput(dir), target);
    expect(refused).toMatchObject({ ok: false, code: 'exists' });
    expect(await readFile(target, 'utf8')).toBe('precious');
    expect((await readdir(dir)).sort()).toEqual(['app.log', 'taken.zip']);
    const replaced = await writeBundle(makeInput(dir), target, { overwrite: true });
    expect(replaced.ok).toBe(true);
    expect((await readZip(target)).map((e) => e.name)).toContain('report.json');
    expect((await readdir(dir)).sort()).toEqual(['app.log', 'taken.zip']);
  });

  it('never replaces a file that appears while the bundle is being built, and cleans up its temp file', async () => {
    const target = path.join(dir, 'race.zip');
    let first = true;
    const input = makeInput(dir);
    const now = (): number => {
      // Another program takes the name after the up-front check, before the bundle is moved into place.
      if (first) writeFileSync(target, 'someone else');
      first = false;
      return Date.parse('2026-11-25T09:10:00Z');
    };
    const result = await writeBundle({ ...input, ctx: { ...input.ctx, now } }, target);
    expect(result).toMatchObject({ ok: false, code: 'exists' });
    expect(await readFile(target, 'utf8')).toBe('someone else');
    expect((await readdir(dir)).sort()).toEqual(['app.log', 'race.zip']);
  });

  it('fails with a reason, and leaves nothing, when the folder does not exist or the report cannot fit', async () => {
    const missing = await writeBundle(makeInput(dir), path.join(dir, 'no-such-folder', 'b.zip'));
    expect(missing).toMatchObject({ ok: false, code: 'not-writable' });
    const tiny = await writeBundle(makeInput(dir, { limits: { maxTotalBytes: 4096 } }), path.join(dir, 'tiny.zip'));
    expect(tiny).toMatchObject({ ok: false, code: 'too-large' });
    expect((await readdir(dir)).sort()).toEqual(['app.log']);
  });

  it('keeps the total under its bound: the log tail is cut from the start, whole lines, tail before redaction', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40_000; i++)
      lines.push(
        `2026-11-25T08:00:00Z INFO line ${i} ${Math.random().toString(36).repeat(3)} ${i % 1000 === 0 ? TOKEN : ''}`,
      );
    await writeFile(path.join(dir, 'app.log'), `${lines.join('\n')}\n`);
    const maxTotalBytes = 256 * 1024;
    const target = path.join(dir, 'bounded.zip');
    const result = await writeBundle(makeInput(dir, { limits: { maxTotalBytes } }), target);
    if (!result.ok) throw new Error(result.message);
    expect(result.bytes).toBeLessThanOrEqual(maxTotalBytes);
    const entries = await readZip(target);
    expect(entries.reduce((n, e) => n + e.data.length, 0)).toBeLessThanOrEqual(maxTotalBytes);
    const log = entries
      .find((e) => e.name === 'logs/app.log')!
      .data.toString('utf8')
      .trim()
      .split('\n');
    expect(log.length).toBeGreaterThan(100);
    expect(log.at(-1)).toContain('line 39999 ');
    expect(log[0]).toMatch(/^2026-11-25T08:00:00Z INFO line \d+ /);
    expect(log.join('\n')).not.toContain(TOKEN);
    expect(result.manifest.log).toMatchObject({ source: 'file', truncated: true });
  });

  it('bounds lines and line length, and says so when the log file cannot be read', async () => {
    await writeFile(path.join(dir, 'app.log'), `${'x'.repeat(10_000)}\nshort\n`);
    const preview = await previewBundle(makeInput(dir, { limits: { logMaxLines: 1, logMaxLineChars: 100 } }));
    expect(preview.files.find((f) => f.name === 'logs/app.log')!.content.toString()).toBe('short\n');
    const clipped = await previewBundle(makeInput(dir, { limits: { logMaxLines: 5, logMaxLineChars: 100 } }));
    const text = clipped.files.find((f) => f.name === 'logs/app.log')!.content.toString();
    expect(text.split('\n')[0]).toBe(`${'x'.repeat(100)} …[line truncated]`);
    const missing = await previewBundle(makeInput(dir, { logFile: path.join(dir, 'nope.log') }));
    expect(missing.manifest.log).toMatchObject({
      source: 'file',
      lines: 0,
      note: "the app's log file could not be read (ENOENT)",
    });
  });

  it('uses the in-memory log when no log file is given (the CLI)', async () => {
    const preview = await previewBundle(makeInput(dir, { logFile: undefined }));
    const text = preview.files.find((f) => f.name === 'logs/app.log')!.content.toString();
    expect(text).toContain('started by [redacted user-name]');
    expect(preview.manifest.log.source).toBe('memory');
  });
});
