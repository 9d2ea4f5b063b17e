import type { ProblemObservation } from '../../../runtime/check';
import type { StrayCallback } from '../../../clients/oauth/stray-callbacks';

/**
 * The OAUTH_STATE_MISMATCH observation: always "possible interference" with its evidence, since any web page can
 * send requests to 127.0.0.1 and a mismatch proves only that something other than the sign-in reached the port. Requests a web
 * page made are an info line (nothing of the sign-in was at stake); a navigation is a warning.
 */
export function stateMismatchObservation(count: number, seen: readonly StrayCallback[]): ProblemObservation {
  const pages = seen.filter((s) => s.pageRequest);
  const origins = [...new Set(pages.map((s) => s.origin).filter((o): o is string => o !== null))];
  const others = seen.filter((s) => !s.pageRequest);
  const parts = [
    ...(pages.length > 0
      ? [`${pages.length} made by a web page${origins.length > 0 ? ` (${origins.join(', ')})` : ''}`]
      : []),
    ...(others.length > 0
      ? [`${others.length} navigation(s) or unlabelled request(s): ${others.map((s) => `${s.state} state`).join(', ')}`]
      : []),
  ];
  const onlyPages = seen.length > 0 && others.length === 0 && count <= seen.length;
  return {
    code: 'OAUTH_STATE_MISMATCH',
    severity: onlyPages ? 'info' : 'warning',
    confidence: onlyPages ? 0.2 : 0.5,
    evidence: `token.oauth-differential: possible interference — ${count} request(s) reached the loopback callback with a missing or wrong state and were rejected${parts.length > 0 ? ` (of those recorded: ${parts.join('; ')})` : ''}`,
  };
}
