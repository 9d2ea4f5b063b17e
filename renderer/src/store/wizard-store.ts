import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppInfo, DoctorApi, IpcError, IpcResult, RunEvent, RunRequest, WatchRequest } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import { callSafely } from '../lib/doctor-api';
import { WIZARD_PAGES, isStepPage, type WizardPage } from '../lib/pages';
import { newRunId } from '../lib/run-id';
import { IDLE_RUN, ownStepRows, rowsFromReport, withFinishedCheck, type StepRun } from './step-run';

/** The optional fields of a run request a panel may add (the token panel: sign-in, pasted URL). */
export type RunExtras = Pick<RunRequest, 'authUrl' | 'credentials' | 'rememberAuthKey'>;

/** A sign-in from the Token panel: the credentials, and whether to remember the auth key. */
export type SignInExtras = Required<Pick<RunRequest, 'credentials'>> & Pick<RunRequest, 'rememberAuthKey'>;

/** What opening a fix URL gave: opened, or why not (the allow-list's refusal or a typed error). */
export type OpenUrlOutcome = { readonly opened: true } | { readonly opened: false; readonly reason: string };

/**
 * The wizard's state and actions (zustand). It renders what the service's diagnosis session streams:
 * each run's live rows per step, and the session's one combined report. Panels read it with
 * `useWizard(selector)` and act through the actions; they never call `diagnosis:run` themselves, so
 * ordinary runs stay serial and events stay routed.
 */
