import { msg, type Message } from '../../../../../shared/i18n/message';
import { joinSentences } from '../../../../../shared/i18n/join';
import type { ProblemCode } from '../../../../../shared/problems';
import { ASK_WHAT_THE_BROWSER_SHOWED, type OAuthNoCallbackDetails } from '../../../../../shared/check-details/token';
import type { CheckOutcome, ProblemObservation } from '../../../runtime/check';
import type { DifferentialEnd, DifferentialFacts, OAuthCall } from '../../../clients/oauth/differential-flow';
import { causeOfOAuthError, type OAuthFailure } from '../../../clients/oauth/oauth-errors';
import type { LoopbackStats } from '../../../clients/oauth/loopback-server';
import { TRAKT_ANSWER_CODES, traktAnswerObservation } from '../../trakt-read/answer-problem';
import { usersSettingsSummary } from '../../trakt-read/answer-summary';
import { OAUTH_FAILURE_CODES, problemOfOAuthCause } from './oauth-problems';
import { stateMismatchObservation } from './state-mismatch';

/**
 * The differential sign-in test's verdict from what its flow observed (docs/architecture.md "Steps": Token): if
 * the wizard's own sign-in works while Stremio's link fails, the fault is on Stremio's side; if it fails too, it
 * is the browser, the network or the Trakt account.
 */

/**
 * Every problem the test can raise: its OAuth calls' failures, a state mismatch, no loopback port, and
 * what `/users/settings` says of the fresh token (but a 401 there: that is no revoked Stremio access).
 */
export const DIFFERENTIAL_TEST_CODES: readonly ProblemCode[] = [
  ...new Set<ProblemCode>([
    ...OAUTH_FAILURE_CODES,
    'OAUTH_STATE_MISMATCH',
    'LOOPBACK_UNAVAILABLE',
    ...TRAKT_ANSWER_CODES.filter((code) => code !== 'TRAKT_TOKEN_REVOKED'),
  ]),
];

/** The clause shared by the verdicts where the wizard's own sign-in fails too. */
const OURS_FAILS = msg('checks-token:oauth-differential.oursFails');
/** The OAuth calls a failure can name. */
const CALLS: Readonly<Record<OAuthCall, Message>> = {
  exchange: msg('checks-token:oauth-differential.call.exchange'),
  deviceCode: msg('checks-token:oauth-differential.call.deviceCode'),
  polling: msg('checks-token:oauth-differential.call.polling'),
};

/** Judges one run of the flow; `redirectPort` is the registered loopback port (named when it could not open). */
export function judgeDifferential(facts: DifferentialFacts, redirectPort: number): CheckOutcome {
  const problems: ProblemObservation[] = [];
  const unavailable = facts.loopbackUnavailable;
  if (unavailable)
    problems.push({
      code: 'LOOPBACK_UNAVAILABLE',
      evidence: `token.oauth-differential: ${unavailable.reason} (${unavailable.errno})${facts.requested === 'auto' ? '; the device-code sign-in was used instead' : ''}`,
      confidence: 0.95,
    });
  if (facts.end.kind === 'loopback-unavailable')
    return {
      verdict: 'warn',
      summary: msg('checks-token:oauth-differential.loopbackUnavailable', {
        reason: listenFailure(unavailable?.errno, redirectPort),
      }),
      problems,
      details: { mode: 'loopback', loopback: { available: false, errno: unavailable?.errno } },
    };
  const details: Record<string, unknown> =
    facts.mode === 'loopback'
      ? { mode: 'loopback', loopback: facts.loopback }
      : { mode: 'device', ...(unavailable ? { loopback: { available: false } } : {}), device: facts.device ?? {} };
  if (facts.loopback && facts.loopback.stateMismatch > 0)
    problems.push(stateMismatchObservation(facts.loopback.stateMismatch, facts.loopback.strayCallbacks));
  const outcome = endOutcome(facts.end, facts.mode);
  const all = [...problems, ...(outcome.problems ?? [])];
  return { ...outcome, ...(all.length > 0 ? { problems: all } : {}), details: { ...details, ...outcome.details } };
}

/** Why the loopback port could not be opened, said from its errno (the client's `reason` is evidence, English). */
function listenFailure(errno: string | undefined, port: number): Message {
  if (errno === 'EADDRINUSE') return msg('checks-token:oauth-differential.listen.inUse', { port });
  if (errno === 'EACCES' || errno === 'EPERM')
    return msg('checks-token:oauth-differential.listen.notPermitted', { port });
  if (errno === 'EADDRNOTAVAIL') return msg('checks-token:oauth-differential.listen.noLocalhost');
  return msg('checks-token:oauth-differential.listen.other', { port, code: errno ?? 'unknown error' });
}

function endOutcome(end: Exclude<DifferentialEnd, { kind: 'loopback-unavailable' }>, mode: DifferentialFacts['mode']) {
  switch (end.kind) {
    case 'cancelled':
      return { verdict: 'skipped', summary: msg('checks-token:oauth-differential.cancelled') } satisfies CheckOutcome;
    case 'browser-not-opened':
      return {
        verdict: 'error',
        summary: msg('checks-token:oauth-differential.browserNotOpened', { error: end.error }),
      } satisfies CheckOutcome;
    case 'no-callback':
      return noCallback(end.timeoutMs, end.counts);
    case 'authorize-error':
      return authorizeError(end.error, end.description);
    case 'call-failed':
      return failedCall(CALLS[end.call], end.failure);
    case 'device-denied':
      return {
        verdict: 'warn',
        summary: msg('checks-token:oauth-differential.deviceDenied'),
        problems: [{ code: 'OAUTH_DENIED', evidence: 'POST /oauth/device/token → 418 (denied by the user)' }],
      } satisfies CheckOutcome;
    case 'device-expired':
      return { verdict: 'warn', summary: msg('checks-token:oauth-differential.deviceExpired') } satisfies CheckOutcome;
    case 'device-invalid-code':
    case 'device-already-used':
      return deviceRefused(end.kind);
    case 'verified':
      return verified(end, mode);
  }
}

