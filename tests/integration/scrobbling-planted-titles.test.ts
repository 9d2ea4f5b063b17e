import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBundle, type BundleManifest } from '../../electron/engine/bundle';
import { resolveConfig } from '../../electron/engine/core/config';
import type { SessionEvent } from '../../electron/engine/session/diagnosis-session';
import { diagnose } from '../kit/diagnose';
import { renderTextReport } from '../../electron/hosts/cli/text-report';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { RunEvent } from '../../shared/ipc';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import {
  SCROBBLING_ACCOUNT,
  THIRD_PARTY_TRAKT_ADDON,
  finishedEpisode,
  finishedMovie,
  installScrobblingWorld,
} from '../kit/emulators/scrobbling-world';
import { CINEMETA } from '../kit/emulators/stremio';
import { contextFor } from '../kit/engine';
import { readZip } from '../kit/read-zip';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

// Titles and add-on addresses are personal (what someone watches and uses): planted in the library,
// Trakt's history and the add-on collection, they may reach the window's own panel and nothing else.
const TITLES = {
  libraryMovie: 'Quokka Velvet Harbor',
  libraryShow: 'Marzipan Lighthouse Diaries',
  missingMovie: 'Tangerine Oblivion Protocol',
  traktOnly: 'Zeppelin Crumpet Gambit',
};
const ADDON_URL = (THIRD_PARTY_TRAKT_ADDON as { transportUrl: string }).transportUrl;
const NOW = Date.now();

function expectNoTitle(where: string, text: string): void {
  for (const [name, value] of Object.entries({ ...TITLES, addonUrl: ADDON_URL })) {
    expect(text.includes(value), `${name} leaked into ${where}`).toBe(false);
    expect(text.includes(encodeURIComponent(value)), `${name} (URL-encoded) leaked into ${where}`).toBe(false);
  }
}

