import type {
  DoctorApi,
  IpcChannel,
  IpcError,
  IpcRequest,
  IpcResponse,
  IpcResult,
  RunEvent,
  RunRequest,
} from '../../shared/ipc';
import type { CheckResult, Finding, Report } from '../../shared/report';
import type { StepName } from '../../shared/steps';
import { PROBLEMS, type ProblemCode } from '../../shared/problems';

/** One `diagnosis:run` call the test drives by hand: stream events, then finish or fail it. */
export interface PendingRun {
  readonly request: RunRequest;
  /** Emits `check-started` for a check of this run. */
  started(id: string, title: string): void;
  /** Emits `check-finished` with the result. */
  finished(result: CheckResult): void;
  /** Emits `run-finished` and resolves the call with the report. */
  finish(report: Report): void;
  /** Resolves the call with a typed error (no run-finished event). */
  fail(error: IpcError): void;
  /** Rejects the call's promise (a broken bridge). */
  reject(error: Error): void;
}

/** Overrides for the non-run channels: each returns the IPC answer (or throws to simulate a broken bridge). */
export type FakeHandlers = {
  [C in Exclude<IpcChannel, 'diagnosis:run'>]?: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
};

/** A typed fake of `window.doctor`: records every call, lets the test stream run events and answer runs. */
export interface FakeDoctor {
  readonly api: DoctorApi;
  readonly calls: Array<{ readonly channel: IpcChannel; readonly request: unknown }>;
  readonly runs: PendingRun[];
  /** Resolves with the next `diagnosis:run` call (or the first not yet taken). */
  nextRun(): Promise<PendingRun>;
  /** Sends an arbitrary event to the subscribers. */
  emit(event: RunEvent): void;
  readonly listeners: Set<(event: RunEvent) => void>;
}

