import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ReportSchema, type Report } from '../../shared/report';
import {
  LOOP_ACCOUNT,
  PLANTED_WATCH,
  installClosedLoopWorld,
  type ClosedLoopWorld,
} from '../kit/emulators/closed-loop-world';
import { readZip } from '../kit/read-zip';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';

const ENV = { STREMIO_AUTH_KEY: LOOP_ACCOUNT.authKey };

describe('diagnose --await-relink / --live-scrobble', () => {
  let world: World;
  let loop: ClosedLoopWorld;
  let config: string;
  beforeEach(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterEach(() => world.close());

  it.each([
    ['--await-relink', '5'],
    ['--await-relink', '901'],
    ['--live-scrobble=2.5', null],
    ['--live-scrobble', '-30'],
  ])('%s %s is a usage error: exit 2 with one line', async (flag, value) => {
    const run = await runCli(['diagnose', flag, ...(value === null ? [] : [value])]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/takes a whole number of seconds from 10 to 900/);
  });

  it('--help lists both flags', async () => {
    const run = await runCli(['--help']);
    expect(run.stdout).toMatch(/--await-relink \[SECONDS\]/);
    expect(run.stdout).toMatch(/--live-scrobble \[SECONDS\]/);
  });

  it('a confirmed re-link of an expired link: exit 0, one JSON document, instructions and progress on stderr', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    config = await world.writeConfig();
    // Without the flag the expired link is critical (exit 1) and the watch is skipped as opt-in.
    const before = await runCli(['diagnose', '--json', '--config', config, '--steps', 'token'], ENV);
    expect(before.code).toBe(1);
    const skipped = ReportSchema.parse(JSON.parse(before.stdout)).checks.find((c) => c.id === 'token.relink')!;
    expect(skipped).toMatchObject({ verdict: 'skipped' });
    expect(skipped.summary).toMatch(/opt-in/);

    // Stremio stored the new link after the account read: the watch's first poll sees it.
    loop.relinkAfter(1);
    const run = await runCli(
      ['diagnose', '--json', '--config', config, '--steps', 'token', '--await-relink', '30'],
      ENV,
    );
    expect(run.code).toBe(0);
    const report: Report = ReportSchema.parse(JSON.parse(run.stdout));
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('pass');
    expect(relink.details).toMatchObject({ waitSeconds: 30, polls: 1 });
    expect(report.findings.find((f) => f.problem === 'TRAKT_TOKEN_EXPIRED')?.resolution?.by).toBe('token.relink');
    expect(run.stderr).toMatch(
      /Re-link watch: in Stremio, log out of Trakt and link it again \(Settings → Trakt Scrobbling → Log out, then Authenticate in Stremio 4 and 5/,
    );
    expect(run.stderr).toMatch(/PASS +token\.relink .*Linked again — valid until/);
    // The new token never reaches the output.
    expect(run.stdout + run.stderr).not.toContain(LOOP_ACCOUNT.newTraktToken);
  }, 60_000);

  it('Ctrl+C stops the wait at once; the report is still printed with the check skipped: cancelled', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    config = await world.writeConfig();
    const started = performance.now();
    const run = await runCli(
      ['diagnose', '--config', config, '--steps', 'token', '--await-relink', '600'],
      ENV,
      30_000,
      { when: /Re-link watch: /, signal: 'SIGINT' },
    );
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(run.stderr).toMatch(/Stopping \(Ctrl\+C again quits at once\)/);
    // Said once, under "Not tested", grouped by its reason.
    expect(run.stdout).toMatch(/• Stopped: the run was cancelled\.\n {4}Token: Watching for a new Trakt link\n/);
    // The expired link stays open: exit 1.
    expect(run.code).toBe(1);
  }, 40_000);

  it('--live-scrobble: the title Trakt shows reaches neither stdout, stderr nor the bundle', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now() });
    // Stremio's scrobble is in progress: the test's first read sees it.
    loop.trakt.scrobble(LOOP_ACCOUNT.traktToken, PLANTED_WATCH);
    config = await world.writeConfig();
    const bundle = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-live-cli-')), 'b.zip');
    const run = await runCli(
      ['diagnose', '--json', '--config', config, '--steps', 'scrobbling', '--live-scrobble', '--bundle', bundle],
      ENV,
    );
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    const check = report.checks.find((c) => c.id === 'scrobbling.live')!;
    expect(check.verdict).toBe('pass');
    expect(check.details).toMatchObject({ waitSeconds: 300, seenBy: 'watching', kind: 'episode' });
    expect(run.stderr).toMatch(/Live scrobble test: play anything in Stremio for a minute, then pause and resume once/);
    expect(run.stderr).toMatch(/PASS +scrobbling\.live .*Trakt sees you watching an episode/);
    for (const text of [run.stdout, run.stderr]) expect(text).not.toContain(PLANTED_WATCH.title);
    const entries = await readZip(bundle);
    expect(entries.map((e) => e.name)).toContain('report.json');
    for (const entry of entries) expect(entry.data.toString('utf8')).not.toContain(PLANTED_WATCH.title);
  }, 60_000);
});
