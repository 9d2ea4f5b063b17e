import type { Finding, Report, Verdict } from '../../../shared/report';
import { signInChainOf } from '../../../shared/check-details/sign-in-chain';
import { hopText, chainEndText } from '../../../shared/i18n/sign-in-chain-text';
import { STEP_NAMES } from '../../../shared/steps';
import { VERDICTS } from '../../../shared/verdicts';
import { matchedIncidentIds } from '../../../shared/incident-text';
import { englishTranslator, type Translator } from '../../../shared/i18n/translator';
import { checkSummaryText, checkTitleText } from '../../../shared/i18n/report-text';
import { untestedGroups, untestedItems, untestedReasonText, type UntestedGroup } from '../../../shared/untested-groups';
import { cliFixText } from './cli-fix';

// The CLI's text output in the CLI's language (docs/i18n.md "CLI and report texts"): the verdict first (the most
// likely cause and what to do), each tested check once in aligned columns, the other findings, then what was not
// tested grouped by reason with one action per group. Its own lines come from the `cli` namespace; check titles,
// summaries and findings are said again by key.

/** A verdict's short mark (`PASS`, `FAIL`, …) in `tr`'s language. */
function mark(verdict: Verdict, tr: Translator): string {
  return tr.t(`cli:mark.${verdict}`);
}

/** The widest mark in `tr`'s language, so columns line up whatever the verdicts. */
function markWidth(tr: Translator): number {
  return Math.max(...VERDICTS.map((v) => [...mark(v, tr)].length));
}

/** `text` padded with spaces to `width` characters (code points, so "↔" counts as one). */
function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

/** One progress line for stderr as a check finishes, marks padded to the widest in `tr`'s language. */
export function progressLine(result: Report['checks'][number], tr: Translator = englishTranslator()): string {
  const line = tr.t('cli:progress', { id: result.id, ms: result.durationMs, summary: checkSummaryText(result, tr) });
  return `${pad(mark(result.verdict, tr), markWidth(tr))} ${line}`;
}

/** Titles wider than this do not widen the column: their summary follows after two spaces. */
const TITLE_COLUMN_MAX = 36;

/** Lines of the report, with the fix steps already printed (a later finding points back instead of repeating). */
class Lines {
  readonly out: string[] = [];
  private readonly steps = new Map<string, { finding: number; step: number }>();

  push(...lines: string[]): void {
    this.out.push(...lines);
  }

  /** A fix's numbered steps; a step an earlier finding already listed says where instead. */
  fixSteps(steps: readonly string[], finding: number, indent: string, tr: Translator): void {
    steps.forEach((step, i) => {
      const earlier = this.steps.get(step);
      if (earlier) {
        this.push(`${indent}${i + 1}) ${tr.t('cli:report.asAbove', earlier)}`);
        return;
      }
      this.steps.set(step, { finding, step: i + 1 });
      this.push(`${indent}${i + 1}) ${step}`);
    });
  }
}

/** The readable text report: verdict, tested checks by step, other findings, what was not tested and why. */
export function renderTextReport(report: Report, tr: Translator = englishTranslator()): string {
  const lines = new Lines();
  lines.push(
    tr.t('cli:report.heading', {
      version: report.tool.version,
      startedAt: Date.parse(report.startedAt),
      ms: report.durationMs,
    }),
  );
  // A finding a closed-loop check confirmed fixed is never the verdict (docs/architecture.md "Confirming a fix").
  const top = report.findings.find((f) => !f.resolution);
  const others = report.findings.filter((f) => f !== top);
  verdict(lines, report, top, tr);
  checks(lines, report, tr);
  if (others.length > 0) {
    lines.push('', tr.t('cli:report.otherFindings', { count: others.length }));
    others.forEach((finding, i) => otherFinding(lines, report, finding, i + (top ? 2 : 1), tr));
  }
  untested(lines, report, tr);
  return `${lines.out.join('\n')}\n`;
}

/** The first line after the heading: the most likely cause and what to do, then that fix in full. */
function verdict(lines: Lines, report: Report, top: Finding | undefined, tr: Translator): void {
  if (!top) {
    const fixed = report.findings.length;
    if (fixed > 0) lines.push(tr.t('cli:report.verdict.fixed', { count: fixed }));
    else lines.push(tr.t(report.untested.length === 0 ? 'cli:report.noProblems' : 'cli:report.verdict.none'));
    return;
  }
  const text = cliFixText(top, tr);
  const kind = top.severity === 'info' ? 'cli:report.verdict.info' : 'cli:report.verdict.cause';
  lines.push(tr.t(kind, { title: text.title, fix: text.fix.title }));
  // The code and confidence, for a support reply or a forum search (the title is already said).
  const severity = tr.t(`common:severity.${top.severity}`).toLocaleUpperCase(tr.locale);
  lines.push(`   ${tr.t('cli:report.code', { severity, code: top.problem, confidence: top.confidence })}`);
  const incidents = matchedIncidentIds(report.findings);
  if (incidents.length > 0) lines.push(tr.t('cli:report.knownIncidents', { ids: incidents.join(', ') }));
  lines.push(`   ${text.explanation}`);
  findingBody(lines, top, text, 1, '   ', tr);
}