describe('planted titles and add-on addresses stay in the window', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    installScrobblingWorld(world, {
      nowMs: NOW,
      addons: [CINEMETA, THIRD_PARTY_TRAKT_ADDON],
      library: [
        finishedMovie(NOW, 'tt0000101', TITLES.libraryMovie, 1),
        finishedEpisode(NOW, 'tt0000102', TITLES.libraryShow, 1, 3, 2),
        finishedMovie(NOW, 'tt0000103', TITLES.missingMovie, 0.5),
      ],
      history: [
        { watchedAt: new Date(NOW - 86_400_000).toISOString(), imdb: 'tt0000101', title: TITLES.libraryMovie },
        {
          watchedAt: new Date(NOW - 2 * 86_400_000).toISOString(),
          imdb: 'tt0000102',
          title: TITLES.libraryShow,
          season: 1,
          episode: 3,
        },
        { watchedAt: new Date(NOW - 3 * 86_400_000).toISOString(), imdb: 'tt0000104', title: TITLES.traktOnly },
      ],
    });
  });
  afterAll(() => world.close());

  it('engine: the report, its text, the copy summary, the log and the trace carry none; the window payload does', async () => {
    const lines: string[] = [];
    const events: SessionEvent[] = [];
    const ctx = await contextFor(world, {}, { now: () => NOW, logSink: (line) => lines.push(line) });
    const report = await diagnose(
      ctx,
      { steps: ['scrobbling'], credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey } },
      { onEvent: (e) => events.push(e) },
    );
    expect(report.findings.map((f) => f.problem)).toEqual(
      expect.arrayContaining(['SCROBBLES_NOT_REACHING_TRAKT', 'TRAKT_APP_LIMIT_RISK']),
    );
    expectNoTitle('report.json', JSON.stringify(report));
    expectNoTitle('the text report', renderTextReport(report));
    expectNoTitle('the copy summary', renderSummaryMarkdown(report));
    expectNoTitle('the log', lines.join('\n'));
    expectNoTitle('the network trace', JSON.stringify(ctx.trace.list()));
    // The same titles did reach the window's payload: the test would notice a run that never read them.
    const windowOnly = JSON.stringify(events.map((e) => (e.type === 'check-finished' ? (e.windowOnly ?? null) : null)));
    for (const title of Object.values(TITLES)) expect(windowOnly).toContain(title);
    // And any text that does carry one (an old log line, an error) is scrubbed by the one redaction path.
    expect(ctx.secrets.redact(`watched ${TITLES.missingMovie} via ${ADDON_URL}`)).toBe(
      'watched [redacted title] via [redacted addon-url]',
    );

    const dir = await mkdtemp(path.join(tmpdir(), 'doctor-scrobble-bundle-'));
    const logFile = path.join(dir, 'app.log');
    await writeFile(logFile, `2026-11-29T20:00:00Z INFO played ${TITLES.libraryShow} from ${ADDON_URL}\n`);
    const target = path.join(dir, 'bundle.zip');
    const written = await writeBundle({ report, ctx, logFile, identity: { homeDirs: [], userNames: [] } }, target);
    if (!written.ok) throw new Error(written.message);
    const entries = await readZip(target);
    for (const entry of entries) expectNoTitle(`bundle ${entry.name}`, entry.data.toString('utf8'));
    const manifest = JSON.parse(entries[0]!.data.toString('utf8')) as BundleManifest;
    expect(manifest.redactions.title).toBeGreaterThan(0);
    expect(manifest.redactions['addon-url']).toBeGreaterThan(0);
  });

  it('service: IPC answers, the bundle preview and every run event but the comparison payload carry none', async () => {
    const events: RunEvent[] = [];
    const lines: string[] = [];
    const service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
      },
      onRunEvent: (event) => events.push(event),
      logSink: (line) => lines.push(line),
      contextOptions: { env: {}, now: () => NOW },
    });
    const ipc = (channel: string, payload: unknown) =>
      dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));
    const run = await ipc('diagnosis:run', {
      runId: 'titles-1',
      steps: ['scrobbling'],
      credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey },
    });
    expect(run.ok).toBe(true);
    const preview = await ipc('bundle:preview', {});
    expect(preview.ok).toBe(true);
    expectNoTitle('the diagnosis:run answer', JSON.stringify(run));
    expectNoTitle('the bundle preview', JSON.stringify(preview));
    expectNoTitle('the service log', lines.join('\n'));
    const personal = events.filter(
      (e) => e.type === 'check-finished' && e.result.id === 'scrobbling.comparison' && e.windowOnly !== undefined,
    );
    expect(personal).toHaveLength(1);
    expect(JSON.stringify(personal)).toContain(TITLES.missingMovie);
    expectNoTitle(
      'run events',
      JSON.stringify(events.map((e) => (e.type === 'check-finished' ? { ...e, windowOnly: null } : e))),
    );
  });

  it('CLI: --json, the text report and --bundle carry none', async () => {
    const cfg = await world.writeConfig();
    const env = { STREMIO_AUTH_KEY: SCROBBLING_ACCOUNT.authKey };
    const json = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'scrobbling'], env);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).findings.map((f: { problem: string }) => f.problem)).toContain(
      'SCROBBLES_NOT_REACHING_TRAKT',
    );
    expectNoTitle('CLI --json stdout', json.stdout);
    expectNoTitle('CLI stderr', json.stderr);
    const bundle = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-scrobble-cli-')), 'b.zip');
    const text = await runCli(['diagnose', '--config', cfg, '--steps', 'scrobbling', '--bundle', bundle], env);
    expect(text.stdout).toMatch(/1 of 3 titles you finished since .* is not on Trakt/);
    expectNoTitle('CLI text stdout', text.stdout);
    expectNoTitle('CLI text stderr', text.stderr);
    for (const entry of await readZip(bundle)) expectNoTitle(`CLI bundle ${entry.name}`, entry.data.toString('utf8'));
  });
});
