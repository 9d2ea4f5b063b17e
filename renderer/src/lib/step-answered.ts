import type { StepRun } from '../store/step-run';

/**
 * True once any of the step's checks ran (not skipped): on the Token step, the account was read or a pasted
 * address analysed. From then on the step's result leads the page and the ways in fold away.
 */
export function stepAnswered(run: StepRun): boolean {
  return run.rows.some((r) => r.state === 'done' && r.result.verdict !== 'skipped');
}
