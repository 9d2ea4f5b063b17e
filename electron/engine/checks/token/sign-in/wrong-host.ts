import { msg } from '../../../../../shared/i18n/message';
import type { FollowedChain } from '../../../clients/trakt/sign-in-chain';
import { clientLinkOf, hopPlace, lastHop } from '../../../clients/trakt/sign-in-chain-reading';
import type { EngineContext } from '../../../runtime/context';
import { fromSource } from './text';
import { verifyCorrectedLink, type Verification } from './fix';
import type { ChainVerdict, JudgeOptions, VerdictParts } from './types';

/** The locale key of the one-click fix's label for `AUTH_URL_WRONG_HOST`. */
const CORRECTED_LINK_LABEL = 'checks-token:signInChain.correctedLinkLabel';

/**
 * A 4xx on Trakt's API host: the headline 400 (trakt-api#646). The corrected link is followed first
 * and attached as the fix only when it reached Trakt's sign-in page.
 */
export async function wrongHostVerdict(
  ctx: EngineContext,
  chain: FollowedChain,
  options: JudgeOptions,
  parts: VerdictParts,
): Promise<ChainVerdict> {
  const link = clientLinkOf(chain);
  const last = lastHop(chain)!;
  const verification: Verification = link
    ? await verifyCorrectedLink(ctx, link, options.provenance, {
        signal: options.signal,
        budgetMs: options.verifyBudgetMs,
      })
    : { offered: null, tried: [], notTried: 'the chain carries no Trakt sign-in link to correct' };
  const offered = verification.offered;
  const checked = offered
    ? msg('checks-token:signInChain.correctedWorks', { host: new URL(offered).host })
    : msg('checks-token:signInChain.noCorrected');
  return parts.withPkce({
    verdict: 'fail',
    summary: fromSource(parts.source, 'checks-token:signInChain.wrongHost', {
      status: last.status ?? '?',
      place: hopPlace(last),
      checked,
    }),
    problems: [
      {
        code: 'AUTH_URL_WRONG_HOST',
        evidence: parts.evidence(`HTTP ${last.status ?? '?'} on the API host at ${hopPlace(last)}`),
        confidence: 0.95,
        // The one-click fix's label, in the run's language (a fix action carries text, not a message).
        ...(offered
          ? { action: { kind: 'open-url' as const, url: offered, label: ctx.translator.t(CORRECTED_LINK_LABEL) } }
          : {}),
      },
    ],
    details: parts.details({
      verification: {
        ...(offered ? { correctedUrl: offered } : {}),
        tried: verification.tried,
        ...(verification.notTried ? { notTried: verification.notTried } : {}),
      },
    }),
  });
}
