import { PROBLEMS, isProblemCode, problemVariants, type ProblemInfo } from '../../shared/problems';
import { findingText } from '../../shared/i18n/report-text';
import { englishTranslator } from '../../shared/i18n/translator';
import type { FixAction } from '../../shared/report';
import { SEVERITIES } from '../../shared/severity';
import { STEP_NAMES, STEP_TITLES } from '../../shared/steps';

// docs/problems.md is generated from shared/problems.ts so the catalog has one source: the words the
// user reads in the wizard are the words support reads here. `npm run docs:problems` writes it;
// tests/unit/problems-doc.test.ts fails while the file on disk differs from what this renders.

/** The path of the generated file, relative to the repository root. */
export const PROBLEMS_DOC_PATH = 'docs/problems.md';

/** Renders docs/problems.md from the catalog: an index, then every code under its step, in catalog order. */
export function renderProblemsDoc(problems: Readonly<Record<string, ProblemInfo>> = PROBLEMS): string {
  const entries = Object.entries(problems);
  const lines = [
    '# Problems',
    '',
    '<!-- Generated from shared/problems.ts by `npm run docs:problems`. Do not edit by hand. -->',
    '',
    'Every problem code a check can report, with the words the user reads and the fix the wizard offers.',
    'Codes are stable once shipped: add, never rename or reuse. A finding carries one code; a check that',
    'sees an observation which could mean another code too names it as "also possible", never both as',
    'certain. A check may raise a code above its default severity (e.g. `CLOCK_SKEW` beyond 5 minutes).',
    '',
    `Severities, most severe first: ${SEVERITIES.map((s) => `\`${s}\``).join(', ')}.`,
    '',
    'The closed loop (docs/architecture.md "Confirming a fix"): a finding an interactive check saw fixed carries',
    '`resolution: {confirmedAt, by}` ("fixed, confirmed at HH:MM") and no longer counts as critical for the exit',
    'status. The fixes of `TRAKT_LINK_NOT_RENEWED` and `SCROBBLE_NOT_SEEN_LIVE` list their steps in a default',
    'order below; a finding lists them as its check ranked them from what the other checks found: a cause another',
    'check supports first, one it ruled out left out.',
    '',
    '| Code | Step | Severity | Title |',
    '| ---- | ---- | -------- | ----- |',
    ...entries.map(
      ([code, info]) =>
        `| [\`${code}\`](#${anchor(code)}) | ${STEP_TITLES[info.step]} | ${info.severity} | ${cell(info.title)} |`,
    ),
  ];
  for (const step of STEP_NAMES) {
    const ofStep = entries.filter(([, info]) => info.step === step);
    if (ofStep.length === 0) continue;
    lines.push('', `## ${STEP_TITLES[step]}`);
    for (const [code, info] of ofStep) lines.push('', ...renderProblem(code, info));
  }
  return `${lines.join('\n')}\n`;
}

function renderProblem(code: string, info: ProblemInfo): string[] {
  const lines = [
    `### ${code}`,
    '',
    `**${info.title}** (${info.severity})`,
    '',
    info.explanation,
    '',
    `Fix: **${info.fix.title}**`,
  ];
  if (info.fix.steps.length > 0) lines.push('', ...info.fix.steps.map((step, i) => `${i + 1}. ${step}`));
  if (info.fix.action) lines.push('', `One-click action: ${describeAction(info.fix.action)}.`);
  return [...lines, ...renderVariants(code, info)];
}

/** The other wordings a code's evidence can choose (shared/problems.ts `variants`), each as far as it differs. */
function renderVariants(code: string, info: ProblemInfo): string[] {
  if (!isProblemCode(code)) return [];
  return problemVariants(code).flatMap((variant) => {
    const finding = {
      problem: code,
      title: info.title,
      explanation: info.explanation,
      severity: info.severity,
      confidence: 1,
      evidence: ['-'],
      fix: info.fix,
      variant,
    };
    const said = findingText(finding, englishTranslator());
    const lines = ['', `When the evidence calls for the \`${variant}\` wording:`];
    if (said.title !== info.title) lines.push('', `**${said.title}**`);
    if (said.explanation !== info.explanation) lines.push('', said.explanation);
    if (said.fix.title !== info.fix.title || said.fix.steps.join() !== info.fix.steps.join()) {
      lines.push('', `Fix: **${said.fix.title}**`);
      lines.push('', ...said.fix.steps.map((step, i) => `${i + 1}. ${step}`));
    }
    return lines;
  });
}

function describeAction(action: FixAction): string {
  if (action.kind === 'open-url') return `open [${action.label ?? action.url}](${action.url})`;
  return `re-run the ${STEP_TITLES[action.step]} step`;
}

/** GitHub's heading anchor for a code heading (lower case; underscores kept). */
function anchor(code: string): string {
  return code.toLowerCase();
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}
