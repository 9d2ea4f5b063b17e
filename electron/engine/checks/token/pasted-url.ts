import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { msg } from '../../../../shared/i18n/message';
import { SignInDetailsSchema } from '../../../../shared/check-details/sign-in-chain';
import { defineCheck } from '../../runtime/check';
import { accountIdsInUrl } from '../../clients/stremio/auth-url';
import { followSignInChain } from '../../clients/trakt/sign-in-chain';
import { judgeChain, SIGN_IN_CODES } from './sign-in/verdict';
import { pastedProvenance } from './sign-in/corrected-link-template';
import { stremioAccountCheck } from './stremio-account';

/**
 * Follows the address the user pasted — the page that shows "400 Bad Request" (`--auth-url`, or the
 * wizard's paste field) — exactly as Stremio's own link is followed, and judges what it observed. It
 * needs no account (it runs when the account check was skipped), but reads the signed-in one when there
 * is one: a pasted start link of another account is analysed, never offered as a fix, and only the
 * account's own start link lends its `state` to a corrected link. A pasted link with another app's
 * client_id is analysed, never offered as a fix.
 */
export const pastedUrlCheck = defineCheck<undefined>()({
  id: TOKEN_CHECK_IDS.pastedUrl,
  step: 'token',
  dependsOn: [stremioAccountCheck],
  runsWhenDepsSkipped: true,
  codes: SIGN_IN_CODES,
  details: SignInDetailsSchema,
  budgetMs: (ctx) => 2 * ctx.config.timeouts.probeMs + 1500,
  async run({ ctx, input, deps, signal }) {
    const raw = input.authUrl?.trim();
    if (!raw)
      return {
        verdict: 'skipped',
        summary: msg('checks-token:pasted-url.noAddress'),
      };
    // Stremio's start link names the account (`/trakt/auth/<id>`): registered before it is requested or logged.
    const namedIds = accountIdsInUrl(raw);
    for (const id of namedIds) ctx.secrets.add(id, 'account-id');
    const provenance = pastedProvenance(namedIds, deps.get(stremioAccountCheck)?.session.user.id ?? null);
    const probeMs = ctx.config.timeouts.probeMs;
    const chain = await followSignInChain(ctx, raw, { signal, budgetMs: probeMs + 500 });
    const verdict = await judgeChain(ctx, chain, {
      checkId: TOKEN_CHECK_IDS.pastedUrl,
      source: 'pasted',
      provenance,
      signal,
      verifyBudgetMs: probeMs + 500,
    });
    return verdict.outcome;
  },
});
