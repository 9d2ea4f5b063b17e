import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { fetchAddonCollection } from '../../clients/stremio/addon-collection';
import { stremioAccountCheck } from '../token/stremio-account';
import { stremioFailure } from './stremio-failure';
import type { AddonsData } from './scrobbling-data';
import { joinSentences } from '../../../../shared/i18n/join';

/**
 * `addonCollectionGet`: which add-ons the account has, counted (their names and addresses are personal).
 * Evidence for the other checks: Stremio's own Trakt add-on and Cinemeta present or not (removing them was
 * reported to stop scrobbling — stremio-bugs#2625, a user's report; staff say removing Cinemeta breaks
 * many features, stremio-bugs#1999), and other add-ons holding a Trakt connection (the app limit).
 */
export const addonsCheck = defineCheck<AddonsData>()({
  id: SCROBBLING_CHECK_IDS.addons,
  step: 'scrobbling',
  dependsOn: [stremioAccountCheck],
  codes: [],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-scrobbling:skipped.noAccount') };
    const answer = await fetchAddonCollection(ctx, account.session.authKey, signal);
    if (!answer.ok) return stremioFailure<AddonsData>('addonCollectionGet', answer);
    const { addons, unreadable } = answer.value;
    const stremioTrakt = addons.some((a) => a.stremioTrakt);
    const cinemeta = addons.some((a) => a.cinemeta);
    const otherTrakt = addons.filter((a) => a.otherTrakt).length;
    const data: AddonsData = { addons };
    const details = { installed: addons.length, unreadable, cinemeta, stremioTraktAddon: stremioTrakt, otherTrakt };
    const count = addons.length;
    // One key per case (both there, one missing, both missing): each language says it whole.
    const said =
      cinemeta && stremioTrakt
        ? msg('checks-scrobbling:addons.complete', { count })
        : stremioTrakt
          ? msg('checks-scrobbling:addons.noCinemeta', { count })
          : cinemeta
            ? msg('checks-scrobbling:addons.noTraktAddon', { count })
            : msg('checks-scrobbling:addons.noneOfBoth', { count });
    const summary =
      otherTrakt > 0 ? joinSentences([said, msg('checks-scrobbling:addons.otherTrakt', { count: otherTrakt })]) : said;
    return { verdict: cinemeta && stremioTrakt ? 'pass' : 'warn', summary, details, data };
  },
});