function deviceRefused(kind: 'device-invalid-code' | 'device-already-used'): CheckOutcome {
  const invalid = kind === 'device-invalid-code';
  const status = invalid ? '404 (invalid device code)' : '409 (code already used)';
  return {
    verdict: 'fail',
    summary: invalid
      ? msg('checks-token:oauth-differential.deviceInvalid', { oursFails: OURS_FAILS })
      : msg('checks-token:oauth-differential.deviceUsed', { oursFails: OURS_FAILS }),
    problems: [{ code: 'OAUTH_INVALID_GRANT', evidence: `POST /oauth/device/token → ${status}`, confidence: 0.8 }],
  };
}

function noCallback(timeoutMs: number, counts: LoopbackStats): CheckOutcome {
  // The shape the sign-in test card reads to ask what the browser showed.
  const asked: OAuthNoCallbackDetails = { noCallback: true, askUser: ASK_WHAT_THE_BROWSER_SHOWED, timeoutMs };
  return {
    verdict: 'warn',
    summary: msg('checks-token:oauth-differential.noCallback', { ms: timeoutMs }),
    details: { ...asked, loopback: counts },
  };
}

function authorizeError(error: string, description: string | null): CheckOutcome {
  const problem = problemOfOAuthCause(causeOfOAuthError(error, description));
  const evidence = `authorize callback: error=${error}${description ? ` ("${description}")` : ''}`;
  if (problem === 'OAUTH_DENIED')
    return {
      verdict: 'warn',
      summary: msg('checks-token:oauth-differential.declined'),
      problems: [{ code: 'OAUTH_DENIED', evidence }],
    };
  return {
    verdict: 'fail',
    summary: msg('checks-token:oauth-differential.authorizeError', { error, oursFails: OURS_FAILS }),
    ...(problem ? { problems: [{ code: problem, evidence }] } : {}),
  };
}

function failedCall(what: Message, failure: OAuthFailure): CheckOutcome {
  if (failure.status === null) {
    // No answer at all: the Connectivity step tells why; this check blames no layer it did not reach.
    return {
      verdict: 'error',
      summary: msg('checks-token:oauth-differential.callUnreachable', { what, evidence: failure.evidence }),
      details: { failure: failure.evidence },
    };
  }
  const problem = problemOfOAuthCause(failure.cause);
  return {
    verdict: 'fail',
    summary: msg('checks-token:oauth-differential.callRefused', {
      what,
      error: failure.error ?? `HTTP ${failure.status}`,
      oursFails: OURS_FAILS,
    }),
    ...(problem
      ? {
          problems: [
            {
              code: problem,
              evidence: failure.evidence,
              // Cloudflare's temporary ban (error 1015): wait, not another network (trakt/trakt-api#922).
              ...(failure.cloudflare?.temporary ? { variant: 'temporary' } : {}),
            },
          ],
        }
      : {}),
    details: { failure: failure.evidence },
  };
}

/** A token came: what Trakt said of it, with whether it was revoked. */
function verified(end: Extract<DifferentialEnd, { kind: 'verified' }>, mode: DifferentialFacts['mode']): CheckOutcome {
  const c = end.settings;
  const revoked = end.revoke;
  const facts = {
    settings: {
      status: c.status,
      kind: c.kind,
      ...(c.account ? { vip: c.account.vip } : {}),
    },
    revoked: revoked.ok,
    ...(revoked.ok ? {} : { revokeFailure: revoked.evidence }),
    tokenExpiresIn: end.tokenExpiresIn,
  };
  const revokeNote = revoked.ok
    ? msg('checks-token:oauth-differential.revoked')
    : msg('checks-token:oauth-differential.revokeFailed', { evidence: revoked.evidence });
  const withRevokeNote = (summary: Message) => joinSentences([summary, revokeNote]);
  if (c.kind === 'ok') {
    const how = msg(
      mode === 'loopback'
        ? 'checks-token:oauth-differential.modeLoopback'
        : 'checks-token:oauth-differential.modeDevice',
    );
    return {
      verdict: revoked.ok ? 'pass' : 'warn',
      summary: withRevokeNote(msg('checks-token:oauth-differential.worked', { how })),
      details: facts,
    };
  }
  if (c.kind === 'unreachable')
    return {
      verdict: 'error',
      summary: withRevokeNote(
        msg('checks-token:oauth-differential.accountUnread', { reason: usersSettingsSummary(c) }),
      ),
      details: facts,
    };
  // A 401 on a token Trakt issued a second ago is not "Stremio's access was revoked": no code for it.
  const observed =
    c.kind === 'unauthorized' ? null : traktAnswerObservation(c, "token.oauth-differential (the wizard's fresh token)");
  return {
    verdict: 'fail',
    summary: withRevokeNote(msg('checks-token:oauth-differential.tokenRefused', { reason: usersSettingsSummary(c) })),
    ...(observed ? { problems: [observed] } : {}),
    details: facts,
  };
}
