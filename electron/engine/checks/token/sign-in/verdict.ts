import type { ProblemCode } from '../../../../../shared/problems';
import { msg, type MessageParam } from '../../../../../shared/i18n/message';
import type { CheckOutcome, ProblemObservation } from '../../../runtime/check';
import type { EngineContext } from '../../../runtime/context';
import { isTraktEndpoint } from '../../../runtime/endpoint-hosts';
import type { FollowedChain } from '../../../clients/trakt/sign-in-chain';
import {
  clientLinkOf,
  endSentence,
  hopPlace,
  lastHop,
  pkceInjectedAt,
  reportChain,
} from '../../../clients/trakt/sign-in-chain-reading';
import { PKCE_MEANING, reportTextFor } from './report-text';
import { fromSource } from './text';
import type { ChainVerdict, JudgeOptions, VerdictParts } from './types';
import { wrongHostVerdict } from './wrong-host';

/**
 * Turns an observed sign-in chain into a verdict, from what was observed and never from the shape of
 * an address: a 4xx on Trakt's API host, a PKCE challenge Trakt added, a 5xx, `error=` back at the
 * redirect URI, Cloudflare's block page, or a chain that reached Trakt's sign-in page.
 */

/** Every code a sign-in chain's reading may raise (the sign-in checks declare them). */
export const SIGN_IN_CODES: readonly ProblemCode[] = [
  'AUTH_URL_WRONG_HOST',
  'AUTH_REDIRECT_FAILED',
  'TRAKT_AUTH_PKCE_INJECTED',
  'TRAKT_AUTH_SERVER_ERROR',
  'TRAKT_AUTH_REJECTED',
  'CLOUDFLARE_BLOCKED',
];

/** Confidence of an injected challenge seen in the chain alone (the differential test may raise it). */
const PKCE_CONFIDENCE = 0.8;

const ownerOf = (chain: FollowedChain, index: number): 'stremio' | 'trakt' | null => {
  const endpoint = chain.hops[index]?.endpoint ?? null;
  return endpoint === null ? null : isTraktEndpoint(endpoint) ? 'trakt' : 'stremio';
};

