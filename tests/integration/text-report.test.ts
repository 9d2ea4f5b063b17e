import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportSchema } from '../../shared/report';
import { createTranslator, type Translator } from '../../shared/i18n/translator';
import { plantFlatpak } from '../fixtures/installs/plant';
import { installTokenWorld } from '../kit/emulators/stremio';
import { runCli } from '../kit/run-cli';
import { repeatedSentences } from '../kit/sentences';
import { startWorld, type World } from '../kit/world';

// docs/i18n.md "CLI and report texts": the text report opens with its verdict, prints each check once in aligned
// columns, says a skip once (grouped by reason), gives command-line fixes, and never prints a sentence twice —
// in every world, in every language.

const ACCOUNT = {
  id: '7c8d9e0f1a2b3c4d5e6f7a8b',
  email: 'text.report@example.org',
  password: 'text report password 1',
  authKey: 'text-report-auth-key-0123456789abcdef',
};
const TOKEN = 'text-report-trakt-token-01234567';
const TRAKT_HOSTS = ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'];

type WorldName = 'not signed in' | 'healthy' | 'PKCE injected' | 'DNS filtered';
const WORLDS: readonly WorldName[] = ['not signed in', 'healthy', 'PKCE injected', 'DNS filtered'];

/** A world with a linked account (Stremio 5 from Flathub, so Version has nothing to say) in a sign-in world. */
async function worldFor(name: WorldName): Promise<World> {
  const world = await startWorld({ probeMs: 1000 });
  const { stremio, trakt } = installTokenWorld(world, name === 'PKCE injected' ? 'migrated' : 'forwarding');
  stremio.addAccount({
    ...ACCOUNT,
    trakt: { access_token: TOKEN, created_at: Math.floor(Date.now() / 1000) - 3600, expires_in: 7 * 86400 },
  });
  trakt.grant(TOKEN, { username: 'text_report_user' });
  await plantFlatpak(world.home, '1.2.0');
  if (name === 'DNS filtered')
    for (const host of TRAKT_HOSTS) world.dns(host, { kind: 'records', a: ['0.0.0.0'], aaaa: ['::'] }, 'system');
  return world;
}

/** The first words of a text whose parameters come later (`Most likely cause: `). */
function lead(tr: Translator, key: string): string {
  return (tr.known(key, { title: '\u0000', fix: '\u0000', count: 0 }) ?? '').split('\u0000')[0]!;
}

describe.each(['en', 'de'] as const)('the text report (%s)', (lang) => {
  let tr: Translator;
  const worlds = new Map<WorldName, World>();
  const runs = new Map<WorldName, { stdout: string; stderr: string }>();
  beforeAll(async () => {
    tr = await createTranslator(lang);
    for (const name of WORLDS) {
      const world = await worldFor(name);
      worlds.set(name, world);
      const env: Record<string, string> = name === 'not signed in' ? {} : { STREMIO_AUTH_KEY: ACCOUNT.authKey };
      runs.set(name, await runCli(['diagnose', '--lang', lang, '--config', await world.writeConfig()], env));
    }
  }, 120_000);
  afterAll(async () => {
    for (const world of worlds.values()) await world.close();
  });

  it.each(WORLDS)('%s: no sentence is printed twice', (name) => {
    expect(repeatedSentences(runs.get(name)!.stdout)).toEqual([]);
  });

  it.each(WORLDS)('%s: the verdict is the first line after the heading', (name) => {
    const verdict = runs.get(name)!.stdout.split('\n')[1]!;
    const leads = [
      'cli:report.verdict.cause',
      'cli:report.verdict.info',
      'cli:report.verdict.none',
      'cli:report.noProblems',
    ];
    expect(
      leads.some((key) => verdict.startsWith(lead(tr, key))),
      verdict,
    ).toBe(true);
  });

  it.each(WORLDS)('%s: each check once, in aligned columns; a skip only under "Not tested", said once', (name) => {
    const { stdout, stderr } = runs.get(name)!;
    const marks = (['pass', 'warn', 'fail', 'error', 'skipped'] as const).map((v) => tr.t(`cli:mark.${v}`));
    const rows = stdout.split('\n').filter((line) => marks.some((m) => line.startsWith(`  ${m} `)));
    expect(rows.length).toBeGreaterThan(5);
    // Every row's title starts in the same column.
    expect(new Set(rows.map((row) => /^ {2}\S+ +/u.exec(row)![0].length)).size).toBe(1);
    const titles = rows.map((row) => row.replace(/^ {2}\S+ +/u, '').split(/ {2,}/u)[0]);
    expect(new Set(titles).size).toBe(titles.length);
    // Skipped checks are not rows; the skip is not said again inside its own reason.
    expect(rows.some((row) => row.startsWith(`  ${tr.t('cli:mark.skipped')} `))).toBe(false);
    const skippedPrefix = tr.t('engine:outcome.skipped', { why: '\u0000' }).split('\u0000')[0]!;
    expect(stdout).not.toContain(skippedPrefix);
    // The progress lines stay on stderr, one per check; the body does not repeat them.
    const progress = stderr.split('\n').filter((line) => marks.some((m) => line.startsWith(m)));
    expect(progress.length).toBeGreaterThanOrEqual(rows.length);
    for (const line of progress) expect(stdout).not.toContain(line.slice(line.indexOf(' — ')));
  });

  it('not signed in: one reason for every check that needs the account, and the command-line way to sign in', () => {
    const { stdout } = runs.get('not signed in')!;
    const reason = tr.t('checks-token:stremio-account.noCredentials');
    expect(stdout.split(reason)).toHaveLength(2);
    expect(stdout).toContain('STREMIO_AUTH_KEY');
    expect(stdout).toContain('STREMIO_EMAIL');
    // Never the window's way ("sign in on the Token step").
    expect(stdout).not.toContain(tr.list('problems:STREMIO_NOT_SIGNED_IN.fix.steps')[0]!);
    expect(stdout).toContain('--auth-url');
  });

  it('PKCE injected: the verdict names the cause and the fix tells how to write the bundle', () => {
    const { stdout } = runs.get('PKCE injected')!;
    expect(stdout.split('\n')[1]).toContain(tr.t('problems:TRAKT_AUTH_PKCE_INJECTED.title'));
    expect(stdout).toContain('TRAKT_AUTH_PKCE_INJECTED');
    expect(stdout).toContain('--bundle FILE');
    // The hop notes and the chain's end are said in the reader's language.
    expect(stdout).toContain(tr.t('checks-token:chain.note.injected'));
    expect(stdout).toContain(
      tr.t('checks-token:chain.end.signInPage', { context: 'at', place: 'trakt.tv/api/auth/oauth2/authorize' }),
    );
  });

  it('--json keeps the report: schemaVersion 1, the same fields, nothing of the text layout', async () => {
    const world = worlds.get('healthy')!;
    const run = await runCli(['diagnose', '--json', '--lang', lang, '--config', await world.writeConfig()], {
      STREMIO_AUTH_KEY: ACCOUNT.authKey,
    });
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'schemaVersion',
      'tool',
      'startedAt',
      'durationMs',
      'steps',
      'checks',
      'findings',
      'untested',
    ]);
    expect(ReportSchema.parse(json).schemaVersion).toBe(1);
  });
});
