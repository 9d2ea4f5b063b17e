import type { CheckResult, Report } from '../../../shared/report';
import { isStepName, type StepName } from '../../../shared/steps';
import { needsSignIn, skipReason, type SkipReason } from './skip-reasons';

/** Checks the Summary could not test, grouped by one reason, each group with its one action. */
export type UntestedGroup =
  | {
      /** Nobody signed in to Stremio: one line and "Go to Token". */
      readonly kind: 'sign-in';
      readonly checks: readonly CheckResult[];
    }
  | {
      /** One reason (said from `reason`), the checks it stopped, and the step that can change it. */
      readonly kind: 'reason';
      readonly reason: SkipReason;
      readonly checks: readonly CheckResult[];
    }
  | {
      /** Steps that did not run at all: their action is to run them. */
      readonly kind: 'not-run';
      readonly steps: readonly StepName[];
    };

/** A stand-in result for an untested check the report has no result for: its id, step and reason. */
function untestedResult(check: string, reason: string): CheckResult | null {
  const step = check.split('.')[0] ?? '';
  if (!isStepName(step)) return null;
  return {
    id: check,
    step,
    title: check,
    verdict: 'skipped',
    problems: [],
    summary: reason,
    details: {},
    durationMs: 0,
  };
}

/**
 * The report's untested checks grouped by reason, largest group first after the sign-in: thirteen checks
 * waiting for one sign-in are one line, not thirteen.
 */
export function untestedGroups(report: Report): UntestedGroup[] {
  const results = new Map(report.checks.map((c) => [c.id, c]));
  const signIn: CheckResult[] = [];
  const byReason = new Map<string, { reason: SkipReason; checks: CheckResult[] }>();
  const notRun: StepName[] = [];
  for (const { check, reason: text } of report.untested) {
    if (isStepName(check)) {
      notRun.push(check);
      continue;
    }
    // A check the report lists without its result (an older engine): its reason as the report says it.
    const result = results.get(check) ?? untestedResult(check, text);
    if (!result) continue;
    if (needsSignIn(result)) {
      signIn.push(result);
      continue;
    }
    const reason = skipReason(result);
    const group = byReason.get(reason.key) ?? { reason, checks: [] };
    group.checks.push(result);
    byReason.set(reason.key, group);
  }
  const groups: UntestedGroup[] = [];
  if (signIn.length > 0) groups.push({ kind: 'sign-in', checks: signIn });
  const reasons = [...byReason.values()].sort((a, b) => b.checks.length - a.checks.length);
  for (const { reason, checks } of reasons) groups.push({ kind: 'reason', reason, checks });
  if (notRun.length > 0) groups.push({ kind: 'not-run', steps: notRun });
  return groups;
}
