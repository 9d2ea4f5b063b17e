import type { Report, Verdict } from './report';
import { VERDICTS } from './verdicts';
import { isOpenCritical, rankFindings } from './severity';
import { STEP_NAMES } from './steps';
import { matchedIncidentIds } from './incident-text';
import { englishTranslator, type Translator } from './i18n/translator';
import { findingText } from './i18n/report-text';

// The Markdown a person reads first: the *Copy summary* button (docs/architecture.md "Findings") and the bundle's
// summary.md (docs/architecture.md "Bundle"). Pure and platform-free so the renderer and the engine share one renderer.
// Every heading and label comes from the `report` namespace, findings are said again by problem code (docs/i18n.md).

/**
 * Renders a report as Markdown for a forum post in `tr`'s language: ranked findings with evidence and fix,
 * what was not tested, the tool version. English by default.
 */
export function renderSummaryMarkdown(report: Report, tr: Translator = englishTranslator()): string {
  const out: string[] = [`## ${tr.t('report:title')}`, ''];
  // Critical findings a closed-loop check confirmed fixed no longer count (docs/architecture.md "Confirming a fix").
  const critical = report.findings.filter(isOpenCritical).length;
  out.push(
    report.findings.length === 0
      ? tr.t('report:noProblems')
      : tr.t('report:findings', { count: report.findings.length, critical }),
    '',
  );
  const incidents = matchedIncidentIds(report.findings);
  if (incidents.length > 0)
    out.push(tr.t('report:knownIncidents', { ids: incidents.map((id) => `\`${id}\``).join(', ') }), '');
  rankFindings(report.findings).forEach((finding, i) => {
    const text = findingText(finding, tr);
    out.push(`### ${i + 1}. ${inline(text.title)}`, '');
    out.push(
      `**${tr.t(`common:severity.${finding.severity}`)}** · \`${finding.problem}\` · ${tr.t('report:confidence', { confidence: finding.confidence })}`,
      '',
    );
    if (finding.resolution)
      out.push(
        tr.t('report:resolved', { at: Date.parse(finding.resolution.confirmedAt), check: finding.resolution.by }),
        '',
      );
    out.push(inline(text.explanation), '');
    if (finding.incident) {
      const since = Date.parse(finding.incident.since);
      out.push(
        tr.t('report:incident', {
          since: Number.isFinite(since)
            ? tr.t('report:knownSince', { date: since })
            : tr.t('report:knownSinceText', { date: finding.incident.since }),
          id: `\`${finding.incident.id}\``,
          title: inline(finding.incident.title),
        }),
      );
      for (const link of finding.incident.links) out.push(`- ${tr.t('report:source', { link: `<${link}>` })}`);
      out.push('');
    }
    out.push(tr.t('report:evidence'));
    for (const e of finding.evidence) out.push(`- ${inline(e)}`);
    if (finding.alsoPossible?.length)
      out.push(`- ${tr.t('report:alsoPossible', { codes: finding.alsoPossible.map((p) => `\`${p}\``).join(', ') })}`);
    out.push('', tr.t('report:fix', { title: inline(text.fix.title) }));
    text.fix.steps.forEach((step, n) => out.push(`${n + 1}. ${inline(step)}`));
    const action = text.fix.action;
    if (action?.kind === 'open-url')
      out.push(
        `${text.fix.steps.length + 1}. ${tr.t('report:action', { label: inline(action.label ?? tr.t('report:open')), url: `<${autolinkSafe(action.url)}>` })}`,
      );
    if (action?.kind === 'rerun-step')
      out.push(`${text.fix.steps.length + 1}. ${tr.t('report:rerun', { step: tr.t(`common:step.${action.step}`) })}`);
    out.push('');
  });
  out.push(`### ${tr.t('report:checks')}`, '');
  for (const step of STEP_NAMES) {
    const checks = report.checks.filter((c) => c.step === step);
    if (checks.length === 0) continue;
    const counts = countVerdicts(
      checks.map((c) => c.verdict),
      tr,
    );
    out.push(`- ${tr.t('report:labelled', { label: tr.t(`common:step.${step}`), text: counts })}`);
  }
  if (report.checks.length === 0) out.push(`- ${tr.t('report:noChecks')}`);
  out.push('', `### ${tr.t('report:untested')}`, '');
  if (report.untested.length === 0) out.push(tr.t('report:allTested'));
  for (const u of report.untested)
    out.push(`- ${tr.t('report:labelled', { label: `\`${u.check}\``, text: inline(u.reason) })}`);
  out.push(
    '',
    `_${tr.t('report:footer', {
      tool: report.tool.name,
      version: report.tool.version,
      startedAt: Date.parse(report.startedAt),
      ms: report.durationMs,
      steps: report.steps.join(', ') || tr.t('report:noSteps'),
    })}_`,
  );
  return `${out.join('\n')}\n`;
}

/** "1 FAIL, 2 pass": each verdict that occurs, worst first, with its count in `tr`'s language. */
function countVerdicts(verdicts: readonly Verdict[], tr: Translator): string {
  return VERDICTS.map((v) => [v, verdicts.filter((x) => x === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, count]) => tr.t(`report:verdictCount.${v}`, { count }))
    .join(', ');
}

/** Characters that start Markdown or HTML markup inside a line (links, images, emphasis, code, tables, tags). */
const MARKUP = /[\\`*[\]<>|~]/g;
/** An underscore with a letter or digit on both sides cannot open emphasis, so `CRIT_ONE` stays as it is. */
const EMPHASIS_UNDERSCORE = /(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;

/**
 * One line of text, safe to paste into a forum post: newlines folded so a multi-line value cannot break
 * the list structure, and markup escaped because evidence carries network-controlled text (a captive
 * portal's `Location`, a server's error message) that must not plant a link, an image or HTML.
 */
function inline(text: string): string {
  return text
    .replace(/\s*\r?\n\s*/g, ' ')
    .trim()
    .replace(MARKUP, '\\$&')
    .replace(EMPHASIS_UNDERSCORE, '\\_');
}

/** An address inside `<…>` (a CommonMark autolink ends at `>` and may not hold `<` or spaces). */
function autolinkSafe(url: string): string {
  return url.replace(/[<>\s]/g, (c) => encodeURIComponent(c));
}
