import type { CheckResult } from '../../../shared/report';
import type { AnyCheck, CheckDeps, CheckOutcome, CompletedCheck, DiagnosisInput } from './check';
import type { EngineContext } from './context';
import { mapMessageStrings, msg, type Message } from '../../../shared/i18n/message';
import { sanitizeNetworkText, sanitizeNetworkValue } from '../../../shared/network-text';
import { checkTitleMessage } from '../../../shared/i18n/check-keys';

/** Details texts the engine writes as several lines, each line from one-line parts (the sign-in report to paste). */
const MULTILINE_DETAILS: ReadonlySet<string> = new Set(['reportText']);
/** Progress of a run, streamed as checks start and finish (the window and the CLI consume the same events). */
export type SchedulerEvent =
  | {
      readonly type: 'check-started';
      readonly id: string;
      readonly step: AnyCheck['step'];
      readonly title: string;
    }
  | {
      readonly type: 'check-finished';
      readonly result: CheckResult;
      /** The check's window-only payload (CheckOutcome.windowOnly), for the window's panel alone. */
      readonly windowOnly?: unknown;
    };

/** Options of one scheduled run. */
export interface ScheduleOptions {
  readonly onEvent?: (event: SchedulerEvent) => void;
  /** Cancels the whole run (unfinished checks end as `skipped`: cancelled). */
  readonly signal?: AbortSignal;
  /** Finished checks this run depends on but does not run again (a session's kept results), by id. */
  readonly completed?: ReadonlyMap<string, CompletedCheck>;
}

/** How long a background check may take to answer from what it has once the run no longer waits for it. */
const BACKGROUND_WRAP_UP_MS = 250;

/** Why a run stopped its checks: a message (docs/i18n.md) and whether the user cancelled. */
class Deadline extends Error {
  constructor(
    readonly why: Message,
    readonly cancelled = false,
  ) {
    super(why.key);
  }
}

const CANCELLED = () => new Deadline(msg('engine:stopped.cancelled'), true);

/**
 * Runs the checks concurrently: each starts as soon as its dependencies are done, each under its own
 * budget, all under one overall deadline (`timeouts.overallMs`) — the run costs the slowest chain,
 * not the sum (docs/architecture.md "How a check runs"). Results are in registry order.
 */
export async function runChecks(
  ctx: EngineContext,
  checks: readonly AnyCheck[],
  input: DiagnosisInput,
  options: ScheduleOptions = {},
): Promise<CompletedCheck[]> {
  const runAbort = new AbortController();
  const overall = setTimeout(
    () => runAbort.abort(new Deadline(msg('engine:stopped.deadline', { ms: ctx.config.timeouts.overallMs }))),
    ctx.config.timeouts.overallMs,
  );
  // Interactive checks (the OAuth test waits minutes for the user) answer to cancellation only: the
  // run's deadline bounds the network probes, not a person in a browser (their own budget bounds them).
  const cancelAbort = new AbortController();
  const onCancel = () => {
    runAbort.abort(CANCELLED());
    cancelAbort.abort(CANCELLED());
  };
  options.signal?.addEventListener('abort', onCancel, { once: true });
  if (options.signal?.aborted) onCancel();

  // Aborted when every foreground check is done: background checks wrap up instead of lengthening the run.
  const foregroundDone = new AbortController();
  const backgroundSignal = AbortSignal.any([runAbort.signal, foregroundDone.signal]);

  const done = new Map<string, Promise<CompletedCheck>>();
  const start = (check: AnyCheck): Promise<CompletedCheck> => {
    const existing = done.get(check.id);
    if (existing) return existing;
    const promise = (async () => {
      const deps = new Map<string, CompletedCheck>();
      // Needed dependencies and consulted checks alike: run in this run (waited for), or kept by the session.
      for (const { id } of [...check.dependsOn, ...(check.consults ?? [])]) {
        const dep = checks.find((c) => c.id === id);
        const kept = options.completed?.get(id);
        if (dep) deps.set(id, await start(dep));
        else if (kept) deps.set(id, kept);
      }
      const signal = check.interactive ? cancelAbort.signal : check.background ? backgroundSignal : runAbort.signal;
      return runOne(ctx, check, input, deps, signal, options.onEvent);
    })();
    done.set(check.id, promise);
    return promise;
  };
  try {
    const background = checks.filter((c) => c.background).map(start);
    await Promise.all(checks.filter((c) => !c.background).map(start));
    foregroundDone.abort(new Deadline(msg('engine:stopped.finishedFirst')));
    await Promise.all(background);
    return await Promise.all(checks.map(start));
  } finally {
    clearTimeout(overall);
    options.signal?.removeEventListener('abort', onCancel);
  }
}

