import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import { diagnose } from '../kit/diagnose';
import { englishTranslator } from '../../shared/i18n/translator';
import { checkSummaryText, checkTitleText } from '../../shared/i18n/report-text';
import { ReportSchema, type Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const TRAKT_HOSTS = ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'];

function check(report: Report, id: string) {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
}

// docs/i18n.md: a check says its summary as a message, the run's language (here French) says it, and the
// result keeps the message so another surface can say it again in its own language.
describe('connectivity checks in French (engine context locale fr)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld();
  });
  afterAll(() => world.close());
  afterEach(() => {
    for (const host of TRAKT_HOSTS) world.dns(host, { kind: 'records', a: ['127.0.0.1'] });
    world.captivePortal.route('GET', '/generate_204', { status: 204 });
  });

  const run = async () => {
    const ctx = await contextFor(world, {}, { locale: 'fr' });
    const report = await diagnose(ctx, { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };

  it('says a captive portal, its title and the filtered hosts in French, and keeps the keys', async () => {
    world.captivePortal.route('GET', '/generate_204', {
      status: 302,
      headers: { location: 'http://login.hotel.example/portal' },
      body: '<html>Veuillez vous connecter</html>',
    });
    for (const host of TRAKT_HOSTS) world.dns(host, { kind: 'records', a: ['0.0.0.0'], aaaa: ['::'] }, 'system');
    const report = await run();

    const portal = check(report, 'connectivity.captive-portal');
    expect(portal.title).toBe('Portail captif');
    expect(portal.summary).toBe('Ce réseau affiche une page de connexion au lieu d’Internet.');
    expect(portal.message).toEqual({ key: 'checks-connectivity:captive-portal.portal' });

    const dns = check(report, 'connectivity.dns');
    expect(dns.title).toBe('DNS');
    // Intl's French list: "a, b et c", the host names untranslated.
    expect(dns.summary).toBe('Le DNS est filtré pour trakt.tv, api.trakt.tv et auth.trakt.tv.');
    expect(dns.message).toEqual({ key: 'checks-connectivity:dns.filtered', params: { filtered: TRAKT_HOSTS } });

    // Evidence stays English (for support), whatever the run's language.
    const finding = report.findings.find((f) => f.problem === 'CAPTIVE_PORTAL');
    expect(finding?.evidence[0]).toContain('instead of an empty 204');

    // The same results said again in English from their messages (the window after a language switch).
    const en = englishTranslator();
    expect(checkTitleText(portal, en)).toBe('Captive portal');
    expect(checkSummaryText(portal, en)).toBe('This network shows a sign-in page instead of the internet.');
    expect(checkSummaryText(dns, en)).toBe('DNS is filtered for trakt.tv, api.trakt.tv, and auth.trakt.tv.');
  });

  it('says a healthy chain with French plurals, numbers and durations', async () => {
    const report = await run();
    const verdict = check(report, 'connectivity.summary');
    expect(verdict.title).toBe('Verdict de connectivité');
    expect(verdict.verdict).toBe('pass');
    expect(verdict.summary).toMatch(
      /^Les 5 hôtes répondent sur toute la chaîne \(chaîne la plus lente : \d+(,\d)?\s(ms|s)\)\.$/,
    );
    expect(verdict.message).toMatchObject({ key: 'checks-connectivity:summary.pass', params: { count: 5 } });
    expect(check(report, 'connectivity.tls').summary).toBe(
      'Les 5 négociations TLS ont réussi avec des certificats de confiance.',
    );
  });
});
