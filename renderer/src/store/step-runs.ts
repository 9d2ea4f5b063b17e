import type { IpcError, RunEvent } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import { IDLE_RUN, ownStepRows, rowsFromReport, withFinishedCheck, type StepRun } from './step-run';

/*
 * The wizard's step runs as plain data and the pure changes the store applies to them: each takes the
 * steps and returns new steps (or the same object when nothing changed), so every rule is tested alone.
 */

/** Every step's latest run. */
export type StepRuns = Readonly<Record<StepName, StepRun>>;

/** Every step idle (nothing ran yet). */
export function idleSteps(): StepRuns {
  return Object.fromEntries(STEP_NAMES.map((s) => [s, IDLE_RUN])) as Record<StepName, StepRun>;
}

/** One step's run with `patch` applied. */
export function patchedStep(steps: StepRuns, step: StepName, patch: Partial<StepRun>): StepRuns {
  return { ...steps, [step]: { ...steps[step], ...patch } };
}

/** `step` shown as running in `runId`, with no rows yet. */
export function runningStep(steps: StepRuns, step: StepName, runId: string): StepRuns {
  return { ...steps, [step]: { ...IDLE_RUN, status: 'running', runId } };
}

/** The session's latest combined report shown by every finished step (its rows follow the report). */
export function withSession(steps: StepRuns, report: Report): StepRuns {
  return Object.fromEntries(
    STEP_NAMES.map((step) => {
      const run = steps[step];
      if (run.status !== 'done') return [step, run];
      return [step, { ...run, report, rows: ownStepRows(rowsFromReport(run.rows, report), step) }];
    }),
  ) as Record<StepName, StepRun>;
}

/** The end of run `runId` in the steps it covered that still show it: done with its report, or failed. */
export function withRunEnded(
  steps: StepRuns,
  runId: string,
  covered: Iterable<StepName>,
  outcome: { readonly report: Report } | { readonly error: IpcError },
): StepRuns {
  let next = steps;
  for (const step of covered) {
    const run = next[step];
    if (run.runId !== runId) continue;
    next = patchedStep(
      next,
      step,
      'report' in outcome
        ? { status: 'done', report: outcome.report, rows: ownStepRows(rowsFromReport(run.rows, outcome.report), step) }
        : { status: 'failed', error: outcome.error, rows: run.rows.filter((r) => r.state === 'done') },
    );
  }
  return next;
}

/** A check's start or finish applied to its step's live rows; the same steps when the event is not theirs. */
export function withCheckEvent(steps: StepRuns, event: RunEvent): StepRuns {
  if (event.type !== 'check-started' && event.type !== 'check-finished') return steps;
  const step = event.type === 'check-started' ? event.step : event.result.step;
  const run = steps[step];
  if (run.runId !== event.runId) return steps;
  if (event.type === 'check-started') {
    // A start that arrives after the run's report (or twice) must not add a spinner that never stops.
    if (run.status !== 'running' || run.rows.some((r) => r.id === event.id)) return steps;
    return patchedStep(steps, step, { rows: [...run.rows, { id: event.id, title: event.title, state: 'running' }] });
  }
  return patchedStep(steps, step, {
    rows: withFinishedCheck(run.rows, event.result),
    ...(event.windowOnly === undefined
      ? {}
      : { windowOnly: { ...run.windowOnly, [event.result.id]: event.windowOnly } }),
  });
}

/**
 * `step`'s run marked as cancelled: a queued run goes back to what the step showed before it; a running run
 * marks every step it covers (one run may cover every step: the run-ahead), and names the run to stop.
 */
export function withCancelMarked(
  steps: StepRuns,
  step: StepName,
): { readonly steps: StepRuns; readonly stopRun: string | null } {
  const run = steps[step];
  if (run.status === 'waiting')
    return {
      steps: patchedStep(steps, step, { status: run.report ? 'done' : 'idle', cancelled: true }),
      stopRun: null,
    };
  const { runId } = run;
  if (run.status !== 'running' || !runId) return { steps, stopRun: null };
  let next = steps;
  for (const s of STEP_NAMES)
    if (steps[s].runId === runId && steps[s].status === 'running') next = patchedStep(next, s, { cancelled: true });
  return { steps: next, stopRun: runId };
}
