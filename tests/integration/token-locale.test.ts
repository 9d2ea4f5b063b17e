import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CHECKS } from '../../electron/engine/checks/token';
import { diagnose } from '../kit/diagnose';
import { checkSummaryText, checkTitleText } from '../../shared/i18n/report-text';
import { createTranslator } from '../../shared/i18n/translator';
import type { Report } from '../../shared/report';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const ACCOUNT = {
  id: '6a2f1d0b9c8e7f6a5b4c3d2e',
  email: 'zuschauer@example.org',
  password: 'richtiges Pferd Batterie',
  authKey: 'stremio-auth-key-de0123456789abcdef01',
};
const TRAKT_TOKEN = 'trakt-token-de8e7d6c5b4a39281706';
const check = (report: Report, id: string) => report.checks.find((c) => c.id === id)!;

// docs/i18n.md: a run in German says the Token step's titles and summaries in German, and keeps each
// summary's message so the window and the bundle can say it again in another language.
describe('the Token step in German', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let report: Report;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt } = installTokenWorld(world));
    stremio.authRedirect = { kind: 'api-host' };
    // Issued a day ago for 7 days: 6 days left.
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: NOW / 1000 - 24 * 3600, expires_in: 7 * 24 * 3600 },
    });
    trakt.grant(TRAKT_TOKEN, { username: 'sofa_zuschauer' });
    const ctx = await contextFor(world, {}, { now: () => NOW, locale: 'de' });
    report = await diagnose(
      ctx,
      { steps: ['token'], credentials: { kind: 'auth-key', authKey: ACCOUNT.authKey } },
      {},
      TOKEN_CHECKS,
    );
  });
  afterAll(() => world.close());

  it('says the Trakt link check in German, with Intl dates and durations, and keeps its message', () => {
    const token = check(report, 'token.trakt-token');
    expect(token.title).toBe('Trakt-Verknüpfung des Kontos');
    expect(token.verdict).toBe('pass');
    expect(token.summary).toMatch(/^Trakt ist verknüpft und bis \d\d\.\d\d\.2026, \d\d:\d\d gültig \(noch 6 Tage\)\.$/);
    expect(token.message).toEqual({
      key: 'checks-token:trakt-token.valid',
      params: { at: NOW + 6 * 86_400_000, left: 6 * 86_400_000 },
    });
  });

  it('says how the account was read through a context, not an English fragment', () => {
    const account = check(report, 'token.stremio-account');
    expect(account.title).toBe('Stremio-Konto');
    expect(account.summary).toBe('Beim Stremio-Konto angemeldet (Auth-Schlüssel); es ist mit Trakt verknüpft.');
    expect(account.message).toEqual({
      key: 'checks-token:stremio-account.signedIn',
      params: { context: 'getUser' },
    });
  });

  it('nests the corrected-link sentence in the sign-in verdict; host names and statuses stay as they are', async () => {
    const chain = check(report, 'token.auth-redirect');
    expect(chain.title).toBe('Stremios Trakt-Anmeldelink');
    expect(chain.problems).toContain('AUTH_URL_WRONG_HOST');
    expect(chain.summary).toMatch(
      /^Stremios Trakt-Anmeldelink endet mit HTTP 400 bei \S+, Trakts API-Adresse, wo die Anmeldung scheitert \(„400 Bad Request“\)\. Derselbe Link auf \S+ erreicht Trakts Anmeldeseite \(gerade eben geprüft\)\.$/,
    );
    expect(chain.message).toMatchObject({
      key: 'checks-token:signInChain.wrongHost',
      params: { context: 'stremio', status: 400, checked: { key: 'checks-token:signInChain.correctedWorks' } },
    });
    // The evidence line stays English for support.
    const finding = report.findings.find((f) => f.problem === 'AUTH_URL_WRONG_HOST')!;
    expect(finding.evidence[0]).toContain('HTTP 400 on the API host');
    // The one-click fix carries its label in the run's language.
    expect(finding.fix.action).toMatchObject({ kind: 'open-url', label: 'Korrigierten Anmeldelink öffnen' });

    // The kept message says the same result again in French (the window after a language switch).
    const fr = await createTranslator('fr');
    expect(checkTitleText(chain, fr)).toBe('Lien de connexion Trakt de Stremio');
    expect(checkSummaryText(chain, fr)).toMatch(/^Le lien de connexion Trakt de Stremio aboutit à HTTP 400 sur /);
  });
});
