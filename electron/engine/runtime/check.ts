import type { FixAction, Severity, Verdict, CheckResult } from '../../../shared/report';
import type { DetailsSchema } from '../../../shared/check-details/details-schema';
import type { ProblemCode } from '../../../shared/problems';
import type { StepName } from '../../../shared/steps';
import type { Message } from '../../../shared/i18n/message';
import type { EngineContext } from './context';
import type { OAuthRunOptions } from './oauth-types';
import type { WatchRunOptions } from './watch-types';
import type { StremioCredentials } from './credentials';

/** What one diagnosis run was asked to do. */
export interface DiagnosisInput {
  /** The steps to run (their checks' dependencies run too). */
  readonly steps: readonly StepName[];
  /** An address the user pasted (the page that shows 400), analysed like Stremio's redirect. */
  readonly authUrl?: string;
  /** Stremio credentials, given with the user's consent; absent = not signed in. */
  readonly credentials?: StremioCredentials;
  /** The opt-in differential Trakt sign-in test (docs/architecture.md "Steps": Token); absent = not run. */
  readonly oauth?: OAuthRunOptions;
  /** The opt-in re-link watch, `token.relink` (docs/architecture.md "Confirming a fix"); absent = not run. */
  readonly relink?: WatchRunOptions;
  /** The opt-in live scrobble test, `scrobbling.live` (docs/architecture.md "Confirming a fix"); absent = not run. */
  readonly liveScrobble?: WatchRunOptions;
}

/** One observation of a problem by a check; findings are built from these. */
export interface ProblemObservation {
  readonly code: ProblemCode;
  /** One line saying what was observed (no secrets: it is redacted anyway, but do not rely on it). */
  readonly evidence: string;
  /** 0–1; default 0.9. */
  readonly confidence?: number;
  /** Overrides the catalog's default severity (e.g. CLOCK_SKEW over 5 minutes is critical). */
  readonly severity?: Severity;
  /** A concrete fix action (e.g. the corrected sign-in link) replacing the catalog's default one. */
  readonly action?: FixAction;
  /** Codes the same observation could also mean (docs/problems.md: "also possible", never both as certain). */
  readonly alsoPossible?: readonly ProblemCode[];
  /** The fix's steps ranked from what the other checks found, replacing the catalog's (SCROBBLE_NOT_SEEN_LIVE). */
  readonly fixSteps?: readonly Message[];
  /**
   * The catalog wording this evidence calls for (one of the code's `variants` in shared/problems.ts, e.g.
   * `preMigration` for an expired link made before Trakt's OAuth migration); the default wording when absent.
   */
  readonly variant?: string;
}

/** Findings a check saw fixed: their codes and when (docs/architecture.md "Confirming a fix"). */
export interface Confirmation {
  readonly codes: readonly ProblemCode[];
  /** Epoch ms: findings observed by checks that finished later are not covered. */
  readonly atMs: number;
}

/** JSON-safe facts shown under "details" and written to the report (redacted there). */
export type CheckDetails = Readonly<Record<string, unknown>>;

/** What a check's run returns. */
export interface CheckOutcome<Data = undefined, Details extends object = CheckDetails, WindowOnly = never> {
  readonly verdict: Verdict;
  /** One plain-language sentence as a locale message (docs/i18n.md): plain text does not compile. */
  readonly summary: Message;
  readonly problems?: readonly ProblemObservation[];
  /** JSON-safe facts shown under "details" and written to the report (redacted there). */
  readonly details?: Details;
  /** Private data for dependent checks (may hold secrets; never reported or sent over IPC). */
  readonly data?: Data;
  /**
   * Personal facts the window may show to its user (watched titles): streamed with the check's
   * finished event only, never part of the result, the report, the log, the copy summary or a bundle.
   * Only a check that declares its schema (`CheckSpec.windowOnly`) may return one.
   */
  readonly windowOnly?: WindowOnly;
  /** The findings this check watched being fixed (the closed loop): they carry a `resolution` in the report. */
  readonly confirms?: Confirmation;
}

/** A finished check as the scheduler keeps it. */
export interface CompletedCheck {
  readonly result: CheckResult;
  readonly data: unknown;
  /** The problems it observed, with their evidence (findings are built from these). */
  readonly observations: readonly ProblemObservation[];
  /** When it finished (epoch ms, the context's clock; absent = long ago): a confirmation covers only findings seen before it. */
  readonly finishedAtMs?: number;
  /** The findings it saw fixed (CheckOutcome.confirms). */
  readonly confirms?: Confirmation;
  /** When it was skipped for a dependency: the check at the root of that chain (named instead of nesting reasons). */
  readonly blockedBy?: CheckResult;
}

/** What a check reads of another's result: its verdict and the codes it raised. */
export interface ConsultedResult {
  readonly verdict: Verdict;
  readonly problems: readonly ProblemCode[];
}

/** The data type a handle carries (its phantom `[CHECK_DATA]`). */
declare const CHECK_DATA: unique symbol;

/** The data `check` leaves for its dependents. */
export type DataOf<C> = C extends { readonly [CHECK_DATA]?: infer Data } ? Data : never;