/** Judges a followed chain (following the corrected link too when the API host answered 4xx). */
export async function judgeChain(
  ctx: EngineContext,
  chain: FollowedChain,
  options: JudgeOptions,
): Promise<ChainVerdict> {
  const { checkId, source } = options;
  const link = clientLinkOf(chain);
  const injectedAt = pkceInjectedAt(chain);
  const last = lastHop(chain);
  const lastIndex = chain.hops.length - 1;
  // Who ended the chain: the last hop's host, or for a hop that was not requested (an unknown host) the one that sent there.
  const owner = last?.requested
    ? ownerOf(chain, lastIndex)
    : (ownerOf(chain, lastIndex - 1) ?? ownerOf(chain, lastIndex));
  const reported = reportChain(chain);
  const forwarded = chain.hops.some((h, i) => h.endpoint === 'traktApi' && h.page === 'redirect' && i < lastIndex);
  const notes: string[] = [];
  if (forwarded && chain.end.kind === 'user-page')
    notes.push(
      "Trakt's API host forwards the sign-in link to the website (trakt/trakt-api#887): the 400 of trakt-api#646 does not happen today.",
    );
  const chainLine = `${chain.hops.map(hopPlace).join(' → ')} → ${endSentence(chain)}`;
  const evidence = (what: string) => `${checkId}: ${what} (${chainLine})`;
  const pkce: ProblemObservation[] =
    injectedAt === null
      ? []
      : [
          {
            code: 'TRAKT_AUTH_PKCE_INJECTED',
            evidence: evidence(
              `Trakt added code_challenge at ${hopPlace(chain.hops[injectedAt]!)} although the sign-in link carried none`,
            ),
            confidence: PKCE_CONFIDENCE,
          },
        ];
  const details = (extra: Record<string, unknown> = {}) => ({
    chain: reported,
    ...(link
      ? { clientId: link.clientId, redirectUri: link.redirectUri, sentChallenge: link.sentChallenge !== null }
      : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...extra,
  });
  const result = (outcome: CheckOutcome): ChainVerdict => ({
    outcome,
    pkceInjected: injectedAt !== null,
  });
  const withPkce = (outcome: CheckOutcome): ChainVerdict => {
    if (injectedAt === null) return result(outcome);
    const problems = [...(outcome.problems ?? []), ...pkce];
    return result({
      ...outcome,
      verdict: 'fail',
      summary:
        outcome.verdict === 'pass'
          ? fromSource(source, 'checks-token:signInChain.pkceOnPass')
          : msg('checks-token:signInChain.pkceAfter', { summary: outcome.summary }),
      problems,
      details: { ...outcome.details, reportText: reportTextFor(reported, PKCE_MEANING) },
    });
  };
  const parts: VerdictParts = { source, evidence, details, withPkce };
  const place = last ? hopPlace(last) : '?';
  // `what` (English) says it in the evidence line; the message `key` and `params` say it in the summary.
  const stremioFailed = (
    key: string,
    params: Record<string, MessageParam>,
    what: string,
    confidence: number,
  ): ChainVerdict =>
    result({
      verdict: 'fail',
      summary: fromSource(source, key, params),
      problems: [{ code: 'AUTH_REDIRECT_FAILED', evidence: evidence(`GET /trakt/auth/<id> ${what}`), confidence }],
      details: details(),
    });
  const traktBroken = (
    key: string,
    params: Record<string, MessageParam>,
    what: string,
    confidence: number,
  ): ChainVerdict =>
    withPkce({
      verdict: 'fail',
      summary: msg(key, { place, ...params }),
      problems: [{ code: 'TRAKT_AUTH_SERVER_ERROR', evidence: evidence(`Trakt's sign-in ${what}`), confidence }],
      details: details({
        reportText: reportTextFor(reported, `Trakt's sign-in ${what}; no browser can reach the sign-in page.`),
      }),
    });

  const end = chain.end;
  switch (end.kind) {
    case 'handoff':
      return result({
        verdict: 'pass',
        summary: fromSource(source, 'checks-token:signInChain.handoff', { place }),
        details: details(),
      });
    case 'not-a-url':
      return result({
        verdict: 'warn',
        summary: msg('checks-token:signInChain.notAUrl'),
        details: details(),
      });
    case 'network': {
      if (owner === 'stremio' && lastIndex === 0)
        return result({
          verdict: 'error',
          summary: msg('checks-token:signInChain.stremioUnreachable', { error: end.message }),
          details: details({ error: end.message, failedLayer: end.failure }),
        });
      return withPkce({
        verdict: 'warn',
        summary: msg('checks-token:signInChain.unfinished', { place, error: end.message }),
        details: details({ error: end.message, failedLayer: end.failure }),
      });
    }
    case 'cloudflare':
      return withPkce({
        verdict: 'fail',
        summary: msg('checks-token:signInChain.cloudflare', { place: last ? hopPlace(last) : 'Trakt' }),
        problems: [
          {
            code: 'CLOUDFLARE_BLOCKED',
            evidence: evidence(`Cloudflare's block page (cf-ray ${last?.origin.cfRay ?? 'none'}, no x-runtime)`),
            confidence: 0.9,
          },
        ],
        details: details(),
      });
    case 'http-error': {
      const status = end.status;
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.status',
          { status },
          `answered HTTP ${status}`,
          0.9,
        );
      if (status >= 500)
        return traktBroken(
          'checks-token:signInChain.traktBroken.status',
          { status },
          `answers HTTP ${status} at ${place}`,
          0.9,
        );
      if (last?.endpoint === 'traktApi') return wrongHostVerdict(ctx, chain, options, parts);
      return withPkce({
        verdict: 'warn',
        summary: msg('checks-token:signInChain.traktStatus', { status, place }),
        details: details(),
      });
    }
    case 'redirect-uri': {
      if (end.error)
        return withPkce({
          verdict: 'fail',
          summary: end.description
            ? msg('checks-token:signInChain.rejectedDescribed', { error: end.error, description: end.description })
            : msg('checks-token:signInChain.rejected', { error: end.error }),
          problems: [
            {
              code: 'TRAKT_AUTH_REJECTED',
              evidence: evidence(
                `Trakt answered error=${end.error}${end.description ? ` error_description="${end.description}"` : ''}`,
              ),
              confidence: 0.95,
              // "pkce is required…" (MunifTanjim/stremthru#571) is the same 2026 migration seen from the other side.
              ...(/pkce/i.test(end.description ?? '') ? { alsoPossible: ['TRAKT_AUTH_PKCE_INJECTED' as const] } : {}),
            },
          ],
          details: details({
            error: end.error,
            errorDescription: end.description,
            reportText: reportTextFor(
              reported,
              `Trakt refuses the authorize request Stremio's server builds: error=${end.error}${end.description ? ` (${end.description})` : ''}.`,
            ),
          }),
        });
      if (source === 'pasted' && lastIndex === 0)
        return result({
          verdict: 'fail',
          summary: msg('checks-token:signInChain.pastedCallback'),
          problems: [
            {
              code: 'AUTH_REDIRECT_FAILED',
              evidence: `${checkId}: the pasted address is Stremio's callback ${last ? hopPlace(last) : ''}`,
              confidence: 0.6,
            },
          ],
          details: details(),
        });
      return withPkce({
        verdict: 'pass',
        summary: end.hasCode
          ? fromSource(source, 'checks-token:signInChain.returnsWithCode')
          : fromSource(source, 'checks-token:signInChain.returns'),
        details: details(),
      });
    }
    case 'user-page':
      return withPkce({
        verdict: 'pass',
        summary: fromSource(source, 'checks-token:signInChain.reaches', { count: chain.hops.length }),
        details: details(),
      });
    case 'other-page':
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.noRedirect',
          { status: end.status },
          `answered HTTP ${end.status} without redirecting to Trakt`,
          0.8,
        );
      return withPkce({
        verdict: 'warn',
        summary: fromSource(source, 'checks-token:signInChain.otherPage', { place }),
        details: details(),
      });
    case 'no-location': {
      const status = end.status;
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.noRedirect',
          { status },
          `answered HTTP ${status} without redirecting to Trakt`,
          0.8,
        );
      return traktBroken(
        'checks-token:signInChain.traktBroken.noLocation',
        { status },
        `redirects without saying where (HTTP ${status} at ${place})`,
        0.6,
      );
    }
    case 'bad-location': {
      const location = JSON.stringify(end.location);
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.badLocation',
          { location },
          `redirected to something that is not a web address (Location: ${location})`,
          0.85,
        );
      return traktBroken(
        'checks-token:signInChain.traktBroken.badLocation',
        {},
        `redirects to something that is not a web address at ${place}`,
        0.6,
      );
    }
    case 'loop':
      if (owner === 'stremio')
        return stremioFailed('checks-token:signInChain.stremioFailed.loop', {}, 'redirects in a loop', 0.85);
      return traktBroken('checks-token:signInChain.traktBroken.loop', {}, `redirects in a loop at ${place}`, 0.6);
    case 'too-many-hops': {
      const count = chain.hops.length;
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.tooManyHops',
          { count },
          `redirected more than ${count} times`,
          0.8,
        );
      return traktBroken(
        'checks-token:signInChain.traktBroken.tooManyHops',
        { count },
        `redirects more than ${count} times without reaching its sign-in page`,
        0.6,
      );
    }
    case 'unknown-host': {
      const host = end.host;
      if (owner === 'stremio')
        return stremioFailed(
          'checks-token:signInChain.stremioFailed.unknownHost',
          { host },
          `redirects to ${host} instead of Trakt's sign-in page`,
          0.6,
        );
      if (owner === null)
        return result({
          verdict: 'warn',
          summary: fromSource(source, 'checks-token:signInChain.unknownPage', { host }),
          details: details(),
        });
      return withPkce({
        verdict: 'warn',
        summary: msg('checks-token:signInChain.unknownTraktHost', { host }),
        details: details(),
      });
    }
  }
}
