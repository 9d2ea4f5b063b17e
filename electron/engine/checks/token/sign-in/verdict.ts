import type { EngineContext } from '../../../runtime/context';
import type { FollowedChain } from '../../../clients/trakt/sign-in-chain';
import { judgeEnd, WRONG_HOST } from './end-rules';
import { verdictParts } from './parts';
import type { ChainVerdict, JudgeOptions } from './types';
import { wrongHostVerdict } from './wrong-host';

/**
 * Turns an observed sign-in chain into a verdict, from what was observed and never from the shape of
 * an address: the rule of the way it ended (`end-rules.ts`), with the PKCE challenge Trakt added on top
 * (`parts.ts`), and for a 4xx on Trakt's API host the corrected link verified first (`wrong-host.ts`).
 */

// Every code a sign-in chain's reading may raise (the sign-in checks declare them); shared with the window.
export { SIGN_IN_CODES } from '../../../../../shared/check-details/sign-in-chain';

/** Judges a followed chain (following the corrected link too when the API host answered 4xx). */
export async function judgeChain(
  ctx: EngineContext,
  chain: FollowedChain,
  options: JudgeOptions,
): Promise<ChainVerdict> {
  const parts = verdictParts(chain, options);
  const verdict = judgeEnd(chain.end, parts);
  return verdict === WRONG_HOST ? wrongHostVerdict(ctx, chain, options, parts) : verdict;
}
