import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { ReportSchema, type Report } from '../../shared/report';
import { rankFindings } from '../../shared/severity';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { createTranslator } from '../../shared/i18n/translator';

const finding = (
  problem: string,
  severity: 'critical' | 'warning' | 'info',
  confidence: number,
  extra: Partial<Report['findings'][number]> = {},
): Report['findings'][number] => ({
  problem,
  title: `${problem} title`,
  explanation: `${problem} explanation`,
  severity,
  confidence,
  evidence: [`evidence of ${problem}`],
  fix: { title: `fix ${problem}`, steps: [`step one for ${problem}`, `step two for ${problem}`] },
  ...extra,
});

const report: Report = ReportSchema.parse({
  schemaVersion: 1,
  tool: { name: 'stremio-trakt-doctor', version: '1.2.3' },
  startedAt: '2026-11-25T09:00:00.000Z',
  durationMs: 1234,
  steps: ['connectivity', 'token'],
  checks: [
    {
      id: 'connectivity.dns',
      step: 'connectivity',
      title: 'DNS',
      verdict: 'fail',
      problems: ['DNS_FILTERED'],
      summary: 's',
      details: {},
      durationMs: 3,
    },
    {
      id: 'connectivity.tls',
      step: 'connectivity',
      title: 'TLS',
      verdict: 'pass',
      problems: [],
      summary: 's',
      details: {},
      durationMs: 3,
    },
    {
      id: 'token.stremio',
      step: 'token',
      title: 'Token',
      verdict: 'skipped',
      problems: [],
      summary: 'no credentials',
      details: {},
      durationMs: 0,
    },
  ],
  findings: [
    finding('INFO_ONE', 'info', 1),
    finding('WARN_LOW', 'warning', 0.5),
    finding('CRIT_ONE', 'critical', 0.6, {
      alsoPossible: ['OTHER_CODE'],
      fix: {
        title: 'Use the corrected link',
        steps: ['Open it.'],
        action: { kind: 'open-url', url: 'https://trakt.tv/oauth/authorize?x=1', label: 'Corrected sign-in link' },
      },
    }),
    finding('WARN_HIGH', 'warning', 0.9, { explanation: 'two\nlines' }),
  ],
  untested: [{ check: 'token.stremio', reason: 'no Stremio credentials were given' }],
});

