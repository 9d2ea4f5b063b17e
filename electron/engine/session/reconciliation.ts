import type { Message } from '../../../shared/i18n/message';
import type { ProblemCode } from '../../../shared/problems';
import type { CheckResult, Verdict } from '../../../shared/report';
import type { Severity } from '../../../shared/severity';
import type { ProblemObservation } from '../runtime/check';

// What a reconciliation rule sees and may change (electron/engine/session/reconcile-findings.ts applies them).

/** One observation and the check that made it. */
export interface Observed {
  readonly check: string;
  readonly observation: ProblemObservation;
}

/** The session's latest results as one rule reads and amends them. */
export interface Reconciliation {
  /** A check's latest result, or undefined when the session holds none. */
  result(id: string): CheckResult | undefined;
  /** Every observation of `code`, with the check that made it. */
  observed(code: ProblemCode): readonly Observed[];
  /** Caps the severity of every observation of `code` (a cap above the current severity changes nothing). */
  cap(code: ProblemCode, severity: Severity, because: string): void;
  /** Raises every observation of `code` to at least `severity`, with a line of evidence saying why. */
  raise(code: ProblemCode, severity: Severity, because: string, check: string): void;
  /** Adds an observation to a check's (a reading of several checks' evidence that none made alone). */
  add(check: string, observation: ProblemObservation): void;
  /** Removes the observations of `code` (its finding goes with them): another finding explains them. */
  drop(code: ProblemCode): void;
  /** Moves the observations of `from` to `to` (the same evidence, read right), saying why. */
  reassign(from: ProblemCode, to: ProblemCode, because: string): void;
  /** Gives a check a new verdict and sentence (its evidence no longer supports the old ones). */
  restate(id: string, verdict: Verdict, summary: Message): void;
  /** Replaces one nested sentence of a check's summary (by key), keeping the rest. */
  reword(id: string, from: string, to: string): void;
}

/** One rule: reads the results, amends what another check's evidence contradicts. */
export type ReconcileRule = (session: Reconciliation) => void;
