import type { CheckOutcome } from '../../../runtime/check';
import type { ChainHopRecord } from '../../../clients/trakt/sign-in-chain';
import type { SignInChain } from '../../../../../shared/check-details/sign-in-chain';
import type { LinkProvenance } from './corrected-link-template';

/** Where a sign-in chain started: Stremio's own start link, or an address the user pasted. */
export type ChainSource = 'stremio' | 'pasted';

/** Whose host ended a chain: Stremio's, Trakt's, or none known. */
export type ChainOwner = 'stremio' | 'trakt' | null;

/** A chain's verdict with what dependent checks need. */
export interface ChainVerdict {
  readonly outcome: CheckOutcome;
  readonly pkceInjected: boolean;
}

/** How a chain is judged. */
export interface JudgeOptions {
  readonly checkId: string;
  readonly source: ChainSource;
  /** What a corrected link may carry of the chain's sign-in link (corrected-link-template.ts). */
  readonly provenance: LinkProvenance;
  readonly signal: AbortSignal;
  /** Time left for the corrected link's own chain. */
  readonly verifyBudgetMs: number;
}

/** The pieces of a verdict every reading shares (built once per chain, `verdictParts`). */
export interface VerdictParts {
  /** The check that followed the chain (it leads the evidence lines). */
  readonly checkId: string;
  /** Where the chain started: the `context` of the summaries that name it (Stremio's link or the pasted address). */
  readonly source: ChainSource;
  /** The hop that ended the chain (null for a chain that never started) and its index. */
  readonly last: ChainHopRecord | null;
  readonly lastIndex: number;
  /** Where the last hop is, as a user may see it (`?` for none). */
  readonly place: string;
  /** Whose host ended the chain. */
  readonly owner: ChainOwner;
  /** The chain as the report carries it. */
  readonly reported: SignInChain;
  /** One evidence line: the check, what was seen, and the chain. */
  evidence(what: string): string;
  /** The check's details: the reported chain and `extra`. */
  details(extra?: Record<string, unknown>): Record<string, unknown>;
  /** The outcome as it is. */
  result(outcome: CheckOutcome): ChainVerdict;
  /** Adds the injected-challenge observation (when Trakt added one) to an outcome. */
  withPkce(outcome: CheckOutcome): ChainVerdict;
}
