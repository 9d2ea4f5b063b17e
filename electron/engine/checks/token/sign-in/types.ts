import type { CheckOutcome } from '../../../runtime/check';

/** Where a sign-in chain started: Stremio's own start link, or an address the user pasted. */
export type ChainSource = 'stremio' | 'pasted';

/** A chain's verdict with what dependent checks need. */
export interface ChainVerdict {
  readonly outcome: CheckOutcome;
  readonly pkceInjected: boolean;
}

/** How a chain is judged. */
export interface JudgeOptions {
  readonly checkId: string;
  readonly source: ChainSource;
  readonly signal: AbortSignal;
  /** Time left for the corrected link's own chain. */
  readonly verifyBudgetMs: number;
}

/** The pieces of a verdict every reading shares (built once per chain). */
export interface VerdictParts {
  /** Where the chain started: the `context` of the summaries that name it (Stremio's link or the pasted address). */
  readonly source: ChainSource;
  /** One evidence line: the check, what was seen, and the chain. */
  evidence(what: string): string;
  /** The check's details: the reported chain and `extra`. */
  details(extra?: Record<string, unknown>): Record<string, unknown>;
  /** Adds the injected-challenge observation (when Trakt added one) to an outcome. */
  withPkce(outcome: CheckOutcome): ChainVerdict;
}
