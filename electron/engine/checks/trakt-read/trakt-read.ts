import type { Message } from '../../../../shared/i18n/message';
import { PROBLEMS, type ProblemCode } from '../../../../shared/problems';
import type { Verdict } from '../../../../shared/report';
import type { StepName } from '../../../../shared/steps';
import type { UsersSettingsClassification } from '../../clients/trakt/users-settings';
import {
  defineCheck,
  type CheckDetails,
  type CheckHandle,
  type CheckOutcome,
  type ProblemObservation,
} from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktAccess, type TraktAccess } from '../token/trakt-access';
import { traktTokenCheck } from '../token/trakt-token';
import { PRE_MIGRATION, preMigrationEvidence } from '../token/pre-migration';
import { TRAKT_ANSWER_CODES, traktAnswerObservation } from './answer-problem';

/**
 * The skeleton of a check that reads Trakt with the link Stremio holds (docs/architecture.md "Steps": Revoked,
 * Scrobbling): it depends on the account and the link, skips with the check's reason when the link cannot be used,
 * makes its read with Stremio's public client_id, and reads a refusal by the one status table
 * (`answer-problem.ts`). A new Trakt read — a live `/users/me/watching` poll, say — gives only what differs:
 * its read, how an accepted answer is said, and how a refusal is said.
 */

/** Why the link could not be used. */
export type TraktAccessRefusal = Exclude<TraktAccess, { ok: true }>['why'];

/** The link and the client_id a read uses. */
export type TraktReadAccess = Extract<TraktAccess, { ok: true }>;

/** A read's result: the value Trakt's answers gave, or the classified answer that refused it. */
export type TraktReadResult<Value> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly classification: UsersSettingsClassification };

/** What a Trakt-reading check gives the skeleton. */
export interface TraktReadSpec<Data, Value> {
  /** `step.name`, as for `defineCheck`. */
  readonly id: string;
  readonly step: StepName;
  /** The summary of a skip, per reason the link could not be used. */
  readonly skipped: Readonly<Record<TraktAccessRefusal, Message>>;
  /** Codes beyond the status table's (the table's are always declared). */
  readonly codes?: readonly ProblemCode[];
  /** Its budget; default: Stremio's link, then Trakt's answer, one probe timeout each. */
  budgetMs?(ctx: EngineContext): number;
  /** The read itself (pass `signal` to every request). */
  read(ctx: EngineContext, access: TraktReadAccess, signal: AbortSignal): Promise<TraktReadResult<Value>>;
  /** The outcome of a read Trakt answered. */
  accepted(value: Value, access: TraktReadAccess): CheckOutcome<Data>;
  /** How a refusal is said; its verdict and problem come from the status table. */
  readonly refused: TraktRefusalSpec<Data>;
}

/** How a check says Trakt's refusal. */
export interface TraktRefusalSpec<Data> {
  summary(c: UsersSettingsClassification): Message;
  details(c: UsersSettingsClassification): CheckDetails;
  /** The verdict of an answer that names no problem (an unexpected status): a warning or this check's error. */
  readonly withoutProblem: Extract<Verdict, 'warn' | 'error'>;
  /** The data dependents get after a refusal (none by default). */
  data?(c: UsersSettingsClassification): Data;
}

/** The verdict of a refused read: no answer is this check's error; a problem fails when the catalog calls it critical. */
export function refusalVerdict(code: ProblemCode | null, unreachable: boolean, withoutProblem: Verdict): Verdict {
  if (unreachable) return 'error';
  if (code === null) return withoutProblem;
  return PROBLEMS[code].severity === 'critical' ? 'fail' : 'warn';
}

/** Defines a check that reads Trakt with Stremio's link (see the file's comment). */
export function defineTraktReadCheck<Data, Value>(spec: TraktReadSpec<Data, Value>): CheckHandle<Data> {
  return defineCheck<Data>()({
    id: spec.id,
    step: spec.step,
    dependsOn: [stremioAccountCheck, traktTokenCheck],
    codes: [...TRAKT_ANSWER_CODES, ...(spec.codes ?? [])],
    budgetMs: spec.budgetMs ?? ((ctx) => 2 * ctx.config.timeouts.probeMs + 1000),
    async run({ ctx, deps, signal }) {
      const access = await traktAccess(ctx, deps, signal);
      if (!access.ok) return { verdict: 'skipped', summary: spec.skipped[access.why] };
      const read = await spec.read(ctx, access, signal);
      if (read.ok) return spec.accepted(read.value, access);
      return refusedOutcome(spec.id, spec.refused, read.classification, access);
    },
  });
}

function refusedOutcome<Data>(
  checkId: string,
  refused: TraktRefusalSpec<Data>,
  c: UsersSettingsClassification,
  access: TraktReadAccess,
): CheckOutcome<Data> {
  const observed = withLinkAge(traktAnswerObservation(c, checkId), access);
  const data = refused.data?.(c);
  return {
    verdict: refusalVerdict(observed?.code ?? null, c.kind === 'unreachable', refused.withoutProblem),
    summary: refused.summary(c),
    ...(observed ? { problems: [observed] } : {}),
    details: refused.details(c),
    ...(data !== undefined ? { data } : {}),
  };
}

/**
 * Removed access (a 401) on a link made before Trakt's OAuth migration: Trakt refuses many links that old and never
 * renews them (trakt/trakt-api#888, #922), so the finding says re-authenticating once fixes it for good.
 */
function withLinkAge(observed: ProblemObservation | null, access: TraktReadAccess): ProblemObservation | null {
  const preMigration = observed?.code === 'TRAKT_TOKEN_REVOKED' ? preMigrationEvidence(access.link) : null;
  if (!observed || !preMigration) return observed;
  return { ...observed, evidence: `${observed.evidence}; the link was ${preMigration}`, variant: PRE_MIGRATION };
}
