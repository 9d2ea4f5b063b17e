import type { Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import { rankFindings } from '../../../shared/summary-markdown';
import type { StepRun } from './step-run';

/**
 * Combines the per-step reports (each step runs on its own) into the one report the Summary shows and
 * copies: checks in step order, findings re-ranked across steps, a step that never ran listed as untested.
 */
export function combineReports(steps: Readonly<Record<StepName, StepRun>>): Report | null {
  const reports = STEP_NAMES.flatMap((step) => (steps[step].report ? [steps[step].report] : []));
  const first = reports[0];
  if (!first) return null;
  const notRun = STEP_NAMES.filter((step) => !steps[step].report).map((step) => ({ check: step, reason: 'this step was not run' }));
  return {
    schemaVersion: 1,
    tool: first.tool,
    startedAt: reports.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    durationMs: reports.reduce((sum, r) => sum + r.durationMs, 0),
    steps: STEP_NAMES.filter((step) => steps[step].report),
    checks: reports.flatMap((r) => r.checks),
    findings: rankFindings(reports.flatMap((r) => r.findings)),
    untested: [...reports.flatMap((r) => r.untested), ...notRun],
  };
}