export interface WizardState {
  /** The page on screen. */
  readonly page: WizardPage;
  /** Each step's latest run; a finished step's `report` is the session's combined report. */
  readonly steps: Readonly<Record<StepName, StepRun>>;
  /** The session's combined report as the service last sent it (the Summary, Copy summary); null before any run. */
  readonly session: Report | null;
  /** App facts (version, secret storage), once `app:get-info` answered. */
  readonly appInfo: AppInfo | null;
  /**
   * Shows a page. Entering a step before the diagnosis started starts the whole diagnosis (`start`);
   * afterwards opening a step never starts its checks again: they ran or are running (Re-run does).
   */
  goTo(page: WizardPage): void;
  /** The next page (Start / Next: leaving Welcome starts the diagnosis). */
  next(): void;
  /**
   * Runs ahead: one run of every step (`steps: STEP_NAMES`), so each step's results are there (or
   * streaming in) when the user opens it. The account-dependent checks run again once the user signs
   * in (`signIn`). Resolves when the run ends; never rejects. Once per store (later runs are re-runs).
   */
  start(): Promise<void>;
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

const initialSteps = (): Record<StepName, StepRun> =>
  Object.fromEntries(STEP_NAMES.map((s) => [s, IDLE_RUN])) as Record<StepName, StepRun>;

/** Keeps only the extras that are safe to hold in memory for a re-run: never a password or a pasted auth key. */
function retainable(extras: RunExtras): RunExtras {
  const kept: { -readonly [K in keyof RunExtras]: RunExtras[K] } = {};
  if (extras.authUrl) kept.authUrl = extras.authUrl;
  if (extras.credentials && (extras.credentials.kind === 'remembered' || extras.credentials.kind === 'local-profile'))
    kept.credentials = extras.credentials;
  return kept;
}

/** One ordinary run the store started: its request fields and the steps it is shown under at once. */
interface Job {
  /** The steps that show the run from its start (the first one keys a cancel while queued). */
  readonly steps: readonly [StepName, ...StepName[]];
  readonly request: Omit<RunRequest, 'runId'>;
}

/** Creates the wizard store bound to a `DoctorApi` (window.doctor in the app, a fake in tests, the harness in e2e). */
export function createWizardStore(api: DoctorApi, initialPage: WizardPage = 'welcome'): WizardStore {
  /** The steps each of the store's runs covers (its first step at once, the others as `run-started` names them). */
  const stepsOfRun = new Map<string, Set<StepName>>();
  const lastExtras = new Map<StepName, RunExtras>();
  const cancelledWhileWaiting = new Set<StepName>();
  let queue: Promise<void> = Promise.resolve();
  let busy = 0;
  /** True once the whole diagnosis was started: opening a step no longer starts anything. */
  let started = false;

  const store = createStore<WizardState>()((set, get) => {
    const patchStep = (step: StepName, patch: Partial<StepRun>) =>
      set((state) => ({ steps: { ...state.steps, [step]: { ...state.steps[step], ...patch } } }));

    /** Shows `steps` as running in `runId` (a step joins a run once). */
    const involve = (runId: string, steps: readonly StepName[]) => {
      const covered = stepsOfRun.get(runId);
      if (!covered) return;
      for (const step of steps) {
        if (covered.has(step)) continue;
        covered.add(step);
        set((state) => ({ steps: { ...state.steps, [step]: { ...IDLE_RUN, status: 'running', runId } } }));
      }
    };

    /** Takes the session's latest combined report: every finished step shows it. */
    const applySession = (report: Report) => {
      set((state) => ({
        session: report,
        steps: Object.fromEntries(
          STEP_NAMES.map((step) => {
            const run = state.steps[step];
            if (run.status !== 'done') return [step, run];
            return [step, { ...run, report, rows: ownStepRows(rowsFromReport(run.rows, report), step) }];
          }),
        ) as Record<StepName, StepRun>,
      }));
    };

    /** Ends the store's run `runId` in every step it covered that shows it still. */
    const endRun = (runId: string, outcome: { report: Report } | { error: IpcError }) => {
      for (const step of stepsOfRun.get(runId) ?? []) {
        const run = get().steps[step];
        if (run.runId !== runId) continue;
        if ('report' in outcome)
          patchStep(step, {
            status: 'done',
            report: outcome.report,
            rows: ownStepRows(rowsFromReport(run.rows, outcome.report), step),
          });
        else
          patchStep(step, { status: 'failed', error: outcome.error, rows: run.rows.filter((r) => r.state === 'done') });
      }
    };

    /** Runs a job; resolves with the steps the run covered (none when it was cancelled while queued). */
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

    const onEvent = (event: RunEvent) => {
      if (!event || typeof event !== 'object' || typeof event.runId !== 'string') return;
      if (event.type === 'run-finished') {
        // Any run's end (a step's, a sign-in's, the sign-in test's) brings the session's new report.
        applySession(event.report);
        endRun(event.runId, { report: event.report });
        return;
      }
      if (event.type === 'run-started') return involve(event.runId, event.steps);
      const step =
        event.type === 'check-started' ? event.step : event.type === 'check-finished' ? event.result.step : null;
      if (!step) return;
      const run = get().steps[step];
      if (run.runId !== event.runId) return;
      if (event.type === 'check-started') {
        // A start that arrives after the run's report (or twice) must not add a spinner that never stops.
        if (run.status !== 'running' || run.rows.some((r) => r.id === event.id)) return;
        patchStep(step, { rows: [...run.rows, { id: event.id, title: event.title, state: 'running' }] });
      } else if (event.type === 'check-finished') {
        patchStep(step, {
          rows: withFinishedCheck(run.rows, event.result),
          ...(event.windowOnly === undefined
            ? {}
            : { windowOnly: { ...run.windowOnly, [event.result.id]: event.windowOnly } }),
        });
      }
    };

    /** An interactive run (the sign-in test, a closed-loop wait): beside the queue; its answer brings the session's report. */
    const interactiveRun = async (request: RunRequest): Promise<IpcResult<Report>> => {
      const answer = await callSafely(() => api['diagnosis:run'](request));
      if (answer.ok) applySession(answer.value);
      return answer;
    };

    let unsubscribe: () => void = () => undefined;
    try {
      unsubscribe = api.onRunEvent(onEvent);
    } catch {
      // Without events the rows still appear when each run's report arrives.
    }

    const enqueue = (job: Job): Promise<ReadonlySet<StepName>> => {
      cancelledWhileWaiting.delete(job.steps[0]);
      if (busy > 0) for (const step of job.steps) patchStep(step, { status: 'waiting', error: null, cancelled: false });
      busy += 1;
      const done = queue
        .then(() => execute(job))
        .finally(() => {
          busy -= 1;
        });
      queue = done.then(
        () => undefined,
        () => undefined,
      );
      return done.catch(() => new Set<StepName>());
    };

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
      // The page paints first and the whole diagnosis starts right after (a task later): opening the step stays
      // instant, and the run's first render (six steps turning "running") is not part of the click's.
      if (isStepPage(page) && !started) setTimeout(() => void start(), 0);
    };

    const move = (delta: number) => {
      const index = WIZARD_PAGES.indexOf(get().page) + delta;
      const page = WIZARD_PAGES[Math.min(Math.max(index, 0), WIZARD_PAGES.length - 1)];
      if (page) goTo(page);
    };

    return {
      page: initialPage,
      steps: initialSteps(),
      session: null,
      appInfo: null,
      goTo,
      next: () => move(1),
      back: () => move(-1),
      start,
      runStep,
      async signIn(extras) {
        const covered = await enqueue({ steps: ['token'], request: { rerun: 'account', ...extras } });
        // A later re-run of a step this sign-in covered reads the account the same way (a remembered key
        // rather than the password); a password or a pasted key is never held.
        const { credentials } = retainable({
          credentials: extras.rememberAuthKey ? { kind: 'remembered' } : extras.credentials,
        });
        for (const step of covered) {
          const { authUrl } = lastExtras.get(step) ?? {};
          lastExtras.set(step, { ...(authUrl ? { authUrl } : {}), ...(credentials ? { credentials } : {}) });
        }
      },
      rerunStep: (step) => runStep(step, lastExtras.get(step) ?? {}),
      async cancelStep(step) {
        const run = get().steps[step];
        if (run.status === 'waiting') {
          cancelledWhileWaiting.add(step);
          patchStep(step, { status: run.report ? 'done' : 'idle', cancelled: true });
          return;
        }
        const { runId } = run;
        if (run.status !== 'running' || !runId) return;
        // One run may cover every step (run-ahead): cancelling it stops them all, and each says so.
        const sharing = STEP_NAMES.filter((s) => get().steps[s].runId === runId && get().steps[s].status === 'running');
        for (const s of sharing) patchStep(s, { cancelled: true });
        const answer = await callSafely(() => api['diagnosis:cancel']({ runId }));
        if (!answer.ok) patchStep(step, { error: answer.error });
      },
      startSignInTest: (runId, mode) => interactiveRun({ runId, oauth: { mode } }),
      startWatch: (runId, watch) => interactiveRun({ runId, watch }),
      async openUrl(url) {
        const answer = await callSafely(() => api['fix:open-url']({ url }));
        if (!answer.ok) return { opened: false, reason: answer.error.message };
        return answer.value.opened
          ? { opened: true }
          : { opened: false, reason: answer.value.reason ?? 'the app refused to open it' };
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
