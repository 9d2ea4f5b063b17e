import type { Report, Verdict } from './report';
import { VERDICTS } from './verdicts';
import { isOpenCritical, rankFindings } from './severity';
import { STEP_NAMES } from './steps';
import { matchedIncidentIds } from './incident-text';
import { englishTranslator, type Translator } from './i18n/translator';
import { msg } from './i18n/message';
import { checkTitleText, findingText } from './i18n/report-text';
import { signInChainOf } from './check-details/sign-in-chain';
import { chainEndText, hopText } from './i18n/sign-in-chain-text';
import { untestedGroups, untestedItems, untestedReasonText } from './untested-groups';
import { markdownCode, markdownLink, markdownText as inline } from './markdown-text';

// The Markdown a person reads first: the *Copy summary* button (docs/architecture.md "Findings") and the bundle's
// summary.md (docs/architecture.md "Bundle"). Pure and platform-free so the renderer and the engine share one renderer.
// Every heading and label comes from the `report` namespace, findings are said again by problem code (docs/i18n.md).
// Built from escaped parts only (markdown-text.ts): network text as `inline`, links as `markdownLink`, codes as code.

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
      : tr.t('report:findings', {
          count: report.findings.length,
          critical: msg('report:critical', { count: critical }),
        }),
    '',
  );
  const incidents = matchedIncidentIds(report.findings);
  if (incidents.length > 0)
    out.push(tr.t('report:knownIncidents', { ids: incidents.map(markdownCode).join(', ') }), '');
  rankFindings(report.findings).forEach((finding, i) => {
    const text = findingText(finding, tr);
    out.push(`### ${i + 1}. ${inline(text.title)}`, '');
    out.push(
      `**${tr.t(`common:severity.${finding.severity}`)}** · ${markdownCode(finding.problem)} · ${tr.t('report:confidence', { confidence: finding.confidence })}`,
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
          id: markdownCode(finding.incident.id),
          title: inline(finding.incident.title),
        }),
      );
      for (const link of finding.incident.links) out.push(`- ${tr.t('report:source', { link: markdownLink(link) })}`);
      out.push('');
    }
    out.push(tr.t('report:evidence'));
    for (const e of finding.evidence) out.push(`- ${inline(e)}`);
    if (finding.alsoPossible?.length)
      out.push(`- ${tr.t('report:alsoPossible', { codes: finding.alsoPossible.map(markdownCode).join(', ') })}`);
    out.push('', tr.t('report:fix', { title: inline(text.fix.title) }));
    text.fix.steps.forEach((step, n) => out.push(`${n + 1}. ${inline(step)}`));
    const action = text.fix.action;
    if (action?.kind === 'open-url')
      out.push(
        `${text.fix.steps.length + 1}. ${tr.t('report:action', { label: inline(action.label ?? tr.t('report:open')), url: markdownLink(action.url) })}`,
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
  out.push(...signInChains(report, tr));
  out.push('', `### ${tr.t('report:untested')}`, '');
  if (report.untested.length === 0) out.push(tr.t('report:allTested'));
  // One line per reason (docs/i18n.md "CLI and report texts"): the reason once, then the checks it held back.
  for (const group of untestedGroups(report)) {
    out.push(`- ${inline(untestedReasonText(group, tr))}`);
    for (const item of untestedItems(group, tr)) out.push(`  - ${inline(item)}`);
  }
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

/** The Token step's sign-in chains hop by hop, in `tr`'s language (what each hop changed, how it ended). */
function signInChains(report: Report, tr: Translator): string[] {
  const out: string[] = [];
  for (const check of report.checks) {
    const chain = signInChainOf(check.details);
    if (!chain || chain.hops.length === 0) continue;
    out.push('', `### ${inline(checkTitleText(check, tr))}`, '');
    chain.hops.forEach((hop, i) => out.push(`${i + 1}. ${inline(hopText(hop, i, tr).replace(/^\d+\. /, ''))}`));
    out.push('', inline(tr.t('report:chainEnds', { end: chainEndText(chain, tr) })));
  }
  return out;
}

/** "1 FAIL, 2 pass": each verdict that occurs, worst first, with its count in `tr`'s language. */
function countVerdicts(verdicts: readonly Verdict[], tr: Translator): string {
  return VERDICTS.map((v) => [v, verdicts.filter((x) => x === v).length] as const)
    .filter(([, n]) => n > 0)
    .map(([v, count]) => tr.t(`report:verdictCount.${v}`, { count }))
    .join(', ');
}
