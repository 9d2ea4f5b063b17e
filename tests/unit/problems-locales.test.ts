import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { PROBLEMS, isProblemCode, problemVariants, type ProblemCode } from '../../shared/problems';
import { findingText } from '../../shared/i18n/report-text';
import { createTranslator } from '../../shared/i18n/translator';
import type { Finding } from '../../shared/report';
import type { StremioGeneration } from '../../shared/stremio-menus';

// The catalog's words live in shared/locales/<locale>/problems.json (docs/i18n.md "Problems"): every code
// has all of them in every language, and no entry there names a code the catalog does not know.

const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/locales');

interface Entry {
  readonly title?: unknown;
  readonly explanation?: unknown;
  readonly fix?: Readonly<Record<string, unknown>> & { readonly steps?: unknown; readonly action?: unknown };
}

function problemsOf(locale: string): Record<string, Entry> {
  const file = path.join(LOCALES_DIR, locale, 'problems.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry>;
}

const text = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
const codes = Object.keys(PROBLEMS) as ProblemCode[];

describe('the problem catalog in every language', () => {
  it.each(LOCALES)('%s: every code has its title, explanation, fix title and steps', (locale) => {
    const texts = problemsOf(locale);
    const incomplete = codes.filter((code) => {
      const entry = texts[code];
      const steps = entry?.fix?.steps;
      return !(
        entry &&
        text(entry.title) &&
        text(entry.explanation) &&
        text(entry.fix?.title) &&
        Array.isArray(steps) &&
        steps.length === PROBLEMS[code].fix.steps.length &&
        steps.every(text)
      );
    });
    expect(incomplete).toEqual([]);
  });

  it.each(LOCALES)('%s: an action label exactly where the catalog opens a page, and no unknown code', (locale) => {
    const texts = problemsOf(locale);
    expect(Object.keys(texts).filter((code) => !isProblemCode(code))).toEqual([]);
    for (const code of codes) {
      const opensPage = PROBLEMS[code].fix.action?.kind === 'open-url';
      const label = texts[code]?.fix?.action;
      expect(opensPage ? text(label) : label === undefined, `${locale} ${code}`).toBe(true);
      // A variant's wording (`explanation_preMigration`) only for the variants the catalog declares.
      const variant = (base: string) => problemVariants(code).map((v) => `${base}_${v}`);
      for (const key of Object.keys(texts[code] ?? {}))
        expect(
          ['title', 'explanation', 'fix', ...variant('title'), ...variant('explanation')],
          `${locale} ${code}`,
        ).toContain(key);
      for (const key of Object.keys(texts[code]?.fix ?? {}))
        expect(['title', 'steps', 'action', ...variant('title'), ...variant('steps')], `${locale} ${code}`).toContain(
          key,
        );
    }
  });

  it.each(LOCALES)('%s: every declared variant has its own wording, and a variant’s steps are all said', (locale) => {
    const texts = problemsOf(locale);
    for (const code of codes)
      for (const variant of problemVariants(code)) {
        const entry = texts[code]!;
        const own = [entry, entry.fix ?? {}].flatMap((o) => Object.keys(o)).filter((k) => k.endsWith(`_${variant}`));
        expect(own.length, `${locale} ${code} ${variant}`).toBeGreaterThan(0);
        const steps = entry.fix?.[`steps_${variant}`];
        if (steps !== undefined) expect(Array.isArray(steps) && steps.length > 0 && steps.every(text)).toBe(true);
      }
  });

  it('PROBLEMS carries the English words (docs/problems.md and the tests read them)', () => {
    const english = problemsOf('en');
    expect(PROBLEMS.CAPTIVE_PORTAL.title).toBe('This network shows a sign-in page');
    expect(PROBLEMS.TRAKT_TOKEN_REVOKED.fix.steps[0]).toBe(
      'Open Trakt → Settings → "Connected Apps" and revoke "Stremio".',
    );
    // Placeholders said: with no Stremio found, both menus are named.
    expect(PROBLEMS.TRAKT_TOKEN_REVOKED.fix.steps[1]).toBe(
      'In Stremio, log out of Trakt: Settings → Trakt Scrobbling → Log out in Stremio 4 and 5; Settings → Integrations → Trakt in Stremio 6.',
    );
    expect(PROBLEMS.TRAKT_TOKEN_REVOKED.fix.action).toEqual({
      kind: 'open-url',
      url: 'https://app.trakt.tv/settings/apps/connected',
      label: 'Trakt connected apps',
    });
    expect(PROBLEMS.OFFLINE.fix.action).toEqual({ kind: 'rerun-step', step: 'connectivity' });
    for (const code of codes) {
      expect(PROBLEMS[code].title).toBe(english[code]?.title);
      expect(PROBLEMS[code].fix.steps).toHaveLength((english[code]?.fix?.steps as string[]).length);
      expect(JSON.stringify(PROBLEMS[code]), code).not.toContain('{{');
    }
  });

  // Stremio/stremio-translations at a1b20f7 (2026-08-04): SETTINGS, SETTINGS_TRAKT, SETTINGS_TRAKT_AUTHENTICATE, LOG_OUT.
  // It has no word for Stremio 6's "Integrations" yet: the translated word stands in (docs/i18n.md).
  const MENUS: Record<string, { logOut: string; authenticate: string; integrations: string }> = {
    en: {
      logOut: 'Settings → Trakt Scrobbling → Log out',
      authenticate: 'Settings → Trakt Scrobbling → Authenticate',
      integrations: 'Settings → Integrations → Trakt',
    },
    es: {
      logOut: 'Configuración → Seguimiento con Trakt → Cerrar sesión',
      authenticate: 'Configuración → Seguimiento con Trakt → Autenticar',
      integrations: 'Configuración → Integraciones → Trakt',
    },
    'pt-BR': {
      logOut: 'Configurações → Recomendações do Trakt → Desconectar',
      authenticate: 'Configurações → Recomendações do Trakt → Autenticar',
      integrations: 'Configurações → Integrações → Trakt',
    },
    fr: {
      logOut: 'Réglages → Scrobbling Trakt → Déconnexion',
      authenticate: 'Réglages → Scrobbling Trakt → Authentifier',
      integrations: 'Réglages → Intégrations → Trakt',
    },
    de: {
      logOut: 'Einstellungen → Trakt Scrobbling → Abmelden',
      authenticate: 'Einstellungen → Trakt Scrobbling → Authentifizieren',
      integrations: 'Einstellungen → Integrationen → Trakt',
    },
  };
  const revoked = (stremioMenus?: StremioGeneration): Finding => ({
    problem: 'TRAKT_TOKEN_REVOKED',
    title: '',
    explanation: '',
    severity: 'critical',
    confidence: 0.9,
    evidence: ['e'],
    fix: { title: '', steps: [] },
    ...(stremioMenus ? { stremioMenus } : {}),
  });

  it.each(LOCALES)(
    '%s names the menus of the Stremio found, in Stremio’s own words; both when none was',
    async (locale) => {
      const tr = await createTranslator(locale);
      const menu = MENUS[locale]!;
      const steps = (generation?: StremioGeneration) => findingText(revoked(generation), tr).fix.steps;
      const classic = steps('4-5');
      expect(classic[1]).toContain(menu.logOut);
      expect(classic[2]).toContain(menu.authenticate);
      expect(classic.join(' ')).not.toContain(menu.integrations);
      const six = steps('6');
      expect(six[1]).toContain(menu.integrations);
      expect(six[2]).toContain(menu.integrations);
      expect(six.join(' ')).not.toContain(menu.authenticate);
      const both = steps();
      expect(both[1]).toContain(menu.logOut);
      expect(both[1]).toContain(menu.integrations);
      // Only the main profile of a multi-profile account links Trakt (stremio-features#1897).
      for (const said of [classic, six, both]) expect(said[2]).toContain(tr.t('common:stremioMenu.mainProfile'));
      // Trakt's site is English-only: its page keeps its own name.
      expect(classic[0]).toContain('Connected Apps');
      expect(JSON.stringify([classic, six, both])).not.toContain('{{');
    },
  );
});
