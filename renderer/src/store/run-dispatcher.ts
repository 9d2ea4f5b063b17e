import type { DoctorApi, IpcError, RunEvent, RunRequest } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import type { StepName } from '../../../shared/steps';
import { callSafely } from '../lib/doctor-api';
import { newRunId } from '../lib/run-id';
import { createRunQueue } from './run-queue';
import { patchedStep, runningStep, withCheckEvent, withRunEnded, type StepRuns } from './step-runs';

/** One ordinary run the store starts: its request fields and the steps it is shown under at once. */
export interface Job {
  /** The steps that show the run from its start (the first one keys a cancel while queued). */
  readonly steps: readonly [StepName, ...StepName[]];
  readonly request: Omit<RunRequest, 'runId'>;
}

/** What the dispatcher reads and changes in the store. */
export interface DispatcherHost {
  readonly api: DoctorApi;
  /** Applies a change to every step's run (a change that returns the same steps changes nothing). */
  changeSteps(change: (steps: StepRuns) => StepRuns): void;
  /** Takes the session's latest combined report. */
  applySession(report: Report): void;
}

/** Starts the store's ordinary runs one after another and routes their events to the steps they cover. */
export interface RunDispatcher {
  /** Queues a run; resolves with the steps it covered (none when cancelled while queued); never rejects. */
  enqueue(job: Job): Promise<ReadonlySet<StepName>>;
  /** Applies one run event (any run's: a step's, a sign-in's, the sign-in test's). */
  onEvent(event: RunEvent): void;
  /** Marks a queued run of `step` as cancelled: it will not start. */
  cancelQueued(step: StepName): void;
  /** Forgets every run (Start over): their late events no longer reach any step. */
  forget(): void;
}

/** Creates the dispatcher of one store. */
export function createRunDispatcher({ api, changeSteps, applySession }: DispatcherHost): RunDispatcher {
  /** The steps each run covers (its first step at once, the others as `run-started` names them). */
  const stepsOfRun = new Map<string, Set<StepName>>();
  const cancelledWhileWaiting = new Set<StepName>();
  const queue = createRunQueue();

  /** Shows `steps` as running in `runId` (a step joins a run once). */
  const involve = (runId: string, steps: readonly StepName[]) => {
    const covered = stepsOfRun.get(runId);
    if (!covered) return;
    for (const step of steps.filter((s) => !covered.has(s))) {
      covered.add(step);
      changeSteps((all) => runningStep(all, step, runId));
    }
  };

  const endRun = (runId: string, outcome: { readonly report: Report } | { readonly error: IpcError }) =>
    changeSteps((all) => withRunEnded(all, runId, stepsOfRun.get(runId) ?? [], outcome));

  const execute = async ({ steps, request }: Job): Promise<ReadonlySet<StepName>> => {
    // Cancelled while queued: cancelStep already restored the step's previous state.
    if (cancelledWhileWaiting.delete(steps[0])) return new Set();
    const runId = newRunId(steps.length === 1 ? steps[0] : 'all');
    const covered = new Set<StepName>();
    stepsOfRun.set(runId, covered);
    involve(runId, steps);
    const answer = await callSafely(() => api['diagnosis:run']({ runId, ...request }));
    if (answer.ok) applySession(answer.value);
    endRun(runId, answer.ok ? { report: answer.value } : { error: answer.error });
    return covered;
  };

  return {
    enqueue(job) {
      cancelledWhileWaiting.delete(job.steps[0]);
      if (queue.busy())
        for (const step of job.steps)
          changeSteps((all) => patchedStep(all, step, { status: 'waiting', error: null, cancelled: false }));
      return queue.enqueue(() => execute(job), new Set<StepName>());
    },
    onEvent(event) {
      if (!event || typeof event !== 'object' || typeof event.runId !== 'string') return;
      if (event.type === 'run-finished') {
        applySession(event.report);
        endRun(event.runId, { report: event.report });
      } else if (event.type === 'run-started') involve(event.runId, event.steps);
      else changeSteps((all) => withCheckEvent(all, event));
    },
    cancelQueued: (step) => void cancelledWhileWaiting.add(step),
    forget: () => stepsOfRun.clear(),
  };
}
