import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import { fetchAddonCollection, type InstalledAddon } from '../../clients/stremio/addon-collection';
import type { StremioUser } from '../../clients/stremio/account';
import { stremioAccountCheck } from '../token/stremio-account';
import { stremioFailure } from './stremio-failure';
import type { AddonsData } from './scrobbling-data';
import { joinSentences } from '../../../../shared/i18n/join';

/**
 * `addonCollectionGet`: which add-ons the account has, counted (their names and addresses are personal).
 * STREMIO_TRAKT_ADDON_MISSING: an account that holds a Trakt link but not Stremio's own Trakt add-on for this
 * account (`www.strem.io/trakt/addon/<user _id>/manifest.json`, installed while `user.trakt` is set — stremio-core
 * `src/models/ctx/update_trakt_addon.rs`); removing it or its catalogs was reported to stop live scrobbling
 * (stremio-bugs#2625, a user's report). Also evidence for the other checks: Cinemeta present or not (staff say
 * removing it breaks many features, stremio-bugs#1999), and other add-ons holding a Trakt connection (the app limit).
 */
export const addonsCheck = defineCheck<AddonsData>()({
  id: SCROBBLING_CHECK_IDS.addons,
  step: 'scrobbling',
  dependsOn: [stremioAccountCheck],
  codes: ['STREMIO_TRAKT_ADDON_MISSING'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-scrobbling:skipped.noAccount') };
    const answer = await fetchAddonCollection(ctx, account.session.authKey, signal);
    if (!answer.ok) return stremioFailure<AddonsData>('addonCollectionGet', answer);
    const { addons, unreadable } = answer.value;
    const { user } = account.session;
    // A link that could not be read is still a link the account holds (core treats it as absent, the server does not).
    const traktLinked = user.trakt !== null || user.traktUnreadable;
    const stremioTrakt = addons.some((a) => a.stremioTraktAccount === user.id);
    const cinemeta = addons.some((a) => a.cinemeta);
    const otherTrakt = addons.filter((a) => a.otherTrakt).length;
    const traktAddonMissing = traktLinked && !stremioTrakt;
    const data: AddonsData = { addons, traktAddonMissing };
    const details = {
      installed: addons.length,
      unreadable,
      cinemeta,
      stremioTraktAddon: stremioTrakt,
      traktLinked,
      otherTrakt,
    };
    const count = addons.length;
    // One key per case (both there, one missing, both missing): each language says it whole. Without a link,
    // Stremio's Trakt add-on is not expected (Log out uninstalls it).
    const said = !traktLinked
      ? cinemeta
        ? msg('checks-scrobbling:addons.notLinked', { count })
        : msg('checks-scrobbling:addons.noCinemeta', { count })
      : cinemeta && stremioTrakt
        ? msg('checks-scrobbling:addons.complete', { count })
        : stremioTrakt
          ? msg('checks-scrobbling:addons.noCinemeta', { count })
          : cinemeta
            ? msg('checks-scrobbling:addons.noTraktAddon', { count })
            : msg('checks-scrobbling:addons.noneOfBoth', { count });
    const summary =
      otherTrakt > 0 ? joinSentences([said, msg('checks-scrobbling:addons.otherTrakt', { count: otherTrakt })]) : said;
    const problems = traktAddonMissing ? [missingAddon(addons, unreadable, user)] : [];
    return {
      verdict: cinemeta && !traktAddonMissing ? 'pass' : 'warn',
      summary,
      problems,
      details,
      data,
    };
  },
});

/** What the account holds instead of its Trakt add-on: counts only (add-on names and addresses are personal). */
function missingAddon(addons: readonly InstalledAddon[], unreadable: number, user: StremioUser): ProblemObservation {
  const count = (pick: (a: InstalledAddon) => boolean) => addons.filter(pick).length;
  const foreign = count((a) => a.stremioTrakt && a.stremioTraktAccount !== user.id);
  const holds = [
    `${addons.length} add-on${addons.length === 1 ? '' : 's'}`,
    `${count((a) => a.official)} official`,
    `${count((a) => a.otherTrakt)} other naming Trakt`,
    ...(foreign > 0 ? [`${foreign} Stremio Trakt add-on of another account`] : []),
    ...(unreadable > 0 ? [`${unreadable} unreadable`] : []),
    `Cinemeta ${addons.some((a) => a.cinemeta) ? 'installed' : 'missing'}`,
  ];
  return {
    code: 'STREMIO_TRAKT_ADDON_MISSING',
    evidence: `scrobbling.addons: user.trakt is ${user.trakt ? 'set' : 'present but unreadable'}, but the account holds no www.strem.io/trakt/addon/<account id>/manifest.json; it holds ${holds.join(', ')}`,
    confidence: user.trakt ? 0.85 : 0.7,
  };
}
