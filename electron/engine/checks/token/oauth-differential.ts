import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { msg } from '../../../../shared/i18n/message';
import { runDifferentialFlow } from '../../clients/oauth/differential-flow';
import { defineCheck } from '../../runtime/check';
import { DIFFERENTIAL_TEST_CODES, judgeDifferential } from './differential/differential-verdict';

/** Time for the exchange, the settings read and the revoke after the browser wait (three calls of ≤ 15 s). */
const AFTER_BROWSER_MS = 50_000;
/** Where a Trakt user creates an OAuth app (Trakt's own settings page). */
const TRAKT_APPS_URL = 'https://app.trakt.tv/settings/apps';
/** Device codes last about 10 minutes (Trakt's `expires_in`: 600 s); the budget also bounds that wait. */
const DEVICE_WAIT_MS = 15 * 60_000;

/** What the differential test leaves for the sign-in chain's evidence check. */
export interface DifferentialData {
  /** The wizard's own sign-in passed: the account and this computer can sign in to Trakt. */
  readonly passed: boolean;
}

/**
 * The opt-in differential Trakt sign-in test (docs/architecture.md "Steps": Token): the wizard's own Trakt app signs in
 * to the user's account. It waits for a person, so it is `interactive` (the run's deadline does not
 * stop it; its own budget and cancellation do).
 */
export const oauthDifferentialCheck = defineCheck<DifferentialData>()({
  id: TOKEN_CHECK_IDS.oauthDifferential,
  step: 'token',
  dependsOn: [],
  codes: DIFFERENTIAL_TEST_CODES,
  interactive: true,
  budgetMs: (ctx) => Math.max(ctx.config.timeouts.oauthMs, DEVICE_WAIT_MS) + AFTER_BROWSER_MS,
  async run({ ctx, input, signal }) {
    if (!input.oauth) {
      return {
        verdict: 'skipped',
        summary: msg('checks-token:oauth-differential.optIn'),
      };
    }
    const clientId = ctx.config.trakt.clientId;
    if (!clientId) {
      return {
        verdict: 'skipped',
        summary: msg('checks-token:oauth-differential.noClientId', {
          appsUrl: TRAKT_APPS_URL,
          redirectUri: `http://127.0.0.1:${ctx.config.trakt.redirectPort}/callback`,
          configKey: 'trakt.clientId',
        }),
      };
    }
    const facts = await runDifferentialFlow(ctx, { ...input.oauth, clientId, signal });
    const outcome = judgeDifferential(facts, ctx.config.trakt.redirectPort);
    return { ...outcome, data: { passed: outcome.verdict === 'pass' } };
  },
});
