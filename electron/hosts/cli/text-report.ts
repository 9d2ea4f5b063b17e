import type { Report, Verdict } from '../../../shared/report';
import { signInChainOf, type SignInHop } from '../../../shared/check-details/sign-in-chain';
import { STEP_NAMES } from '../../../shared/steps';
import { VERDICTS } from '../../../shared/verdicts';
import { matchedIncidentIds } from '../../../shared/incident-text';
import { englishTranslator, type Translator } from '../../../shared/i18n/translator';
import { checkSummaryText, checkTitleText, findingText } from '../../../shared/i18n/report-text';

// The CLI's text output in the CLI's language (docs/i18n.md): its own lines from the `cli` namespace, check
// titles and summaries and findings said again by key (report-text), step names from `common`.

/** A verdict's short mark (`PASS`, `FAIL`, …) in `tr`'s language. */
function mark(verdict: Verdict, tr: Translator): string {
  return tr.t(`cli:mark.${verdict}`);
}

/** One progress line for stderr as a check finishes, marks padded to the widest in `tr`'s language. */
export function progressLine(result: Report['checks'][number], tr: Translator = englishTranslator()): string {
  const width = Math.max(...VERDICTS.map((v) => mark(v, tr).length));
  const line = tr.t('cli:progress', { id: result.id, ms: result.durationMs, summary: checkSummaryText(result, tr) });
  return `${mark(result.verdict, tr).padEnd(width)} ${line}`;
}

/** One hop of the sign-in chain: host and path, status, time, and what it changed (engine text). */
function hopText(hop: SignInHop, index: number, tr: Translator): string {
  const status =
    hop.status === null ? tr.t(hop.page === 'no-answer' ? 'cli:hop.noAnswer' : 'cli:hop.notRequested') : hop.status;
  const timing = hop.ms === null ? '' : ` ${tr.t('cli:hop.time', { ms: hop.ms })}`;
  const change = hop.change ? ` — ${hop.change}` : '';
  return `${index + 1}. ${hop.host}${hop.path} → ${status}${timing}${change}`;
}

/** The readable text report: checks by step, then findings with their fixes, then what was not tested. */
export function renderTextReport(report: Report, tr: Translator = englishTranslator()): string {
  const out: string[] = [
    tr.t('cli:report.heading', {
      version: report.tool.version,
      startedAt: Date.parse(report.startedAt),
      ms: report.durationMs,
    }),
    '',
  ];
  for (const step of STEP_NAMES) {
    const checks = report.checks.filter((c) => c.step === step);
    if (checks.length === 0) continue;
    out.push(tr.t(`common:step.${step}`));
    for (const c of checks) {
      const line = tr.t('cli:report.labelled', { label: checkTitleText(c, tr), text: checkSummaryText(c, tr) });
      out.push(`  [${mark(c.verdict, tr)}] ${line}`);
      // The Token step's sign-in chain, hop by hop (host, status, what changed).
      const chain = signInChainOf(c.details);
      if (chain) {
        chain.hops.forEach((hop, i) => out.push(`      ${hopText(hop, i, tr)}`));
        out.push(`      ${tr.t('cli:hop.end', { end: chain.end })}`);
      }
    }
    out.push('');
  }
  if (report.findings.length === 0) {
    out.push(tr.t('cli:report.noProblems'));
  } else {
    out.push(tr.t('cli:report.findings', { count: report.findings.length }));
    const incidents = matchedIncidentIds(report.findings);
    if (incidents.length > 0) out.push(tr.t('cli:report.knownIncidents', { ids: incidents.join(', ') }));
    report.findings.forEach((f, i) => {
      const text = findingText(f, tr);
      const severity = tr.t(`common:severity.${f.severity}`).toLocaleUpperCase(tr.locale);
      out.push(
        '',
        `${i + 1}. [${severity}] ${tr.t('cli:report.finding', { title: text.title, code: f.problem, confidence: f.confidence })}`,
      );
      if (f.resolution)
        out.push(
          `   ${tr.t('cli:report.resolved', { at: Date.parse(f.resolution.confirmedAt), check: f.resolution.by })}`,
        );
      out.push(`   ${text.explanation}`);
      if (f.incident) {
        const since = Date.parse(f.incident.since);
        out.push(
          `   ${tr.t('cli:report.incident', {
            since: Number.isFinite(since)
              ? tr.t('cli:report.knownSince', { date: since })
              : tr.t('cli:report.knownSinceText', { date: f.incident.since }),
            id: f.incident.id,
            title: f.incident.title,
          })}`,
        );
        for (const link of f.incident.links) out.push(`   - ${tr.t('cli:report.source', { link })}`);
      }
      for (const e of f.evidence) out.push(`   - ${tr.t('cli:report.seen', { evidence: e })}`);
      if (f.alsoPossible?.length)
        out.push(`   - ${tr.t('cli:report.alsoPossible', { codes: f.alsoPossible.join(', ') })}`);
      out.push(`   ${tr.t('cli:report.fix', { title: text.fix.title })}`);
      text.fix.steps.forEach((s, n) => out.push(`     ${n + 1}) ${s}`));
      const action = text.fix.action;
      if (action?.kind === 'open-url')
        out.push(
          `     → ${tr.t('cli:report.labelled', { label: action.label ?? tr.t('cli:report.open'), text: action.url })}`,
        );
    });
  }
  if (report.untested.length > 0) {
    out.push('', tr.t('cli:report.notTested'));
    for (const u of report.untested) out.push(`  - ${tr.t('cli:report.labelled', { label: u.check, text: u.reason })}`);
  }
  return `${out.join('\n')}\n`;
}
