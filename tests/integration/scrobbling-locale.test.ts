import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { englishTranslator } from '../../shared/i18n/translator';
import { isMessage } from '../../shared/i18n/message';
import type { Report } from '../../shared/report';
import { CINEMETA, stremioTraktAddon } from '../kit/emulators/stremio';
import {
  SCROBBLING_ACCOUNT,
  THIRD_PARTY_TRAKT_ADDON,
  daysAgo,
  finishedEpisode,
  finishedMovie,
  installScrobblingWorld,
  type ScrobblingWorldOptions,
} from '../kit/emulators/scrobbling-world';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';
import type { Locale } from '../../shared/i18n/locales';

// The Scrobbling step says its titles and summaries in the run's language (docs/i18n.md): the report keeps
// the message, so the window can say it again in English; titles never enter a summary in any language.
const NOW = Date.parse('2026-11-30T12:00:00Z');
const TITLES = ['Locale Missing Movie', 'Locale Arrived Show', 'Locale Second Miss'];

describe('the Scrobbling step in another language', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());

  const run = async (locale: Locale, options: Omit<ScrobblingWorldOptions, 'nowMs'>): Promise<Report> => {
    installScrobblingWorld(world, { nowMs: NOW, ...options });
    const ctx = await contextFor(world, {}, { now: () => NOW, locale });
    return diagnose(ctx, {
      steps: ['scrobbling'],
      credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey },
    });
  };
  const check = (report: Report, id: string) => {
    const found = report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no ${id} in the report`);
    return found;
  };
  const missingWorld: Omit<ScrobblingWorldOptions, 'nowMs'> = {
    addons: [CINEMETA, stremioTraktAddon(SCROBBLING_ACCOUNT.id), THIRD_PARTY_TRAKT_ADDON],
    vip: false,
    library: [
      finishedMovie(NOW, 'tt0000301', TITLES[0]!, 1),
      finishedEpisode(NOW, 'tt0000302', TITLES[1]!, 1, 2, 2),
      finishedMovie(NOW, 'tt0000303', TITLES[2]!, 3),
    ],
    history: [{ watchedAt: daysAgo(NOW, 2), imdb: 'tt0000302', title: TITLES[1]!, season: 1, episode: 2 }],
  };

  it('pt-BR: the comparison says how many of how many in Portuguese, under its Portuguese title, and keeps the key', async () => {
    const report = await run('pt-BR', missingWorld);
    const comparison = check(report, 'scrobbling.comparison');
    expect(comparison.verdict).toBe('fail');
    expect(comparison.title).toBe('Assistido no Stremio ↔ no Trakt');
    expect(comparison.summary).toBe(
      '2 dos 3 títulos que você terminou desde 24 de nov. de 2026 não estão no Trakt; ' +
        'o Trakt registrou a última visualização em 28 de nov. de 2026.',
    );
    expect(comparison.message).toMatchObject({
      key: 'checks-scrobbling:comparison.missing',
      params: { count: 2, total: 3, since: NOW - 6 * 86_400_000 },
    });
    // The same message said again in English reads as an English run would.
    expect(englishTranslator().text(comparison.message!)).toBe(
      '2 of 3 titles you finished since Nov 24, 2026 are not on Trakt; the last watch Trakt recorded is from Nov 28, 2026.',
    );
    expect(check(report, 'scrobbling.app-limit')).toMatchObject({
      title: 'O limite de um app do Trakt',
      summary: expect.stringMatching(/^Uma conta gratuita do Trakt, e mais 1 addon .* desde julho de 2026,/),
    });
    expect(check(report, 'scrobbling.library').summary).toMatch(
      /^Sua Biblioteca tem 3 títulos; 3 foram assistidos desde que o vínculo com o Trakt foi criado/,
    );
    // The evidence stays English technical text for support.
    const finding = report.findings.find((f) => f.problem === 'SCROBBLES_NOT_REACHING_TRAKT');
    expect(finding?.evidence[0]).toContain('2 of 3 titles finished in Stremio since Nov 24, 2026');
  });

  it.each(['en', 'es', 'pt-BR', 'fr', 'de'] as const)(
    '%s: every Scrobbling check is titled and summarised from the locale, with no watched title',
    async (locale) => {
      const report = await run(locale, missingWorld);
      const own = report.checks.filter((c) => c.step === 'scrobbling');
      // The six reads and the opt-in live scrobble test (skipped, said in the locale too).
      expect(own).toHaveLength(7);
      for (const result of own) {
        expect(isMessage(result.message), result.id).toBe(true);
        expect(result.message?.key, result.id).toMatch(/^(checks-scrobbling|common):/);
        // A missing key would show as the key itself.
        expect(result.title, result.id).not.toMatch(/checks-scrobbling|\.title$/);
        expect(result.summary, result.id).not.toMatch(/checks-scrobbling:|common:|\{\{/);
        for (const title of TITLES) expect(`${result.title} ${result.summary}`).not.toContain(title);
      }
      if (locale !== 'en')
        expect(check(report, 'scrobbling.comparison').title).not.toBe('Watched in Stremio ↔ on Trakt');
    },
  );
});
