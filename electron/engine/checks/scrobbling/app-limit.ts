import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { usersSettingsCheck } from '../revoked/users-settings';
import { addonsCheck } from './addons';

/** When the one-app limit of free accounts began (stremio-features#1872): said as a month in summaries. */
const LIMIT_SINCE_MS = Date.UTC(2026, 6, 22, 12);

/**
 * TRAKT_APP_LIMIT_RISK: since 2026-07-22 a free Trakt account keeps one connected community app
 * (stremio-features#1872, fetcherr#31: connecting a second can revoke the first); VIP is not limited.
 * `user.vip` from the Revoked-access step's `/users/settings`, and the account's other add-ons whose
 * address or manifest names Trakt (Stremio's own Trakt add-on does not count).
 */
export const appLimitCheck = defineCheck<undefined>()({
  id: SCROBBLING_CHECK_IDS.appLimit,
  step: 'scrobbling',
  dependsOn: [addonsCheck, usersSettingsCheck],
  codes: ['TRAKT_APP_LIMIT_RISK'],
  budgetMs: () => 1000,
  async run({ deps }) {
    const addons = deps.get(addonsCheck);
    const settings = deps.get(usersSettingsCheck);
    if (!addons) return { verdict: 'skipped', summary: msg('checks-scrobbling:app-limit.noAddons') };
    const others = addons.addons.filter((a) => a.otherTrakt).length;
    const account = settings?.account ?? null;
    const details = { otherTraktAddons: others, vip: account?.vip ?? null };
    if (!account)
      return { verdict: 'skipped', summary: msg('checks-scrobbling:app-limit.vipUnknown', { count: others }), details };
    if (account.vip)
      return {
        verdict: 'pass',
        summary:
          others > 0
            ? msg('checks-scrobbling:app-limit.vipWithOthers', { count: others })
            : msg('checks-scrobbling:app-limit.vip'),
        details,
      };
    if (others === 0) return { verdict: 'pass', summary: msg('checks-scrobbling:app-limit.freeAlone'), details };
    return {
      verdict: 'warn',
      summary: msg('checks-scrobbling:app-limit.freeWithOthers', { count: others, limitSince: LIMIT_SINCE_MS }),
      problems: [
        {
          code: 'TRAKT_APP_LIMIT_RISK',
          evidence: `scrobbling.app-limit: Trakt user.vip = false; ${others} other Trakt add-on${others === 1 ? '' : 's'} on the Stremio account`,
          confidence: 0.8,
        },
      ],
      details,
    };
  },
});