/** The dependencies as a check reads them: only those it declared (needed or consulted), by handle. */
function depsOf(check: AnyCheck, deps: ReadonlyMap<string, CompletedCheck>): CheckDeps {
  const declared = (dep: { readonly id: string }) => {
    if (![...check.dependsOn, ...(check.consults ?? [])].some((d) => d.id === dep.id))
      throw new Error(`${check.id} reads ${dep.id}, which is not in its dependsOn or consults`);
    return deps.get(dep.id);
  };
  return {
    get<Data>(dep: { readonly id: string }): Data | undefined {
      // The data was left by that check's own run, whose type the handle carries.
      return declared(dep)?.data as Data | undefined;
    },
    result(dep) {
      const found = declared(dep);
      return found && { verdict: found.result.verdict, problems: found.observations.map((o) => o.code) };
    },
  };
}

/** What a finished run broke of its check's contract (undeclared codes, details or window-only payload off their schema), or null. */
function contractBreach(check: AnyCheck, outcome: CheckOutcome<unknown, object, unknown>): string | null {
  const undeclared = (outcome.problems ?? []).map((p) => p.code).filter((code) => !check.codes.includes(code));
  if (undeclared.length > 0) return `it raised ${[...new Set(undeclared)].join(', ')}, not among its declared codes`;
  if (outcome.details && check.details && !check.details.safeParse(outcome.details).success)
    return 'its details do not match their schema';
  if (outcome.windowOnly !== undefined && !check.windowOnly?.safeParse(outcome.windowOnly).success)
    return check.windowOnly
      ? 'its window-only payload does not match its schema'
      : 'it returned a window-only payload without a schema';
  return null;
}

