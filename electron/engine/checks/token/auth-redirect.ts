import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { msg } from '../../../../shared/i18n/message';
import { SignInDetailsSchema } from '../../../../shared/check-details/sign-in-chain';
import { defineCheck } from '../../runtime/check';
import { stremioStartPath } from '../../clients/stremio/auth-url';
import { followSignInChain } from '../../clients/trakt/sign-in-chain';
import { judgeChain, SIGN_IN_CODES } from './sign-in/verdict';
import { stremioAccountCheck } from './stremio-account';
import type { AuthRedirectData } from './token-data';

/**
 * Follows the link Stremio's *Authenticate* opens — `{stremioWeb}/trakt/auth/<user _id>` — hop by hop
 * as a browser without cookies would, through Stremio's and Trakt's hosts, and judges what it observed:
 * Trakt's sign-in page, a 4xx on the API host (trakt-api#646), a PKCE challenge Trakt added
 * (trakt/trakt-api#887), a 5xx, `error=` back at Stremio, Cloudflare, or a Stremio-side failure
 * (docs/sign-in-chain.md).
 */
export const authRedirectCheck = defineCheck<AuthRedirectData>()({
  id: TOKEN_CHECK_IDS.authRedirect,
  step: 'token',
  dependsOn: [stremioAccountCheck],
  codes: SIGN_IN_CODES,
  details: SignInDetailsSchema,
  // The chain and, for a 4xx on the API host, the corrected link's own chain: each bounded by one probe timeout.
  budgetMs: (ctx) => 2 * ctx.config.timeouts.probeMs + 1500,
  async run({ ctx, deps, signal }) {
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-token:noAccount') };
    const start = new URL(stremioStartPath(account.session.user.id), ctx.config.endpoints.stremioWeb).toString();
    const probeMs = ctx.config.timeouts.probeMs;
    const chain = await followSignInChain(ctx, start, { signal, budgetMs: probeMs + 500 });
    const verdict = await judgeChain(ctx, chain, {
      checkId: TOKEN_CHECK_IDS.authRedirect,
      source: 'stremio',
      // The engine built this start link from the signed-in account's own id.
      provenance: 'own-start-link',
      signal,
      verifyBudgetMs: probeMs + 500,
    });
    return { ...verdict.outcome, data: { pkceInjected: verdict.pkceInjected } };
  },
});
