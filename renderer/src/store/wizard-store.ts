import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, DoctorApi, IpcError, IpcResult, RunRequest, WatchRequest } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import { afterNextPaint } from '../lib/after-paint';
import { callSafely, refusedToOpen } from '../lib/doctor-api';
import { WIZARD_PAGES, isStepPage, type WizardPage } from '../lib/pages';
import { SYMPTOM_PAGE, type Symptom } from '../lib/symptoms';
import { extrasAfterSignIn, retainable, type RunExtras, type SignInExtras } from './retained-extras';
import { createRunDispatcher } from './run-dispatcher';
import { idleSteps, patchedStep, withCancelMarked, withSession, type StepRuns } from './step-runs';

export type { RunExtras, SignInExtras } from './retained-extras';

/** What opening a fix URL gave: opened, or why not (the allow-list's refusal or a typed error), said by `ipcErrorText`. */
export type OpenUrlOutcome = { readonly opened: true } | { readonly opened: false; readonly error: IpcError };

/**
 * The wizard's state and actions (zustand). It renders what the service's diagnosis session streams:
 * each run's live rows per step, and the session's one combined report. Panels read it with
 * `useWizard(selector)` and act through the actions; they never call `diagnosis:run` themselves, so
 * ordinary runs stay serial and events stay routed.
 */
export interface WizardState {
  /** The page on screen. */
  readonly page: WizardPage;
  /** What the user said happened on Welcome (null until Start, and after Start over). */
  readonly symptom: Symptom | null;
  /** Each step's latest run; a finished step's `report` is the session's combined report. */
  readonly steps: StepRuns;
  /** The session's combined report as the service last sent it (the Summary, Copy summary); null before any run. */
  readonly session: Report | null;
  /** App facts (version, secret storage), once `app:get-info` answered. */
  readonly appInfo: AppInfo | null;
  /**
   * Shows a page. Entering a step before the diagnosis started starts the whole diagnosis (`start`);
   * afterwards opening a step never starts its checks again: they ran or are running (Re-run does).
   */
  goTo(page: WizardPage): void;
  /** The next page (Next: leaving Welcome starts the diagnosis). */
  next(): void;
  /** Welcome's Start: remembers the symptom and opens the step that answers it; every step runs ahead. */
  begin(symptom: Symptom): void;
  /**
   * Runs ahead: one run of every step (`steps: STEP_NAMES`), so each step's results are there (or
   * streaming in) when the user opens it. The account-dependent checks run again once the user signs
   * in (`signIn`). Resolves when the run ends; never rejects. Once per diagnosis (later runs are re-runs).
   */
  start(): Promise<void>;
  /** The Summary's Start over: back to Welcome with nothing shown; the next Start runs every step again. */
  startOver(): void;
  /** The previous page. */
  back(): void;
  /**
   * Runs one step's checks with a fresh run id (`steps: [step]` plus `extras`), streaming rows into
   * `steps[step]`. Runs queue one after another. Resolves when the run ends; never rejects.
   */
  runStep(step: StepName, extras?: RunExtras): Promise<void>;
  /**
   * Signs in from the Token panel: one run (`rerun: 'account'`) of exactly the checks that depend on the
   * Stremio account, as the service works them out; the steps it covers show its rows. Queued like runStep.
   */
  signIn(extras: SignInExtras): Promise<void>;
  /** Re-runs a step with the extras of its last run that hold no secret (pasted URL, remembered/local-profile sign-in). */
  rerunStep(step: StepName): Promise<void>;
  /** Cancels the step's running (or queued) run; its unfinished checks come back `skipped`. */
  cancelStep(step: StepName): Promise<void>;
  /**
   * Starts the interactive differential sign-in test as a session run (`oauth: { mode }`), beside any
   * step's run: it waits minutes for the user. Progress and its result arrive as run events with `runId`.
   */
  startSignInTest(runId: string, mode: 'auto' | 'device'): Promise<IpcResult<Report>>;
  /**
   * Starts a closed-loop wait (the re-link watch or the live scrobble test) as a session run (`watch`), beside
   * any step's run; its `watch-progress` events and its result arrive as run events with `runId`.
   */
  startWatch(runId: string, watch: WatchRequest): Promise<IpcResult<Report>>;
  /** Opens an allow-listed URL in the system browser via `fix:open-url`. */
  openUrl(url: string): Promise<OpenUrlOutcome>;
  /** Re-reads `app:get-info` (e.g. after a panel changed a setting). */
  refreshAppInfo(): Promise<void>;
  /** Stops listening to run events. */
  dispose(): void;
}

