import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/report';
import { englishFragments } from '../i18n/english-fragments';
import { readZip } from '../kit/read-zip';
import { runCli } from '../kit/run-cli';
import { startWorld, type World } from '../kit/world';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

// docs/i18n.md "Choosing the language": the CLI speaks `--lang`, else LC_ALL / LC_MESSAGES / LANG.
describe('the CLI in other languages', () => {
  let world: World;
  let dir: string;
  let cfg: string;
  let signIn: () => void;
  beforeAll(async () => {
    world = await startWorld();
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-cli-i18n-'));
    cfg = await world.writeConfig();
    // A critical finding, so the report has a finding with its fix to say.
    signIn = holdBehindHotelPortal(world, { status: 511, body: 'Accept the terms' });
  });
  afterAll(async () => {
    signIn();
    await world.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('--lang de: the text report, the progress and the bundle summary.md in German', async () => {
    const target = path.join(dir, 'de.zip');
    // LANG names another language: --lang wins.
    const run = await runCli(
      ['diagnose', '--lang', 'de', '--config', cfg, '--steps', 'connectivity', '--bundle', target],
      {
        LANG: 'fr_FR.UTF-8',
      },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Stremio Trakt Doctor \S+ — \d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2} \(/);
    expect(run.stdout).toContain('\nVerbindung\n');
    // The verdict first, then each check in aligned columns (mark, title, summary), then the other findings.
    expect(run.stdout.split('\n')[1]).toMatch(/^Wahrscheinlichste Ursache: .+ → .+/);
    expect(run.stdout).toMatch(/^ {3}\[PROBLEM\] CAPTIVE_PORTAL, Sicherheit \d+\s%$/m);
    expect(run.stdout).toMatch(/\n {2}(OK|PROBLEM|WARNUNG|FEHLER) +\S.* {2}\S/);
    expect(run.stdout).toMatch(/Weitere Befunde \(\d+\):/);
    expect(run.stdout).toContain('   - gesehen: ');
    expect(run.stdout).toMatch(/ {3}Lösung — .+:/);
    expect(run.stdout).not.toMatch(/Findings|Fix —|confidence/);
    expect(run.stderr).toMatch(/^PROBLEM\s+connectivity\.captive-portal \(\d+ ms\) — /m);
    expect(run.stderr).toContain(`Diagnosepaket geschrieben: ${target} (`);
    const summary = (await readZip(target)).find((e) => e.name === 'summary.md')?.data.toString('utf8') ?? '';
    // No English text left: no fragment of an English CLI, report, check or catalog text shows up in German.
    const english = englishFragments(['cli', 'report', 'checks-connectivity', 'problems', 'common']);
    expect(english.length).toBeGreaterThan(50);
    const leftovers = english.filter((fragment) => `${run.stdout}${run.stderr}${summary}`.includes(fragment));
    expect(leftovers).toEqual([]);
    expect(summary).toContain('## Stremio Trakt Doctor — Zusammenfassung');
    expect(summary).toContain('### Prüfungen');
  });

  it('LANG=pt_BR.UTF-8: the text report in Brazilian Portuguese', async () => {
    const run = await runCli(['diagnose', '--config', cfg, '--steps', 'connectivity'], { LANG: 'pt_BR.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\nConexão\n');
    expect(run.stdout.split('\n')[1]).toMatch(/^Causa mais provável: .+ → .+/);
    expect(run.stdout).toMatch(/^ {3}\[PROBLEMA\] CAPTIVE_PORTAL, confiança \d+%$/m);
    expect(run.stdout).toMatch(/Outros problemas encontrados \(\d+\):/);
    expect(run.stdout).toMatch(/ {3}Solução — .+:/);
    expect(run.stderr).toMatch(/^PROBLEMA\s+connectivity\.captive-portal/m);
  });

  it('--json keeps the report shape in any language: summaries in the run language, messages carry keys', async () => {
    const run = await runCli(['diagnose', '--json', '--lang', 'es', '--config', cfg, '--steps', 'connectivity']);
    expect(run.code).toBe(1);
    const report = ReportSchema.parse(JSON.parse(run.stdout));
    expect(report.checks.map((c) => c.id)).toContain('connectivity.captive-portal');
    for (const check of report.checks) if (check.message) expect(check.message.key).toMatch(/^[\w-]+:/);
    expect(run.stderr).toMatch(/^PROBLEMA\s+connectivity\.captive-portal/m);
  });

  it('--help follows --lang and LANG', async () => {
    expect((await runCli(['diagnose', '--help', '--lang=fr'])).stdout).toContain(
      'Utilisation : stremio-trakt-doctor diagnose [options]',
    );
    const spanish = await runCli(['--help'], { LC_ALL: 'es_MX.UTF-8', LANG: 'de_DE.UTF-8' });
    expect(spanish.stdout).toContain('Uso: stremio-trakt-doctor diagnose [opciones]');
    expect(spanish.stdout).toContain('--lang LOCALE');
  });

  it('--lang xx is a usage error (exit 2, one line) that names the shipped languages', async () => {
    const run = await runCli(['diagnose', '--lang', 'xx', '--config', cfg]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('stremio-trakt-doctor: --lang: unknown language "xx" (available: en, es, pt-BR, fr, de)\n');
    // Said in the environment's language, since the asked-for one does not exist.
    const german = await runCli(['diagnose', '--lang=xx'], { LANG: 'de_DE.UTF-8' });
    expect(german.code).toBe(2);
    expect(german.stderr).toBe(
      'stremio-trakt-doctor: --lang: unbekannte Sprache „xx“ (verfügbar: en, es, pt-BR, fr, de)\n',
    );
    expect((await runCli(['diagnose', '--lang'])).stderr).toBe('stremio-trakt-doctor: --lang needs a value\n');
  });

  it('usage errors are said in the chosen language', async () => {
    const run = await runCli(['diagnose', '--steps', 'dns', '--lang', 'pt-br']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'stremio-trakt-doctor: --steps: etapa desconhecida dns (conhecidas: version, cache, connectivity, token, revoked, scrobbling)\n',
    );
  });
});
