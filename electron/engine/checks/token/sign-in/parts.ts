import { msg } from '../../../../../shared/i18n/message';
import type { CheckOutcome, ProblemObservation } from '../../../runtime/check';
import { isTraktEndpoint } from '../../../runtime/endpoint-hosts';
import type { FollowedChain } from '../../../clients/trakt/sign-in-chain';
import { clientLinkOf, hopPlace, lastHop, pkceInjectedAt } from '../../../clients/trakt/sign-in-chain-reading';
import { endSentence, reportChain } from './chain-report';
import { PKCE_MEANING, reportTextFor } from './report-text';
import { fromSource } from './text';
import type { ChainOwner, ChainVerdict, JudgeOptions, VerdictParts } from './types';

/** Confidence of an injected challenge seen in the chain alone (the differential test may raise it). */
export const PKCE_CONFIDENCE = 0.8;

const ownerOf = (chain: FollowedChain, index: number): ChainOwner => {
  const endpoint = chain.hops[index]?.endpoint ?? null;
  return endpoint === null ? null : isTraktEndpoint(endpoint) ? 'trakt' : 'stremio';
};

/** Who ended the chain: the last hop's host, or for a hop that was not requested (an unknown host) the one that sent there. */
export function chainOwner(chain: FollowedChain): ChainOwner {
  const lastIndex = chain.hops.length - 1;
  return chain.hops[lastIndex]?.requested
    ? ownerOf(chain, lastIndex)
    : (ownerOf(chain, lastIndex - 1) ?? ownerOf(chain, lastIndex));
}

/** Notes for the details: Trakt's API host forwarding the link to the website, when the chain shows it. */
export function forwardingNotes(chain: FollowedChain): string[] {
  const lastIndex = chain.hops.length - 1;
  const forwarded = chain.hops.some((h, i) => h.endpoint === 'traktApi' && h.page === 'redirect' && i < lastIndex);
  return forwarded && chain.end.kind === 'user-page'
    ? [
        "Trakt's API host forwards the sign-in link to the website (trakt/trakt-api#887): the 400 of trakt-api#646 does not happen today.",
      ]
    : [];
}

/** The pieces every verdict of `chain` shares: its evidence line, its details, and the PKCE observation. */
export function verdictParts(chain: FollowedChain, options: Pick<JudgeOptions, 'checkId' | 'source'>): VerdictParts {
  const { checkId, source } = options;
  const link = clientLinkOf(chain);
  const injectedAt = pkceInjectedAt(chain);
  const last = lastHop(chain);
  const reported = reportChain(chain);
  const notes = forwardingNotes(chain);
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
  const result = (outcome: CheckOutcome): ChainVerdict => ({ outcome, pkceInjected: injectedAt !== null });
  const withPkce = (outcome: CheckOutcome): ChainVerdict => {
    if (injectedAt === null) return result(outcome);
    return result({
      ...outcome,
      verdict: 'fail',
      summary:
        outcome.verdict === 'pass'
          ? fromSource(source, 'checks-token:signInChain.pkceOnPass')
          : msg('checks-token:signInChain.pkceAfter', { summary: outcome.summary }),
      problems: [...(outcome.problems ?? []), ...pkce],
      details: { ...outcome.details, reportText: reportTextFor(reported, PKCE_MEANING) },
    });
  };
  return {
    checkId,
    source,
    last,
    lastIndex: chain.hops.length - 1,
    place: last ? hopPlace(last) : '?',
    owner: chainOwner(chain),
    reported,
    evidence,
    details,
    result,
    withPkce,
  };
}
