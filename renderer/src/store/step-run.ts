import type { IpcError } from '../../../shared/ipc';
import type { CheckResult, Report } from '../../../shared/report';
import type { StepName } from '../../../shared/steps';

/** One live row of a step: a check that started (no result yet) or finished (its result). */
export type CheckRow =
  | { readonly id: string; readonly title: string; readonly state: 'running' }
  | { readonly id: string; readonly title: string; readonly state: 'done'; readonly result: CheckResult };

/** Where a step's run stands. `waiting` = queued behind another step's run (the engine runs one at a time). */
export type RunStatus = 'idle' | 'waiting' | 'running' | 'done' | 'failed';

/** Everything the wizard knows about one step's latest run. */
export interface StepRun {
  readonly status: RunStatus;
  /** The run id of the latest run (events of older runs are ignored). */
  readonly runId: string | null;
  /** Checks in the order they started, updated live from run events. */
  readonly rows: readonly CheckRow[];
  /** The step's report once the run finished. */
  readonly report: Report | null;
  /** The typed error when the run itself could not happen (busy, invalid, bridge down). */
  readonly error: IpcError | null;
  /** True when the user cancelled this run. */
  readonly cancelled: boolean;
  /** Window-only payloads of this run's checks, by check id (personal: never in the report or an export). */
  readonly windowOnly: Readonly<Record<string, unknown>>;
}

/** A step that has not run yet. */
export const IDLE_RUN: StepRun = {
  status: 'idle',
  runId: null,
  rows: [],
  report: null,
  error: null,
  cancelled: false,
  windowOnly: {},
};

/** Applies a finished check to the rows: replaces its running row, or appends it when its start was missed. */
export function withFinishedCheck(rows: readonly CheckRow[], result: CheckResult): CheckRow[] {
  const row: CheckRow = { id: result.id, title: result.title, state: 'done', result };
  const index = rows.findIndex((r) => r.id === result.id);
  if (index === -1) return [...rows, row];
  return rows.map((r, i) => (i === index ? row : r));
}

/** Rows that agree with a final report: in report order, every reported check present and finished. */
export function rowsFromReport(rows: readonly CheckRow[], report: Report): CheckRow[] {
  let next = [...rows];
  for (const result of report.checks) next = withFinishedCheck(next, result);
  const order = new Map(report.checks.map((c, i) => [c.id, i]));
  // A row that started but is absent from the final report cannot still be running. Once the run is
  // done, rows take the report's order (the step's verdict check last), not the order they started in.
  return next
    .filter((r) => r.state === 'done' || order.has(r.id))
    .sort((a, b) => (order.get(a.id) ?? order.size) - (order.get(b.id) ?? order.size));
}

/** True when a check id (`step.name`) belongs to `step`. */
function isOwnCheck(step: StepName, id: string): boolean {
  return id.startsWith(`${step}.`);
}

/** The rows of `step`'s own checks. */
export function ownStepRows(rows: readonly CheckRow[], step: StepName): CheckRow[] {
  return rows.filter((r) => isOwnCheck(step, r.id));
}

/**
 * The part of a run that a step's page and stepper show: its own checks, and the findings its own checks
 * observed. A step's run also re-runs the checks it depends on (Revoked access re-reads the Stremio
 * account; Cache looks at the installs), but those belong to their own step; the Summary shows everything.
 */
export function ownStepView(run: StepRun, step: StepName): StepRun {
  const report = run.report && {
    ...run.report,
    checks: run.report.checks.filter((c) => c.step === step),
    findings: run.report.findings.filter((f) => !f.checks || f.checks.some((id) => isOwnCheck(step, id))),
    untested: run.report.untested.filter((u) => isOwnCheck(step, u.check)),
  };
  return { ...run, rows: run.rows.filter((r) => isOwnCheck(step, r.id)), report };
}
