import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { createAppLog } from '../../electron/main/app-log';
import { TRAKT_ORIGIN_HEADERS } from '../kit/world';
import { recordedService } from '../kit/doctor-service';
import { readZip } from '../kit/read-zip';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

/**
 * Issue 20 N5: a hostile server's `error_description` carrying terminal escape sequences (CSI colours and
 * a screen clear, an OSC window title, an OSC 8 hyperlink, the C1 form of CSI) and a bidi override. None
 * of it may reach the CLI's text, its --json strings, summary.md, app.log or the window's IPC payload;
 * the readable words around it do.
 */
const VISIBLE = 'HOSTILE-DESCRIPTION';
const HOSTILE =
  `\x1b[31m${VISIBLE}\x1b[0m \x1b]0;pwned-title\x07` +
  `\x1b]8;;https://evil.example/steal\x07click here\x1b]8;;\x07 \x1b[2J\x9b1;1H ` +
  `\u202Egnp.exe\u202C done\r\n2026-01-01T00:00:00.000Z INFO forged line`;
/** Anything a terminal or a bidi renderer would obey, raw or as JSON writes it. */
const CONTROL =
  // eslint-disable-next-line no-control-regex -- looking for control characters is this expression's job
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\\u00(?:1[0-9a-f]|0[0-8bc-f]|7f|[89][0-9a-f])|\\u20(?:2[a-e]|6[6-9])/i;

function expectInert(where: string, text: string): void {
  expect(text, `${where}: the description did not arrive (the test would prove nothing)`).toContain(VISIBLE);
  expect(CONTROL.exec(text)?.[0], `${where} carries a control character or bidi override`).toBeUndefined();
  // Whole sequences are removed, parameters included: no OSC title, no hyperlink target.
  expect(text, `${where} carries an OSC title`).not.toContain('pwned-title');
  expect(text, `${where} carries an OSC 8 link target`).not.toContain('evil.example');
  expect(text, `${where} keeps a line break of the description`).not.toMatch(
    /\n\s*2026-01-01T00:00:00.000Z INFO forged/,
  );
}

describe('network text is inert on every surface (issue 20 N5)', () => {
  let world: World;
  let pasted: string;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    world.traktWeb.route('GET', '/oauth/authorize', () => {
      const back = new URL('https://www.strem.io/trakt/auth_cb');
      back.searchParams.set('error', 'invalid_request');
      back.searchParams.set('error_description', HOSTILE);
      return {
        status: 302,
        headers: { ...TRAKT_ORIGIN_HEADERS, location: back.toString(), 'content-type': 'text/html' },
        body: '',
      };
    });
    pasted =
      'https://trakt.tv/oauth/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb';
  });
  afterAll(() => world.close());

  it('CLI: text report, --json strings, progress lines, and the bundle (summary.md, app.log, report, trace)', async () => {
    const cfg = await world.writeConfig();
    const text = await runCli(['diagnose', '--config', cfg, '--steps', 'token', '--auth-url', pasted]);
    expectInert('CLI text stdout', text.stdout);
    expectInert('CLI stderr', text.stderr);

    const bundle = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-n5-')), 'bundle.zip');
    const json = await runCli([
      'diagnose',
      '--json',
      '--config',
      cfg,
      '--steps',
      'token',
      '--auth-url',
      pasted,
      '--bundle',
      bundle,
    ]);
    expectInert('CLI --json stdout', json.stdout);
    const report = JSON.parse(json.stdout) as { checks: { id: string; summary: string }[] };
    expectInert('--json check summary', report.checks.find((c) => c.id === 'token.pasted-url')!.summary);

    const entries = await readZip(bundle);
    const file = (name: string) => entries.find((e) => e.name === name)!.data.toString('utf8');
    expectInert('summary.md', file('summary.md'));
    expectInert('logs/app.log', file('logs/app.log'));
    expectInert('report.json', file('report.json'));
  });

  it("the window: every IPC answer and run event, and the app's log file", async () => {
    const logDir = await mkdtemp(path.join(tmpdir(), 'doctor-n5-log-'));
    const appLog = createAppLog(logDir);
    const { call, events } = recordedService(resolveConfig(world.config()), {
      logSink: appLog.sink,
      bundleLogFile: appLog.file,
    });
    const answer = await call('diagnosis:run', { runId: 'n5', steps: ['token'], authUrl: pasted });
    expect(answer.ok).toBe(true);
    expectInert('the diagnosis:run answer', JSON.stringify(answer));
    expectInert('the run events', JSON.stringify(events));
    expectInert('app.log', await readFile(appLog.file, 'utf8'));
    const preview = await call('bundle:preview', {});
    expect(preview.ok).toBe(true);
    expectInert('the bundle preview', JSON.stringify(preview));
  });
});
