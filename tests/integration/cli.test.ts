import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ReportSchema } from '../../shared/report';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

describe('stremio-trakt-doctor CLI', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());

  it('--help prints the usage and exits 0', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: stremio-trakt-doctor diagnose');
    expect(run.stdout).toContain('STREMIO_AUTH_KEY');
  });

  it('rejects unknown options and credentials in argv with exit 2 and one line', async () => {
    for (const args of [
      ['diagnose', '--frobnicate'],
      ['diagnose', '--password', 'hunter22'],
      ['diagnose', '--steps', 'dns'],
      ['launch'],
    ]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain('hunter22');
    }
  });

  it('--json prints exactly one schema-valid report on stdout, progress on stderr', async () => {
    const cfg = await world.writeConfig();
    const run = await runCli(['diagnose', '--json', '--config', cfg, '--steps', 'connectivity']);
    expect(run.code).toBe(0);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.checks.map((c) => c.id)).toContain('connectivity.captive-portal');
    expect(run.stderr).toMatch(/PASS\s+connectivity\.captive-portal/);
  });

  it('exits 1 when a critical finding is made, and prints a readable text report', async () => {
    const signIn = holdBehindHotelPortal(world, { status: 511, body: 'Accept the terms' });
    try {
      const cfg = await world.writeConfig();
      const run = await runCli(['diagnose', '--config', cfg, '--steps', 'connectivity']);
      expect(run.code).toBe(1);
      expect(run.stdout.split('\n')[1]).toBe(
        'Most likely cause: This network shows a sign-in page → Sign in to the network',
      );
      expect(run.stdout).toContain('   [PROBLEM] CAPTIVE_PORTAL, confidence 98%');
      // A command-line user re-runs with the command, not "this step" of the window.
      expect(run.stdout).toContain('2) Run `stremio-trakt-doctor diagnose --steps connectivity` again.');
    } finally {
      signIn();
    }
  });

  it.each([
    ['not JSON', '{ "endpoints": ', /not valid JSON/],
    ['a bad URL', JSON.stringify({ endpoints: { traktApi: 'api.trakt.tv' } }), /endpoints\.traktApi: not a URL/],
    ['an unknown key', JSON.stringify({ endpoint: {} }), /unknown key "endpoint"/],
    [
      'a missing CA file',
      JSON.stringify({ tls: { extraCaFile: '/nonexistent/ca.pem' } }),
      /tls\.extraCaFile: cannot be read/,
    ],
  ])('a config with %s is a usage error with a clear message', async (_what, text, message) => {
    const file = path.join(world.home, `bad-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(file, text);
    const run = await runCli(['diagnose', '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
