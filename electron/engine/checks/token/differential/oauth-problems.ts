import type { ProblemCode } from '../../../../../shared/problems';
import type { OAuthFailureCause } from '../../../clients/oauth/oauth-errors';

/** Every problem a failed OAuth call can be evidence of (docs/problems.md token rows). */
export const OAUTH_FAILURE_CODES = [
  'OAUTH_DENIED',
  'OAUTH_INVALID_GRANT',
  'OAUTH_INVALID_CLIENT',
  'OAUTH_REDIRECT_MISMATCH',
  'OAUTH_INVALID_REQUEST',
  'CLOUDFLARE_BLOCKED',
  'SERVICE_OUTAGE',
] as const satisfies readonly ProblemCode[];

/** A problem a failed OAuth call can be evidence of. */
export type OAuthFailureCode = (typeof OAUTH_FAILURE_CODES)[number];

const BY_CAUSE: Readonly<Record<OAuthFailureCause, OAuthFailureCode>> = {
  denied: 'OAUTH_DENIED',
  'invalid-grant': 'OAUTH_INVALID_GRANT',
  'invalid-client': 'OAUTH_INVALID_CLIENT',
  'redirect-mismatch': 'OAUTH_REDIRECT_MISMATCH',
  'invalid-request': 'OAUTH_INVALID_REQUEST',
  'cloudflare-blocked': 'CLOUDFLARE_BLOCKED',
  outage: 'SERVICE_OUTAGE',
};

/** The problem a failed OAuth call's cause is evidence of; null when the answer named no known cause. */
export function problemOfOAuthCause(cause: OAuthFailureCause | null): OAuthFailureCode | null {
  return cause === null ? null : BY_CAUSE[cause];
}