/** Creates a fake DoctorApi; runs stay pending until the test finishes them. */
export function createFakeDoctor(handlers: FakeHandlers = {}): FakeDoctor {
  const calls: Array<{ channel: IpcChannel; request: unknown }> = [];
  const runs: PendingRun[] = [];
  const listeners = new Set<(event: RunEvent) => void>();
  const waiting: Array<(run: PendingRun) => void> = [];
  let taken = 0;
  const emit = (event: RunEvent) => {
    for (const listener of listeners) listener(event);
  };

  const run = (request: RunRequest) =>
    new Promise<IpcResult<Report>>((resolve, reject) => {
      const pending: PendingRun = {
        request,
        started: (id, title) => emit({ type: 'check-started', runId: request.runId, id, step: stepOf(id), title }),
        finished: (result) => emit({ type: 'check-finished', runId: request.runId, result }),
        finish: (report) => {
          emit({ type: 'run-finished', runId: request.runId, report });
          resolve({ ok: true, value: report });
        },
        fail: (error) => resolve({ ok: false, error }),
        reject,
      };
      runs.push(pending);
      const waiter = waiting.shift();
      if (waiter) {
        taken += 1;
        waiter(pending);
      }
    });

  const answer =
    <C extends Exclude<IpcChannel, 'diagnosis:run'>>(channel: C, fallback: IpcResponse<C>) =>
    async (request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> => {
      calls.push({ channel, request });
      const handler = handlers[channel] as ((r: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>) | undefined;
      return handler ? handler(request) : { ok: true, value: fallback };
    };

  const api: DoctorApi = {
    'app:get-info': answer('app:get-info', {
      version: '9.9.9',
      platform: 'linux',
      traktClientIdConfigured: false,
      secretStorage: { available: true, backend: 'memory' },
      rememberedAuthKey: false,
    }),
    'diagnosis:run': (request) => {
      calls.push({ channel: 'diagnosis:run', request });
      return run(request);
    },
    'diagnosis:cancel': answer('diagnosis:cancel', { cancelled: true }),
    'fix:open-url': answer('fix:open-url', { opened: true }),
    'profiles:discover': answer('profiles:discover', { profiles: [] }),
    'settings:get-preferences': answer('settings:get-preferences', {}),
    'settings:set-preferences': answer('settings:set-preferences', {}),
    'credentials:forget': answer('credentials:forget', { forgotten: false }),
    'settings:set-trakt-client-id': answer('settings:set-trakt-client-id', { configured: true }),
    'bundle:preview': answer('bundle:preview', {
      files: [
        { name: 'manifest.json', bytes: 900 },
        { name: 'report.json', bytes: 2048 },
        { name: 'summary.md', bytes: 120 },
      ],
      redactions: { 'home-path': 2 },
      redactionsDuringRun: { token: 1 },
      summaryMarkdown: '# Stremio Trakt Doctor summary\n\nNo problems found.\n',
      maxTotalBytes: 5 * 1024 * 1024,
    }),
    'bundle:save': answer('bundle:save', {
      saved: true,
      path: '/home/user/Downloads/stremio-trakt-doctor-2026-11-25.zip',
      bytes: 3100,
    }),
    'cache:list-backups': answer('cache:list-backups', { backups: [] }),
    'cache:move-to-backup': answer('cache:move-to-backup', {
      done: false,
      refusal: 'nothing-to-move',
    }),
    'cache:restore': answer('cache:restore', {
      done: false,
      refusal: 'no-backup',
    }),
    onRunEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  return {
    api,
    calls,
    runs,
    listeners,
    emit,
    nextRun: () => {
      const ready = runs[taken];
      if (ready) {
        taken += 1;
        return Promise.resolve(ready);
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
  };
}

function stepOf(id: string): StepName {
  return id.split('.')[0] as StepName;
}

/** A check result with sensible defaults. */
export function checkResult(id: string, overrides: Partial<CheckResult> = {}): CheckResult {
  return {
    id,
    step: stepOf(id),
    title: `Check ${id}`,
    verdict: 'pass',
    problems: [],
    summary: `${id} looks fine.`,
    details: {},
    durationMs: 12,
    ...overrides,
  };
}

/** A report for the given steps and checks. */
export function report(
  steps: StepName[],
  checks: CheckResult[],
  findings: Finding[] = [],
  untested: Report['untested'] = [],
): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'stremio-trakt-doctor', version: '9.9.9' },
    startedAt: '2026-11-25T09:00:00.000Z',
    durationMs: 420,
    steps,
    checks,
    findings,
    untested,
  };
}

/** The account check's own summary when nobody signed in (the root of every "needs your sign-in" skip). */
const NOT_SIGNED_IN = {
  key: 'checks-token:stremio-account.noCredentials',
} as const;

/**
 * A check skipped because nobody signed in to Stremio, as the engine reports it: the account check itself,
 * or a check whose chain of skips starts there ("it needs Stremio account, which was skipped (…)").
 */
export function notSignedIn(id: string): CheckResult {
  const message =
    id === 'token.stremio-account'
      ? NOT_SIGNED_IN
      : {
          key: 'engine:outcome.needsSkipped',
          params: { check: { key: 'checks-token:stremio-account.title' }, reason: NOT_SIGNED_IN },
        };
  return checkResult(id, { verdict: 'skipped', summary: 'Skipped: not signed in.', message });
}

/** A finding of the catalog (shared/problems.ts) as the engine reports it, seen by `checks`. */
export function catalogFinding(problem: ProblemCode, checks: string[], overrides: Partial<Finding> = {}): Finding {
  const info = PROBLEMS[problem];
  return {
    problem,
    title: info.title,
    explanation: info.explanation,
    severity: info.severity,
    confidence: 0.9,
    evidence: [`${checks[0] ?? 'check'}: saw ${problem}`],
    checks,
    fix: { title: info.fix.title, steps: [...info.fix.steps], ...(info.fix.action ? { action: info.fix.action } : {}) },
    ...overrides,
  };
}
