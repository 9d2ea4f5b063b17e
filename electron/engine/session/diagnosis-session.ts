import type { Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import type { BundleInput } from '../bundle';
import { CHECKS } from '../checks/registry';
import type { AnyCheck, CompletedCheck, DiagnosisInput } from '../runtime/check';
import type { EngineContext } from '../runtime/context';
import { runChecks, type SchedulerEvent } from '../runtime/scheduler';
import { planRun, type RunPlan, type RunScope } from './run-plan';
import { buildSessionReport } from './session-report';

/** The records every run of a session writes into: one secret registry, one network trace, one log. */
export type SessionRecords = Pick<EngineContext, 'secrets' | 'trace' | 'log'>;

/** A session's progress: a run starting (the steps and checks it covers), then the scheduler's events. */
export type SessionEvent =
  | {
      readonly type: 'run-started';
      readonly steps: readonly StepName[];
      readonly checks: readonly string[];
    }
  | SchedulerEvent;

/** What a run is given besides the checks to run (the steps come from its scope). */
export type RunInput = Omit<DiagnosisInput, 'steps'>;

/** Options of one session run. */
export interface SessionRunOptions {
  readonly onEvent?: (event: SessionEvent) => void;
  /** Cancels the run: results that arrive after it replace no earlier result the session holds (only a skip). */
  readonly signal?: AbortSignal;
  /**
   * Receives each fix link the report shows redacted (e.g. a corrected sign-in link carrying Stremio's
   * `state`) with its real value, so the app can open the real link on the user's click while the
   * report, IPC and bundle only ever carry the redacted one.
   */
  readonly onRedactedLink?: (shown: string, real: string) => void;
  /** This run's registry: the session's checks, some decorated (same ids), e.g. to keep a fresh auth key. */
  readonly checks?: readonly AnyCheck[];
}

/** How a session is made. */
export interface SessionOptions {
  readonly records: SessionRecords;
  /** Every check the session knows (default: the engine's registry). */
  readonly checks?: readonly AnyCheck[];
  /** The steps the session is meant to cover (default: all); one never run is listed as untested. */
  readonly steps?: readonly StepName[];
}

type RunFacts = Pick<EngineContext, 'now' | 'version' | 'platform' | 'env' | 'translator'>;

/**
 * A diagnosis session: the latest result of every check across runs and re-runs. A run replaces the
 * results of the checks it ran; the others stay; a result that arrives after its run was cancelled
 * replaces no earlier verdict (only an earlier skip). The window (through the service), the CLI, the
 * Summary, Copy summary and the bundle all read its one combined `report()`.
 */
export class DiagnosisSession {
  private readonly checks: readonly AnyCheck[];
  private readonly plannedSteps: readonly StepName[];
  private readonly kept = new Map<string, CompletedCheck>();
  private readonly ranSteps = new Set<StepName>();
  private readonly runs: { readonly startedAt: string; readonly durationMs: number }[] = [];
  private latestRun: RunFacts | null = null;

  constructor(private readonly options: SessionOptions) {
    this.checks = options.checks ?? CHECKS;
    this.plannedSteps = options.steps ?? STEP_NAMES;
  }

  /** The session's secret registry, network trace and log. */
  get records(): SessionRecords {
    return this.options.records;
  }

  /** What a run of `scope` would start now, and which kept results it would read instead. */
  plan(scope: RunScope, input: RunInput = {}): RunPlan {
    return planRun(this.checks, scope, {
      kept: this.kept,
      ranSteps: this.ranSteps,
      freshInput: input.credentials !== undefined,
    });
  }

  /** Runs `scope` in `ctx` (recording into the session's records), keeps the results, returns the combined report. */
  async run(
    ctx: EngineContext,
    scope: RunScope,
    input: RunInput = {},
    options: SessionRunOptions = {},
  ): Promise<Report> {
    const { records } = this.options;
    if (ctx.secrets !== records.secrets || ctx.trace !== records.trace || ctx.log !== records.log)
      throw new Error("a session's runs record into the session's secrets, trace and log");
    const startedAt = new Date(ctx.now()).toISOString();
    const started = performance.now();
    ctx.secrets.add(input.credentials?.kind === 'password' ? input.credentials.password : undefined, 'password');
    ctx.secrets.add(input.credentials?.kind === 'auth-key' ? input.credentials.authKey : undefined, 'auth-key');
    const plan = this.plan(scope, input);
    const ids = new Set(plan.run.map((c) => c.id));
    const checks = (options.checks ?? this.checks).filter((c) => ids.has(c.id));
    ctx.log.log('info', `diagnosis started: steps ${plan.steps.join(',')} (${checks.length} checks)`);
    options.onEvent?.({ type: 'run-started', steps: plan.steps, checks: checks.map((c) => c.id) });
    // Results that finish after a cancel are the ones it cut short: they must not replace a real result.
    const cut = new Set<string>();
    const completed = await runChecks(
      ctx,
      checks,
      { ...input, steps: plan.steps },
      {
        completed: plan.reused,
        ...(options.signal ? { signal: options.signal } : {}),
        onEvent: (event) => {
          if (event.type === 'check-finished' && options.signal?.aborted) cut.add(event.result.id);
          options.onEvent?.(event);
        },
      },
    );
    for (const check of completed) {
      const kept = this.kept.get(check.result.id);
      const keepEarlier = cut.has(check.result.id) && kept !== undefined && kept.result.verdict !== 'skipped';
      if (!keepEarlier) this.kept.set(check.result.id, check);
    }
    for (const step of plan.steps) this.ranSteps.add(step);
    this.runs.push({ startedAt, durationMs: Math.round(performance.now() - started) });
    this.latestRun = ctx;
    const built = this.build();
    if (!built) throw new Error('a finished run left no report');
    for (const [shown, real] of built.redactedLinks) options.onRedactedLink?.(shown, real);
    return built.report;
  }

  /** The combined report of every run so far, or null before the first run finished. */
  report(): Report | null {
    return this.build()?.report ?? null;
  }

  /** What the diagnostic bundle is made of: the combined report and the session's records; null before any run. */
  bundleInput(logFile?: string): BundleInput | null {
    const report = this.report();
    const run = this.latestRun;
    if (!report || !run) return null;
    const { secrets, trace, log } = this.options.records;
    return {
      report,
      ctx: {
        secrets,
        trace,
        log,
        now: run.now,
        version: run.version,
        platform: run.platform,
        env: run.env,
        translator: run.translator,
      },
      ...(logFile ? { logFile } : {}),
    };
  }

  private build() {
    if (!this.latestRun) return null;
    const order = new Map(this.checks.map((c, i) => [c.id, i]));
    const completed = [...this.kept.values()].sort(
      (a, b) => (order.get(a.result.id) ?? order.size) - (order.get(b.result.id) ?? order.size),
    );
    return buildSessionReport(
      {
        completed,
        ranSteps: this.ranSteps,
        plannedSteps: this.plannedSteps,
        runs: this.runs,
        version: this.latestRun.version,
        translator: this.latestRun.translator,
      },
      this.options.records.secrets,
    );
  }
}
