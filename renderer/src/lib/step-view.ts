import type { CheckResult, Finding, Report } from '../../../shared/report';
import { SEVERITY_RANK } from '../../../shared/severity';
import { worstVerdict } from '../../../shared/verdicts';
import type { StepName } from '../../../shared/steps';
import type { CheckRow } from '../store/step-run';
import { needsSignIn } from './skip-reasons';
import { CONNECTIVITY_CHECK_IDS, SCROBBLING_CHECK_IDS, TOKEN_CHECK_IDS } from '../../../shared/check-details/check-ids';
import { REVOKED_CHECK_IDS } from '../../../shared/check-details/revoked';

/** A finished row. */
export type DoneRow = Extract<CheckRow, { state: 'done' }>;

/**
 * Findings no step page shows as a card: "No Stremio account" is said once, as the line "N checks need your
 * Stremio sign-in" (and on the Token step by its sign-in path).
 */
export const SAID_AS_SIGN_IN_LINE: ReadonlySet<string> = new Set(['STREMIO_NOT_SIGNED_IN']);

/**
 * The check whose summary is a step's one outcome when the step has nothing to report (its verdict on the
 * whole step); a step not listed uses its first passed check.
 */
const HEADLINE_CHECKS: Partial<Readonly<Record<StepName, string>>> = {
  connectivity: CONNECTIVITY_CHECK_IDS.summary,
  token: TOKEN_CHECK_IDS.traktToken,
  revoked: REVOKED_CHECK_IDS.usersSettings,
  scrobbling: SCROBBLING_CHECK_IDS.comparison,
};

/**
 * Checks that only roll up the step's other checks ("3 of 5 hosts have a problem: … The findings say why."): the
 * text report needs that line, but on a page that shows the findings it would say them a second time.
 */
const ROLL_UP_CHECKS: ReadonlySet<string> = new Set([CONNECTIVITY_CHECK_IDS.summary]);

/** What a step's page shows, each fact once (docs/architecture.md "Surfaces"). */
export interface StepView {
  /** The findings shown as cards. */
  readonly findings: readonly Finding[];
  /** Rows that need attention and that no finding card already explains (a warning without a problem code). */
  readonly attention: readonly DoneRow[];
  /** When the step has nothing to report: the passed row whose summary is the page's one outcome. */
  readonly headline: DoneRow | null;
  /** Passed rows other than the headline: folded into one line. */
  readonly passed: readonly DoneRow[];
  /** Rows waiting for the Stremio sign-in: one line, one action. */
  readonly signIn: readonly DoneRow[];
  /** Rows skipped for any other reason: folded into one line. */
  readonly skipped: readonly DoneRow[];
  /** Rows still running. */
  readonly running: readonly CheckRow[];
}

const isDone = (row: CheckRow): row is DoneRow => row.state === 'done';

/** True when a finding card says what the row found: it names the row, or every problem the row raised. */
function explains(findings: readonly Finding[], result: CheckResult): boolean {
  return findings.some(
    (f) => f.checks?.includes(result.id) || (result.problems.length > 0 && result.problems.includes(f.problem)),
  );
}

/** Sorts a step's rows and findings into what its page shows: one outcome, the rest folded. */
export function stepView(step: StepName, rows: readonly CheckRow[], findings: readonly Finding[]): StepView {
  const cards = findings.filter((f) => !SAID_AS_SIGN_IN_LINE.has(f.problem));
  const done = rows.filter(isDone);
  const attention = done.filter(
    (r) =>
      ['fail', 'warn', 'error'].includes(r.result.verdict) &&
      !explains(findings, r.result) &&
      !(cards.length > 0 && ROLL_UP_CHECKS.has(r.id)),
  );
  const passedRows = done.filter((r) => r.result.verdict === 'pass');
  const quiet = cards.length === 0 && attention.length === 0;
  const preferred = HEADLINE_CHECKS[step];
  const headline = quiet ? (passedRows.find((r) => r.id === preferred) ?? passedRows[0] ?? null) : null;
  return {
    findings: cards,
    attention,
    headline,
    passed: passedRows.filter((r) => r !== headline),
    signIn: done.filter((r) => needsSignIn(r.result)),
    skipped: done.filter((r) => r.result.verdict === 'skipped' && !needsSignIn(r.result)),
    running: rows.filter((r) => !isDone(r)),
  };
}

/** A step's state in one word of the window's one vocabulary (sidebar, badges, cards). */
export type StepLevel = 'problem' | 'warning' | 'note' | 'could-not-test' | 'needs-sign-in' | 'skipped' | 'pass';

/**
 * The level a finished step shows in the sidebar: its worst finding card's severity, else its worst row that
 * needs attention, else waiting for the sign-in, skipped, or passed. The same words as its cards and badges.
 */
export function stepLevel(view: StepView): StepLevel {
  const [worst] = [...view.findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (worst) return worst.severity === 'critical' ? 'problem' : worst.severity === 'warning' ? 'warning' : 'note';
  const verdict = worstVerdict(view.attention.map((r) => r.result.verdict));
  if (verdict === 'fail') return 'problem';
  if (verdict === 'error') return 'could-not-test';
  if (verdict === 'warn') return 'warning';
  if (view.headline || view.passed.length > 0) return 'pass';
  return view.signIn.length > 0 ? 'needs-sign-in' : 'skipped';
}

/** True when the session read the Stremio account (the closed-loop waits need it). */
export function accountRead(report: Report | null): boolean {
  return report?.checks.some((c) => c.id === TOKEN_CHECK_IDS.stremioAccount && c.verdict === 'pass') ?? false;
}