/**
 * The finished dependencies of a check, read through their handles. `Allowed` is the check's `dependsOn` and
 * `consults`: reading any other check does not compile (and throws at run time, for a handle cast around the types).
 */
export interface CheckDeps<Allowed extends AnyCheck = AnyCheck> {
  /** The data `check` left for its dependents (undefined when it left none). */
  get<C extends Allowed>(check: C): DataOf<C> | undefined;
  /** `check`'s verdict and codes, or undefined when it has no result (a consulted check that did not run). */
  result(check: Allowed): ConsultedResult | undefined;
}

/** What a check's run receives; `Allowed` is what its `dependsOn` lists. */
export interface CheckRunArgs<Allowed extends AnyCheck = AnyCheck> {
  readonly ctx: EngineContext;
  readonly input: DiagnosisInput;
  /** The finished dependencies. */
  readonly deps: CheckDeps<Allowed>;
  /** Aborted when the check's budget or the run's deadline is reached, or the run is cancelled. */
  readonly signal: AbortSignal;
}

/** A check as `defineCheck` takes it: what it is, what it needs, what it may raise, and how it runs (docs/architecture.md "Steps"). */
export interface CheckSpec<
  Data,
  Details extends object,
  WindowOnly = never,
  Id extends string = string,
  Deps extends readonly AnyCheck[] = readonly AnyCheck[],
  Consults extends readonly AnyCheck[] = readonly AnyCheck[],
> {
  /** `step.name`, e.g. `connectivity.captive-portal`; its title is the locale's `checks-<step>:<name>.title` (docs/i18n.md). */
  readonly id: Id;
  readonly step: StepName;
  /** The checks whose results this one reads (`deps.get(handle)`); it runs after them. */
  readonly dependsOn: Deps;
  /**
   * Checks whose results this one reads when they have one (`deps.result(handle)`), without needing them:
   * it waits for those in the same run and reads those the session holds, but a consulted check that was
   * skipped, failed or never ran does not skip this one (the live scrobble test ranks causes from them).
   */
  readonly consults?: Consults;
  /** Every problem code its run may raise: raising another is a programmer error (the run ends in `error`). */
  readonly codes: readonly ProblemCode[];
  /** The shape of its details, shared with the renderer; a run whose details do not match ends in `error`. */
  readonly details?: DetailsSchema<Details>;
  /**
   * Runs even when a dependency was skipped or failed, reading the data of those that left some (the
   * pasted address needs no account, but checks a pasted start link against the signed-in one).
   */
  readonly runsWhenDepsSkipped?: boolean;
  /**
   * The shape of its window-only payload, which the window parses with the same schema; a payload without one, or
   * off it, ends the run in `error`.
   */
  readonly windowOnly?: DetailsSchema<WindowOnly>;
  /** Waits for the user (the OAuth test): bounded by its own budget and cancellation, not the run's deadline. */
  readonly interactive?: boolean;
  /**
   * Runs beside every run whatever its steps, and is never waited for: once the other checks are done its
   * signal aborts and it must answer at once from what it has (the incidents feed: its cached copy). No
   * other check may depend on it, so it can never lengthen a diagnosis.
   */
  readonly background?: boolean;
  /** Hard time budget in ms, from the config (usually derived from the probe timeout). */
  budgetMs(ctx: EngineContext): number;
  run(args: CheckRunArgs<Deps[number] | Consults[number]>): Promise<CheckOutcome<Data, Details, WindowOnly>>;
}

/**
 * A defined check: the handle dependents name in `dependsOn` and read with `deps.get(handle)`. Its `id` is a literal
 * type, so no other check's handle stands in for it.
 */
export interface CheckHandle<
  Data = unknown,
  Details extends object = object,
  WindowOnly = unknown,
  Id extends string = string,
> extends CheckSpec<Data, Details, WindowOnly, Id> {
  /** Never set: carries the data type from the check's run to its readers. */
  readonly [CHECK_DATA]?: Data;
}

/** Any check, whatever its data and details (registries, the scheduler). */
export type AnyCheck = CheckHandle<unknown, object, unknown, string>;

/**
 * Defines a check with typed data, details and window-only payload:
 * `defineCheck<Data, Details, WindowOnly>()({ id, dependsOn, … })`. The returned handle is what dependents list in
 * `dependsOn` and pass to `deps.get`, so the data a check leaves is typed from its run to its readers; and since
 * the second call sees the `dependsOn` list, `deps.get` accepts only the handles in it.
 */
export function defineCheck<Data = undefined, Details extends object = CheckDetails, WindowOnly = never>() {
  return <
    const Id extends string,
    const Deps extends readonly AnyCheck[],
    const Consults extends readonly AnyCheck[] = readonly [],
  >(
    spec: CheckSpec<Data, Details, WindowOnly, Id, Deps, Consults>,
  ): CheckHandle<Data, Details, WindowOnly, Id> =>
    Object.freeze({
      ...spec,
      dependsOn: Object.freeze([...spec.dependsOn]),
      consults: Object.freeze([...(spec.consults ?? [])]),
      codes: Object.freeze([...spec.codes]),
    });
}
