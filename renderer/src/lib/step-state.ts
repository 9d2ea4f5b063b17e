import type { StepName } from '../../../shared/steps';
import { ownStepView, type StepRun } from '../store/step-run';
import { stepLevel, stepView, type StepLevel } from './step-view';

/** A step as the sidebar shows it: not run, in progress, could not run, or (finished) its level. */
export type StepState = 'not-run' | 'waiting' | 'running' | 'failed' | StepLevel;

/** The sidebar state of `step`'s latest run, derived from the same view its page shows. */
export function stepState(step: StepName, run: StepRun): StepState {
  if (run.status === 'idle') return 'not-run';
  if (run.status === 'waiting' || run.status === 'running' || run.status === 'failed') return run.status;
  const own = ownStepView(run, step);
  return stepLevel(stepView(step, own.rows, own.report?.findings ?? []));
}