/** The store type panels and components receive through `WizardProvider`. */
export type WizardStore = StoreApi<WizardState>;

export function createWizardStore(api: DoctorApi, initialPage: WizardPage = 'welcome'): WizardStore {
  const lastExtras = new Map<StepName, RunExtras>();
  /** True once the whole diagnosis was started: opening a step no longer starts anything. */
  let started = false;

  const store = createStore<WizardState>()((set, get) => {
    const changeSteps = (change: (steps: StepRuns) => StepRuns) => {
      const steps = change(get().steps);
      if (steps !== get().steps) set({ steps });
    };
    const applySession = (report: Report) =>
      set((state) => ({ session: report, steps: withSession(state.steps, report) }));
    const runs = createRunDispatcher({ api, changeSteps, applySession });
    const { enqueue } = runs;

    /** An interactive run (the sign-in test, a closed-loop wait): beside the queue; its answer brings the session's report. */
    const interactiveRun = async (request: RunRequest): Promise<IpcResult<Report>> => {
      const answer = await callSafely(() => api['diagnosis:run'](request));
      if (answer.ok) applySession(answer.value);
      return answer;
    };

    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = api.onRunEvent(runs.onEvent);
    } catch {
      // Without events the rows still appear when each run's report arrives.
    }

    const runStep = async (step: StepName, extras: RunExtras = {}) => {
      lastExtras.set(step, retainable(extras));
      await enqueue({ steps: [step], request: { steps: [step], ...extras } });
    };

    const start = async () => {
      if (started) return;
      started = true;
      await enqueue({ steps: [...STEP_NAMES], request: { steps: [...STEP_NAMES] } });
    };

    const goTo = (page: WizardPage) => {
      set({ page });
      // The page paints first and the whole diagnosis starts right after that frame: opening the step stays
      // instant, and the run's first render (six steps turning "running") is not part of the click's (a task
      // queued at once ran before the frame, so the new page waited for that render too).
      if (isStepPage(page) && !started) afterNextPaint(() => void start());
    };

    const move = (delta: number) => {
      const index = WIZARD_PAGES.indexOf(get().page) + delta;
      const page = WIZARD_PAGES[Math.min(Math.max(index, 0), WIZARD_PAGES.length - 1)];
      if (page) goTo(page);
    };

    return {
      page: initialPage,
      symptom: null,
      steps: idleSteps(),
      session: null,
      appInfo: null,
      goTo,
      next: () => move(1),
      back: () => move(-1),
      begin(symptom) {
        set({ symptom });
        goTo(SYMPTOM_PAGE[symptom]);
      },
      start,
      startOver() {
        started = false;
        lastExtras.clear();
        runs.forget();
        set({ page: 'welcome', symptom: null, steps: idleSteps(), session: null });
      },
      runStep,
      async signIn(extras) {
        const covered = await enqueue({ steps: ['token'], request: { rerun: 'account', ...extras } });
        // A later re-run of a step this sign-in covered reads the account the same way.
        for (const step of covered) lastExtras.set(step, extrasAfterSignIn(lastExtras.get(step), extras));
      },
      rerunStep: (step) => runStep(step, lastExtras.get(step) ?? {}),
      async cancelStep(step) {
        const queued = get().steps[step].status === 'waiting';
        const { steps, stopRun } = withCancelMarked(get().steps, step);
        if (queued) runs.cancelQueued(step);
        changeSteps(() => steps);
        if (!stopRun) return;
        const answer = await callSafely(() => api['diagnosis:cancel']({ runId: stopRun }));
        if (!answer.ok) changeSteps((all) => patchedStep(all, step, { error: answer.error }));
      },
      startSignInTest: (runId, mode) => interactiveRun({ runId, oauth: { mode } }),
      startWatch: (runId, watch) => interactiveRun({ runId, watch }),
      async openUrl(url) {
        const answer = await callSafely(() => api['fix:open-url']({ url }));
        if (!answer.ok) return { opened: false, error: answer.error };
        return answer.value.opened ? { opened: true } : { opened: false, error: refusedToOpen(answer.value.reason) };
      },
      async refreshAppInfo() {
        const answer = await callSafely(() => api['app:get-info']({}));
        if (answer.ok) set({ appInfo: answer.value });
      },
      dispose: () => unsubscribe(),
    };
  });
  return store;
}
