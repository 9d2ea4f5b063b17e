import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { PROBLEMS, isProblemCode, type ProblemCode } from '../../shared/problems';

// The catalog's words live in shared/locales/<locale>/problems.json (docs/i18n.md "Problems"): every code
// has all of them in every language, and no entry there names a code the catalog does not know.

const LOCALES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/locales');

interface Entry {
  readonly title?: unknown;
  readonly explanation?: unknown;
  readonly fix?: { readonly title?: unknown; readonly steps?: unknown; readonly action?: unknown };
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
      for (const key of Object.keys(texts[code] ?? {})) expect(['title', 'explanation', 'fix']).toContain(key);
    }
  });

  it('PROBLEMS carries the English words (docs/problems.md and the tests read them)', () => {
    const english = problemsOf('en');
    expect(PROBLEMS.CAPTIVE_PORTAL.title).toBe('This network shows a sign-in page');
    expect(PROBLEMS.TRAKT_TOKEN_REVOKED.fix.steps[0]).toBe(
      'Open Trakt → Settings → Connected apps and revoke "Stremio".',
    );
    expect(PROBLEMS.TRAKT_TOKEN_REVOKED.fix.action).toEqual({
      kind: 'open-url',
      url: 'https://app.trakt.tv/settings/apps/connected',
      label: 'Trakt connected apps',
    });
    expect(PROBLEMS.OFFLINE.fix.action).toEqual({ kind: 'rerun-step', step: 'connectivity' });
    for (const code of codes) {
      expect(PROBLEMS[code].title).toBe(english[code]?.title);
      expect(PROBLEMS[code].fix.steps).toEqual(english[code]?.fix?.steps);
    }
  });

  it('each language names Stremio’s Trakt menu as Stremio itself does (Stremio/stremio-translations)', () => {
    const menu: Record<string, string> = {
      en: 'Settings → Trakt Scrobbling',
      es: 'Configuración → Seguimiento con Trakt',
      'pt-BR': 'Configurações → Recomendações do Trakt',
      fr: 'Réglages → Scrobbling Trakt',
      de: 'Einstellungen → Trakt Scrobbling',
    };
    for (const locale of LOCALES) {
      const steps = problemsOf(locale).TRAKT_TOKEN_REVOKED?.fix?.steps as string[];
      expect(steps[1], locale).toContain(menu[locale]);
      // Trakt's site is English-only: its page keeps its own name.
      expect(steps[0], locale).toContain('Connected apps');
    }
  });
});
