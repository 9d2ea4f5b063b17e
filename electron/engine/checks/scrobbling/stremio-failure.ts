import { msg, type Message } from '../../../../shared/i18n/message';
import type { StremioApiResult } from '../../clients/stremio/api-client';
import type { NetFailureKind } from '../../net/http-client';
import type { CheckOutcome } from '../../runtime/check';

/** How a request that got no answer failed, said in the run's language (the layer names stay technical). */
const FAILURE: Readonly<Record<NetFailureKind | 'noAnswer', Message>> = {
  noAnswer: msg('checks-scrobbling:stremioFailure.failure.noAnswer'),
  timeout: msg('checks-scrobbling:stremioFailure.failure.timeout'),
  aborted: msg('checks-scrobbling:stremioFailure.failure.aborted'),
  proxy: msg('checks-scrobbling:stremioFailure.failure.proxy'),
  dns: msg('checks-scrobbling:stremioFailure.failure.dns'),
  tcp: msg('checks-scrobbling:stremioFailure.failure.tcp'),
  tls: msg('checks-scrobbling:stremioFailure.failure.tls'),
  'too-large': msg('checks-scrobbling:stremioFailure.failure.tooLarge'),
  other: msg('checks-scrobbling:stremioFailure.failure.other'),
};

/** The outcome of a Scrobbling read that Stremio's API did not answer as expected (never blames a layer it did not see). */
export function stremioFailure<Data>(
  method: string,
  answer: Extract<StremioApiResult<unknown>, { ok: false }>,
): CheckOutcome<Data> {
  switch (answer.kind) {
    case 'rejected':
      return {
        verdict: 'error',
        summary:
          answer.code === null
            ? msg('checks-scrobbling:stremioFailure.rejected', { method, message: answer.message })
            : msg('checks-scrobbling:stremioFailure.rejectedWithCode', {
                method,
                message: answer.message,
                code: answer.code,
              }),
        details: { method, answer: 'rejected', code: answer.code },
      };
    case 'http-status':
      return {
        verdict: 'error',
        summary: msg('checks-scrobbling:stremioFailure.httpStatus', { method, status: answer.status }),
        details: { method, answer: 'http-status', status: answer.status },
      };
    case 'malformed':
      return {
        verdict: 'error',
        // What the answer lacked, said by the client as a message (its English `reason` is for evidence).
        summary: msg('checks-scrobbling:stremioFailure.malformed', { method, reason: answer.why }),
        details: { method, answer: 'malformed' },
      };
    case 'unreachable':
      return {
        verdict: 'error',
        summary: msg('checks-scrobbling:stremioFailure.unreachable', {
          method,
          failure: FAILURE[answer.outcome.ok ? 'noAnswer' : answer.outcome.kind],
        }),
        details: { method, answer: 'unreachable' },
      };
  }
}
