import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { authRedirectCheck } from './auth-redirect';
import { oauthDifferentialCheck } from './oauth-differential';

/** Confidence once the wizard's own PKCE sign-in to the same account passed. */
const CONFIRMED_CONFIDENCE = 0.95;

/**
 * Differential evidence: when Stremio's chain shows Trakt adding a PKCE challenge, the wizard's own
 * sign-in (which sends its own challenge, as Trakt's new stack expects) passing on the same account
 * says the account is fine and the fault lies between Stremio's server and Trakt.
 */
export const pkceEvidenceCheck = defineCheck<undefined>()({
  id: TOKEN_CHECK_IDS.pkceEvidence,
  step: 'token',
  dependsOn: [authRedirectCheck, oauthDifferentialCheck],
  codes: ['TRAKT_AUTH_PKCE_INJECTED'],
  budgetMs: () => 500,
  async run({ deps }) {
    const chain = deps.get(authRedirectCheck);
    if (!chain?.pkceInjected)
      return {
        verdict: 'pass',
        summary: msg('checks-token:pkce-evidence.nothingToWeigh'),
      };
    if (!deps.get(oauthDifferentialCheck)?.passed)
      return {
        verdict: 'warn',
        summary: msg('checks-token:pkce-evidence.ownFailed'),
      };
    return {
      verdict: 'fail',
      summary: msg('checks-token:pkce-evidence.confirmed'),
      problems: [
        {
          code: 'TRAKT_AUTH_PKCE_INJECTED',
          evidence:
            "token.pkce-evidence: the differential sign-in with the wizard's own PKCE challenge passed on the same account, while Trakt added a challenge to Stremio's link",
          confidence: CONFIRMED_CONFIDENCE,
        },
      ],
    };
  },
});
