import { say, testContext } from '../kit/test-texts';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { SecretRegistry } from '../../electron/engine/core/secrets';
import type { AnyCheck, CompletedCheck } from '../../electron/engine/runtime/check';
import { buildFindings } from '../../electron/engine/runtime/findings';
import { applyIncidents } from '../../electron/engine/session/apply-incidents';
import { DiagnosisSession } from '../../electron/engine/session/diagnosis-session';
import type { IncidentsData } from '../../electron/engine/checks/connectivity/incidents';
import { CONNECTIVITY_CHECK_IDS } from '../../shared/check-details/connectivity';
import { createTranslator, englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS, type ProblemCode } from '../../shared/problems';
import type { CheckResult } from '../../shared/report';

// Findings are said in the run's language (docs/i18n.md "Problems"): the catalog's words from
// shared/locales/<locale>/problems.json, a re-run button naming its step, the feed's own words for an incident.

function completed(id: string, codes: readonly ProblemCode[], data: unknown = undefined): CompletedCheck {
  const result: CheckResult = {
    id,
    step: 'connectivity',
    title: id,
    verdict: 'fail',
    problems: [...codes],
    summary: '',
    details: {},
    durationMs: 1,
  };
  return { result, data, observations: codes.map((code) => ({ code, evidence: `${id}: ${code}` })) };
}

describe('findings in the run’s language', () => {
  it('German: titles, explanations, fix steps and action labels from the German catalog', async () => {
    const de = await createTranslator('de');
    const [revoked, offline] = ['TRAKT_TOKEN_REVOKED', 'OFFLINE'].map((code) =>
      buildFindings([completed('connectivity.x', [code as ProblemCode])], new SecretRegistry(), de, {
        stremioMenus: '4-5',
      }).at(0),
    );
    expect(revoked?.title).toBe('Der Zugriff von Stremio auf Trakt wurde widerrufen');
    // The menus of the Stremio the Version step found, in Stremio's own German words (stremio-translations).
    expect(revoked?.fix.steps[1]).toBe('Melden Sie Trakt in Stremio ab: Einstellungen → Trakt Scrobbling → Abmelden.');
    expect(revoked?.stremioMenus).toBe('4-5');
    // A fix that names no Stremio menu does not carry the generation.
    expect(offline).not.toHaveProperty('stremioMenus');
    expect(revoked?.fix.action).toEqual({
      kind: 'open-url',
      url: PROBLEMS.TRAKT_TOKEN_REVOKED.fix.action?.kind === 'open-url' && PROBLEMS.TRAKT_TOKEN_REVOKED.fix.action.url,
      label: 'Verbundene Apps auf Trakt',
    });
    expect(offline?.explanation).toBe('Kein einziger Dienst ließ sich auflösen oder erreichen.');
    expect(offline?.fix.action).toEqual({
      kind: 'rerun-step',
      step: 'connectivity',
      label: 'Schritt „Verbindung“ erneut ausführen',
    });
    // Evidence stays the English technical line (it is for support).
    expect(offline?.evidence).toEqual(['connectivity.x: OFFLINE']);
  });

  it('the surest observation that asks for a wording chooses it; a wording the catalog lacks is ignored', () => {
    const expired = (variant: string | undefined, confidence: number) => ({
      ...completed(`token.${variant ?? 'plain'}`, []),
      observations: [
        {
          code: 'TRAKT_TOKEN_EXPIRED' as const,
          evidence: `e ${confidence}`,
          confidence,
          ...(variant ? { variant } : {}),
        },
      ],
    });
    const say = (...checks: CompletedCheck[]) => buildFindings(checks, new SecretRegistry(), englishTranslator())[0]!;
    const chosen = say(expired(undefined, 0.95), expired('preMigration', 0.9));
    expect(chosen.variant).toBe('preMigration');
    expect(chosen.explanation).toContain('July 23, 2026');
    expect(chosen.fix.title).toBe('Authenticate again, once');
    expect(chosen.fix.steps[1]).toBe(
      'Once is enough: Trakt cannot renew links made before July 23, 2026, and the new link does not have that problem.',
    );
    const unknown = say(expired('no-such-wording', 0.99));
    expect(unknown).not.toHaveProperty('variant');
    expect(unknown.explanation).toBe(PROBLEMS.TRAKT_TOKEN_EXPIRED.explanation);
  });

  it('English keeps the catalog’s words; a re-run is labelled with its step', () => {
    const [finding] = buildFindings(
      [completed('connectivity.x', ['CAPTIVE_PORTAL'])],
      new SecretRegistry(),
      englishTranslator(),
    );
    expect(finding?.title).toBe(PROBLEMS.CAPTIVE_PORTAL.title);
    expect(finding?.fix.steps).toEqual(PROBLEMS.CAPTIVE_PORTAL.fix.steps);
    expect(finding?.fix.action).toEqual({ kind: 'rerun-step', step: 'connectivity', label: 'Run Connectivity again' });
  });

  it('a label a check gave its own action stays (the corrected sign-in link)', async () => {
    const check = completed('token.x', []);
    const action = { kind: 'open-url' as const, url: 'https://trakt.tv/oauth/authorize', label: 'Open the link' };
    const withAction: CompletedCheck = {
      ...check,
      observations: [{ code: 'TRAKT_NOT_LINKED', evidence: 'token.x: not linked', action }],
    };
    const [finding] = buildFindings([withAction], new SecretRegistry(), await createTranslator('fr'));
    expect(finding?.title).toBe('Trakt n’est pas lié à ce compte Stremio');
    expect(finding?.fix.action).toEqual(action);
  });

  it('a known incident keeps the feed’s own (already localised) words', async () => {
    const data: IncidentsData = {
      incidents: [
        {
          id: 'trakt-2026-11',
          since: '2026-11-20T00:00:00Z',
          severity: 'critical',
          title: 'Trakt-Anmeldung gestört',
          body: 'Trakt meldet eine Störung.',
          links: ['https://status.trakt.tv/'],
          problems: [],
        },
      ],
    };
    const feed = completed(CONNECTIVITY_CHECK_IDS.incidents, ['KNOWN_INCIDENT'], data);
    const findings = applyIncidents(buildFindings([feed], new SecretRegistry(), await createTranslator('de')), [feed]);
    expect(findings[0]?.title).toBe('Trakt-Anmeldung gestört');
    expect(findings[0]?.explanation).toBe('Trakt meldet eine Störung.');
    expect(findings[0]?.fix.title).toBe('Nichts auf diesem Computer behebt das');
  });

  it('a session run with ctx locale de reports German findings', async () => {
    const ctx = await testContext(resolveConfig({ dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } }), {
      env: {},
      locale: 'de-AT',
      now: () => Date.parse('2026-11-25T10:00:00Z'),
    });
    const check: AnyCheck = {
      id: 'connectivity.portal',
      step: 'connectivity',
      dependsOn: [],
      codes: ['CAPTIVE_PORTAL'],
      budgetMs: () => 2000,
      run: () =>
        Promise.resolve({
          verdict: 'fail',
          summary: say('portal'),
          problems: [{ code: 'CAPTIVE_PORTAL', evidence: 'connectivity.portal: 302 to a sign-in page' }],
        }),
    };
    const session = new DiagnosisSession({ records: ctx, checks: [check], steps: ['connectivity'] });
    const report = await session.run(ctx, { kind: 'steps', steps: ['connectivity'] });
    expect(report.findings.map((f) => f.title)).toEqual(['Dieses Netzwerk zeigt eine Anmeldeseite']);
    expect(report.findings[0]?.fix.steps[1]).toBe('Führen Sie diesen Schritt erneut aus.');
  });
});
