import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg } from '../../../../shared/i18n/message';
import { TRAKT_COMMUNITY_APP_LIMIT_MS } from '../../../../shared/trakt-changes';
import { defineCheck } from '../../runtime/check';
import { usersSettingsCheck } from '../revoked/users-settings';
import { addonsCheck } from './addons';

/**
 * TRAKT_APP_LIMIT_RISK: connected apps are Community or Premium (trakt/trakt-web#2960); since 2026-07-22 a free
 * Trakt account may connect 1 community app and VIP 50, premium and official apps never count (shared/trakt-changes.ts).
 * Reports differ on what happens at the limit (a second connection revokes the first: fetcherr#31; it is refused:
 * ha-arr-stack-card#28), and whether Stremio is a community app is not known: the fix asks the user to read the
 * meter. `user.vip` from the Revoked-access step's `/users/settings`, and the account's other add-ons whose address
 * or manifest names Trakt (Stremio's own Trakt add-on does not count).
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
      summary: msg('checks-scrobbling:app-limit.freeWithOthers', {
        count: others,
        limitSince: TRAKT_COMMUNITY_APP_LIMIT_MS,
      }),
      problems: [
        {
          code: 'TRAKT_APP_LIMIT_RISK',
          evidence: `scrobbling.app-limit: Trakt user.vip = false (a free account connects 1 community app, VIP 50; premium and official apps never count); ${others} other Trakt add-on${others === 1 ? '' : 's'} on the Stremio account`,
          confidence: 0.8,
        },
      ],
      details,
    };
  },
});