/** A finding after the first: its heading line, explanation, evidence and fix. */
function otherFinding(lines: Lines, report: Report, finding: Finding, number: number, tr: Translator): void {
  const text = cliFixText(finding, tr);
  const severity = tr.t(`common:severity.${finding.severity}`).toLocaleUpperCase(tr.locale);
  lines.push(
    '',
    `${number}. [${severity}] ${tr.t('cli:report.finding', { title: text.title, code: finding.problem, confidence: finding.confidence })}`,
  );
  if (finding.resolution) lines.push(`   ${resolvedLine(finding.resolution, report, tr)}`);
  lines.push(`   ${text.explanation}`);
  lines.push(`   ${tr.t('cli:report.fix', { title: text.fix.title })}`);
  findingBody(lines, finding, text, number, '   ', tr);
}

/** "fixed, confirmed at 21:14 by Re-link watch": when and by which check a fix was seen to work. */
function resolvedLine(resolution: NonNullable<Finding['resolution']>, report: Report, tr: Translator): string {
  const by = report.checks.find((c) => c.id === resolution.by);
  return tr.t('cli:report.resolved', {
    at: Date.parse(resolution.confirmedAt),
    check: by ? checkTitleText(by, tr) : resolution.by,
  });
}

/** A finding's fix steps and link, its known incident, its evidence. */
function findingBody(
  lines: Lines,
  finding: Finding,
  text: ReturnType<typeof cliFixText>,
  number: number,
  indent: string,
  tr: Translator,
): void {
  lines.fixSteps(text.fix.steps, number, `${indent}  `, tr);
  const action = text.fix.action;
  if (action?.kind === 'open-url')
    lines.push(
      `${indent}  → ${tr.t('cli:report.labelled', { label: action.label ?? tr.t('cli:report.open'), text: action.url })}`,
    );
  if (finding.incident) {
    const since = Date.parse(finding.incident.since);
    lines.push(
      `${indent}${tr.t('cli:report.incident', {
        since: Number.isFinite(since)
          ? tr.t('cli:report.knownSince', { date: since })
          : tr.t('cli:report.knownSinceText', { date: finding.incident.since }),
        id: finding.incident.id,
        title: finding.incident.title,
      })}`,
    );
    for (const link of finding.incident.links) lines.push(`${indent}- ${tr.t('cli:report.source', { link })}`);
  }
  for (const e of finding.evidence) lines.push(`${indent}- ${tr.t('cli:report.seen', { evidence: e })}`);
  if (finding.alsoPossible?.length)
    lines.push(`${indent}- ${tr.t('cli:report.alsoPossible', { codes: finding.alsoPossible.join(', ') })}`);
}

/** Every check that ran, by step, in aligned columns (mark, title, summary); a sign-in chain hop by hop. */
function checks(lines: Lines, report: Report, tr: Translator): void {
  const untested = new Set(report.untested.map((u) => u.check));
  const tested = report.checks.filter((c) => !untested.has(c.id));
  const titleWidth = Math.min(TITLE_COLUMN_MAX, Math.max(0, ...tested.map((c) => [...checkTitleText(c, tr)].length)));
  // The marks that can stand in a row (a skip never does: it is said under "Not tested").
  const marks = Math.max(0, ...tested.map((c) => [...mark(c.verdict, tr)].length));
  for (const step of STEP_NAMES) {
    const own = tested.filter((c) => c.step === step);
    if (own.length === 0) continue;
    lines.push('', tr.t(`common:step.${step}`));
    for (const c of own) {
      lines.push(
        `  ${pad(mark(c.verdict, tr), marks)}  ${pad(checkTitleText(c, tr), titleWidth)}  ${checkSummaryText(c, tr)}`,
      );
      const chain = signInChainOf(c.details);
      if (!chain) continue;
      const indent = ' '.repeat(2 + marks + 2);
      chain.hops.forEach((hop, i) => lines.push(`${indent}${hopText(hop, i, tr)}`));
      lines.push(`${indent}${tr.t('cli:hop.end', { end: chainEndText(chain, tr) })}`);
    }
  }
}

/** What was not tested, one group per reason: the reason once, the one thing to do, the checks it held back. */
function untested(lines: Lines, report: Report, tr: Translator): void {
  const groups = untestedGroups(report);
  if (groups.length === 0) return;
  lines.push('', tr.t('cli:report.notTested', { count: report.untested.length }));
  for (const group of groups) {
    lines.push(`  • ${untestedReasonText(group, tr)}`);
    const action = untestedAction(group, report, tr);
    if (action) lines.push(`    → ${action}`);
    for (const item of untestedItems(group, tr)) lines.push(`    ${item}`);
  }
}

/**
 * The one thing a command-line user does about a group, when the report has not said it already: a reason
 * whose own check raised a finding (not signed in) has that finding's fix above.
 */
function untestedAction(group: UntestedGroup, report: Report, tr: Translator): string | null {
  if (group.kind === 'steps') return tr.t('cli:untested.steps');
  if (group.kind === 'other') return null;
  const root = group.root;
  if (report.findings.some((f) => f.checks?.includes(root.id))) return null;
  const key = root.message ? UNTESTED_ACTIONS[root.message.key] : undefined;
  return key ? tr.t(key) : null;
}

/** The CLI's action for a skip, by the skip's own sentence. */
const UNTESTED_ACTIONS: Readonly<Record<string, 'cli:untested.signIn' | 'cli:untested.authUrl'>> = {
  'checks-token:stremio-account.noCredentials': 'cli:untested.signIn',
  'checks-token:pasted-url.noAddress': 'cli:untested.authUrl',
};