async function runOne(
  ctx: EngineContext,
  check: AnyCheck,
  input: DiagnosisInput,
  deps: ReadonlyMap<string, CompletedCheck>,
  runSignal: AbortSignal,
  onEvent: ScheduleOptions['onEvent'],
): Promise<CompletedCheck> {
  const started = performance.now();
  const finish = (outcome: CheckOutcome<unknown, object, unknown>, blockedBy?: CheckResult): CompletedCheck => {
    const redact = (text: string) => ctx.secrets.redact(text);
    // A summary is one line: network text in its parameters (an OAuth error_description) says its line breaks as spaces.
    const message = mapMessageStrings(outcome.summary, (text) => redact(sanitizeNetworkText(text)));
    const result: CheckResult = {
      id: check.id,
      step: check.step,
      title: checkTitle(ctx, check),
      verdict: outcome.verdict,
      problems: [...new Set((outcome.problems ?? []).map((p) => p.code))],
      summary: redact(ctx.translator.text(message)),
      message,
      // Network text in details is one line like everywhere else; only the engine's own multi-line texts keep their lines.
      details: ctx.secrets.redactValue(sanitizeNetworkValue({ ...outcome.details }, MULTILINE_DETAILS)),
      durationMs: Math.round(performance.now() - started),
    };
    ctx.log.log('info', `${check.id}: ${result.verdict} — ${result.summary}`);
    onEvent?.({
      type: 'check-finished',
      result,
      // Personal, so never redacted — but titles from a library are network text all the same.
      ...(outcome.windowOnly === undefined ? {} : { windowOnly: sanitizeNetworkValue(outcome.windowOnly) }),
    });
    return {
      result,
      data: outcome.data,
      observations: outcome.problems ?? [],
      finishedAtMs: ctx.now(),
      ...(outcome.confirms ? { confirms: outcome.confirms } : {}),
      ...(blockedBy ? { blockedBy } : {}),
    };
  };

  // Only a needed dependency blocks: a consulted check is read for what it found, whatever its verdict; a check
  // that also runs without its dependencies (the pasted address) is never blocked.
  const blocked = check.runsWhenDepsSkipped
    ? undefined
    : check.dependsOn
        .map((d) => deps.get(d.id))
        .find((d) => d !== undefined && (d.result.verdict === 'skipped' || d.result.verdict === 'error'));
  if (blocked) {
    // Name the root of a chain of skips ("it needs Stremio account, which was skipped: not signed in"),
    // never a reason nested in a reason nested in a reason.
    const root = blocked.blockedBy ?? blocked.result;
    const key = root.verdict === 'error' ? 'engine:outcome.needsFailed' : 'engine:outcome.needsSkipped';
    return finish(
      {
        verdict: 'skipped',
        summary: msg(key, { check: titleParam(root), reason: root.message ?? root.summary }),
      },
      root,
    );
  }
  if (runSignal.aborted)
    return finish({ verdict: 'skipped', summary: msg('engine:outcome.skipped', { why: reasonOf(runSignal) }) });

  onEvent?.({ type: 'check-started', id: check.id, step: check.step, title: checkTitle(ctx, check) });
  const budgetMs = check.budgetMs(ctx);
  const budget = new AbortController();
  // A timer of the event loop (not AbortSignal.timeout) so fake timers drive budgets in tests too.
  const budgetTimer = setTimeout(() => budget.abort(), budgetMs);
  const signal = AbortSignal.any([runSignal, budget.signal]);
  const stopped = new Promise<CheckOutcome<unknown, object>>((resolve) => {
    const onAbort = () => {
      const why = runSignal.aborted ? reasonOf(runSignal) : msg('engine:stopped.budget', { ms: budgetMs });
      const cancelled = runSignal.aborted && runSignal.reason instanceof Deadline && runSignal.reason.cancelled;
      const outcome: CheckOutcome = {
        verdict: cancelled ? 'skipped' : 'error',
        summary: msg('engine:outcome.stopped', { why }),
      };
      // A background check answers from what it has when stopped; this only bounds one that does not.
      if (check.background) setTimeout(() => resolve(outcome), BACKGROUND_WRAP_UP_MS).unref();
      else resolve(outcome);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  let outcome: CheckOutcome<unknown, object, unknown>;
  try {
    outcome = await Promise.race([check.run({ ctx, input, deps: depsOf(check, deps), signal }), stopped]);
  } catch (error) {
    // A thrown exception is a bug in the check; it becomes a value here so the run goes on.
    ctx.log.log('error', `${check.id} threw: ${(error as Error).stack ?? String(error)}`);
    outcome = { verdict: 'error', summary: msg('engine:outcome.threw', { error: (error as Error).message }) };
  } finally {
    clearTimeout(budgetTimer);
  }
  const breach = contractBreach(check, outcome);
  if (breach) {
    // Also a bug in the check: reported, never passed on as findings the catalog did not promise.
    ctx.log.log('error', `${check.id} broke its contract: ${breach}`);
    outcome = { verdict: 'error', summary: msg('engine:outcome.breach', { breach }) };
  }
  return finish(outcome);
}

function reasonOf(signal: AbortSignal): Message {
  return signal.reason instanceof Deadline ? signal.reason.why : msg('engine:stopped.stopped');
}

/** A finished check's title as a message parameter (its locale key), so the window can re-say it. */
function titleParam(result: CheckResult): Message {
  return checkTitleMessage(result.id);
}

/** A check's title in the run's language: its locale key `checks-<step>:<name>.title` (docs/i18n.md). */
function checkTitle(ctx: EngineContext, check: AnyCheck): string {
  return ctx.translator.text(checkTitleMessage(check.id));
}
