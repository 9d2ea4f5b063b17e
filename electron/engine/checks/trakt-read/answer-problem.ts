import type { ProblemCode } from '../../../../shared/problems';
import type { UsersSettingsClassification, UsersSettingsKind } from '../../clients/trakt/users-settings';
import type { ProblemObservation } from '../../runtime/check';

/**
 * What a classified answer of Trakt's authenticated API (`/users/settings`, the history read) is evidence of
 * (docs/problems.md "Revoked access"; trakt-api status codes): the checks' reading of the client's facts.
 */

/** Every problem a Trakt answer can be evidence of. */
export const TRAKT_ANSWER_CODES = [
  'TRAKT_TOKEN_REVOKED',
  'CLOUDFLARE_BLOCKED',
  'TRAKT_APP_UNAPPROVED',
  'TRAKT_ACCOUNT_DEACTIVATED',
  'TRAKT_ACCOUNT_LOCKED',
  'TRAKT_VIP_REQUIRED',
  'TRAKT_ACCOUNT_LIMIT',
  'TRAKT_RATE_LIMITED',
  'SERVICE_OUTAGE',
] as const satisfies readonly ProblemCode[];

/** A problem a Trakt answer can be evidence of. */
export type TraktAnswerCode = (typeof TRAKT_ANSWER_CODES)[number];

/** The problem an answer is evidence of, how sure that is, and what else it could mean. */
export interface TraktAnswerProblem {
  readonly code: TraktAnswerCode;
  readonly confidence: number;
  readonly alsoPossible?: readonly ProblemCode[];
  /** The catalog wording the answer calls for (Cloudflare's temporary ban: `temporary`). */
  readonly variant?: string;
}

/** The kinds that say nothing about a known cause. */
type Silent = Extract<UsersSettingsKind, 'ok' | 'unexpected' | 'unreachable'>;

/** Each telling kind's reading; `c` gives the facts that move the confidence (who answered, the 423 flags). */
const READINGS: Readonly<
  Record<Exclude<UsersSettingsKind, Silent>, (c: UsersSettingsClassification) => TraktAnswerProblem>
> = {
  // A 401 through Cloudflare without Trakt's server headers is less certain than one from the origin.
  unauthorized: (c) => ({ code: 'TRAKT_TOKEN_REVOKED', confidence: c.responder === 'cloudflare' ? 0.6 : 0.9 }),
  // Cloudflare's temporary ban (error 1015) says wait, not change networks (trakt/trakt-api#922).
  'cloudflare-blocked': (c) => ({
    code: 'CLOUDFLARE_BLOCKED',
    confidence: 0.9,
    ...(c.cloudflare?.temporary ? { variant: 'temporary' } : {}),
  }),
  // A 403 not proven to come from Trakt's origin may be Cloudflare's.
  'app-unapproved': (c) =>
    c.responder === 'origin'
      ? { code: 'TRAKT_APP_UNAPPROVED', confidence: 0.9 }
      : { code: 'TRAKT_APP_UNAPPROVED', confidence: 0.6, alsoPossible: ['CLOUDFLARE_BLOCKED'] },
  'account-deactivated': () => ({ code: 'TRAKT_ACCOUNT_DEACTIVATED', confidence: 0.95 }),
  // A 423 without `X-Account-Locked: true` may be a deactivated account (docs.trakt.tv/docs/locked-user-account).
  'account-locked': (c) =>
    c.accountFlags?.locked
      ? { code: 'TRAKT_ACCOUNT_LOCKED', confidence: 0.95 }
      : { code: 'TRAKT_ACCOUNT_LOCKED', confidence: 0.7, alsoPossible: ['TRAKT_ACCOUNT_DEACTIVATED'] },
  'vip-required': () => ({ code: 'TRAKT_VIP_REQUIRED', confidence: 0.9 }),
  'account-limit': () => ({ code: 'TRAKT_ACCOUNT_LIMIT', confidence: 0.85 }),
  'rate-limited': () => ({ code: 'TRAKT_RATE_LIMITED', confidence: 0.9 }),
  outage: () => ({ code: 'SERVICE_OUTAGE', confidence: 0.85 }),
};

/** The problem a classified answer is evidence of; null for an accepted, unknown or missing answer. */
export function traktAnswerProblem(c: UsersSettingsClassification): TraktAnswerProblem | null {
  if (c.kind === 'ok' || c.kind === 'unexpected' || c.kind === 'unreachable') return null;
  return READINGS[c.kind](c);
}

/** The observation of `c`'s problem, its evidence line led by `by` (who read it); null when it names none. */
export function traktAnswerObservation(c: UsersSettingsClassification, by: string): ProblemObservation | null {
  const problem = traktAnswerProblem(c);
  if (!problem) return null;
  return {
    code: problem.code,
    evidence: `${by}: ${c.evidence}`,
    confidence: problem.confidence,
    ...(problem.alsoPossible ? { alsoPossible: problem.alsoPossible } : {}),
    ...(problem.variant ? { variant: problem.variant } : {}),
  };
}