describe('renderSummaryMarkdown', () => {
  it('ranks findings by severity, then confidence', () => {
    expect(rankFindings(report.findings).map((f) => f.problem)).toEqual([
      'CRIT_ONE',
      'WARN_HIGH',
      'WARN_LOW',
      'INFO_ONE',
    ]);
    const md = renderSummaryMarkdown(report);
    const positions = ['CRIT_ONE title', 'WARN_HIGH title', 'WARN_LOW title', 'INFO_ONE title'].map((t) =>
      md.indexOf(t),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(md).toContain('### 1. CRIT_ONE title');
    expect(md).toContain('4 findings (1 critical)');
  });

  it('shows evidence, fix steps and the fix action link', () => {
    const md = renderSummaryMarkdown(report);
    expect(md).toContain('- evidence of CRIT_ONE');
    expect(md).toContain('- Also possible: `OTHER_CODE`');
    expect(md).toContain(
      'Fix — Use the corrected link:\n1. Open it.\n2. Corrected sign-in link: <https://trakt.tv/oauth/authorize?x=1>',
    );
    expect(md).toContain('1. step one for WARN_LOW\n2. step two for WARN_LOW');
    expect(md).toContain('two lines');
  });

  it('lists what was not tested, per-step verdict counts, and the tool version', () => {
    const md = renderSummaryMarkdown(report);
    expect(md).toContain('### What could not be tested');
    // One line per reason (the root check's own summary), then what it held back, by step.
    expect(md).toContain('- no credentials\n  - Token: Token');
    expect(md).toContain('- Connectivity: 1 FAIL, 1 pass');
    expect(md).toContain('- Token: 1 skipped');
    expect(md).toContain('stremio-trakt-doctor 1.2.3');
  });

  it('says so when nothing was found', () => {
    const md = renderSummaryMarkdown({ ...report, findings: [], untested: [] });
    expect(md).toContain('No problems found.');
    expect(md).toContain('Everything asked for was tested.');
    expect(md).not.toContain('### 1.');
  });

  it('escapes Markdown and HTML in network-controlled text (a captive portal Location cannot plant a link, image or markup)', () => {
    const location =
      'http://10.0.0.1/login)[Sign in again](https://evil.example/phish) ![x](https://evil.example/t.png) <img src=x onerror=alert(1)> **urgent** `code` | a | ~~gone~~ _em_ \\';
    // A code this build does not ship (a report replayed from a newer one) keeps the report's own texts.
    const hostile = finding('CAPTIVE_PORTAL_FROM_A_NEWER_BUILD', 'critical', 0.9, {
      title: `Portal at ${location}`,
      evidence: [`GET http://connectivity-check → 302 Location: ${location}`],
      fix: { title: 'Sign in', steps: [`Open ${location}`] },
    });
    const md = renderSummaryMarkdown({
      ...report,
      findings: [hostile],
      untested: [{ check: 'x.y', reason: location }],
    });
    // Parsed as a forum parses it (markdown-it with linkify, as Discourse): no link, image, HTML or strike-through.
    const tokens = new MarkdownIt({ html: true, linkify: true })
      .parse(md, {})
      .flatMap((t) => [t, ...(t.children ?? [])]);
    const planted = tokens.filter((t) =>
      ['link_open', 'image', 'html_inline', 'html_block', 's_open'].includes(t.type),
    );
    expect(planted.map((t) => `${t.type} ${t.attrGet('href') ?? t.attrGet('src') ?? t.content}`)).toEqual([]);
    // Backslash escapes for markup, code spans for address-like words (issue 20 N6).
    const escaped =
      '`http://10.0.0.1/login)[Sign` in `again](https://evil.example/phish)` `![x](https://evil.example/t.png)` \\<img src=x onerror=alert(1)\\> \\*\\*urgent\\*\\* \\`code\\` \\| a \\| \\~\\~gone\\~\\~ \\_em\\_ \\\\';
    expect(md).toContain(`- GET \`http://connectivity-check\` → 302 Location: ${escaped}`);
    expect(md).toContain(`### 1. Portal at ${escaped}`);
    expect(md).toContain(`1. Open ${escaped}`);
    expect(md).toContain(`- ${escaped}\n  - x.y`);
    // Words joined by underscores (problem codes, user names) stay readable: no emphasis can start inside a word.
    expect(renderSummaryMarkdown(report)).toContain('- evidence of CRIT_ONE');
  });

  it('keeps a fix link inside its angle brackets even when the address holds one', () => {
    const linked = finding('WRONG_HOST', 'critical', 0.9, {
      fix: { title: 'Use it', steps: [], action: { kind: 'open-url', url: 'https://trakt.tv/a>b<c d', label: 'Link' } },
    });
    const md = renderSummaryMarkdown({ ...report, findings: [linked] });
    expect(md).toContain('1. Link: <https://trakt.tv/a%3Eb%3Cc%20d>');
  });
});

describe('renderSummaryMarkdown in another language (docs/i18n.md)', () => {
  it('says every heading and label in French, numbers, dates and durations the French way', async () => {
    const md = renderSummaryMarkdown(report, await createTranslator('fr'));
    expect(md).toContain('## Stremio Trakt Doctor — résumé');
    // The count of critical findings has its own plural (docs/i18n.md "Glossary").
    expect(md).toContain('4 constats (1 critique), les plus importants d’abord.');
    expect(md).toContain('**Problème** · `CRIT_ONE` · confiance 60\u00a0%');
    expect(md).toContain('Éléments constatés :\n- evidence of CRIT_ONE');
    expect(md).toContain('- Également possible : `OTHER_CODE`');
    expect(md).toContain('Solution — Use the corrected link :\n1. Open it.');
    expect(md).toContain('### Vérifications');
    expect(md).toContain('- Connexion : 1 problème, 1 réussie');
    expect(md).toContain('- Jeton : 1 ignorée');
    expect(md).toContain('### Ce qui n’a pas pu être testé');
    expect(md).toMatch(/exécution du 25 nov\. 2026, 09:00:00 UTC · 1,2\ss · étapes : connectivity, token_/);
    for (const english of ['Evidence:', 'Fix —', 'confidence', 'What could not be tested', 'most important first'])
      expect(md).not.toContain(english);
  });

  it('says a known problem by its code, a step to re-run by its name, and a date of a known incident', async () => {
    const tr = await createTranslator('de');
    const md = renderSummaryMarkdown(
      {
        ...report,
        findings: [
          finding('RERUN_ME', 'warning', 0.5, {
            fix: { title: 'Again', steps: [], action: { kind: 'rerun-step', step: 'revoked' } },
            incident: { id: 'trakt-2026', title: 'Trakt is down', since: '2026-07-23', links: ['https://x.example/1'] },
          }),
        ],
      },
      tr,
    );
    expect(md).toContain('1. Führen Sie den Schritt „Entzogener Zugriff“ erneut aus.');
    expect(md).toContain('Bekanntes Problem seit 23.07.2026 — Störung `trakt-2026`: Trakt is down');
    expect(md).toContain('- Quelle: <https://x.example/1>');
    expect(md).toContain('Bekannte Störungen: `trakt-2026`.');
  });

  it('takes finding texts from the problems catalog of its language when the code has them', async () => {
    const tr = await createTranslator('es');
    tr.i18n.addResourceBundle('es', 'problems', {
      CRIT_ONE: { title: 'Título en español', explanation: 'Explicación.', fix: { title: 'Arreglo', steps: ['Uno.'] } },
    });
    const md = renderSummaryMarkdown(report, tr);
    expect(md).toContain('### 1. Título en español');
    expect(md).toContain('Solución — Arreglo:\n1. Uno.\n2. Corrected sign-in link:');
  });
});
