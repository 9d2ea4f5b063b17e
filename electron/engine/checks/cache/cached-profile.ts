import { CACHE_CHECK_IDS } from '../../../../shared/check-details/cache';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { joinClauses } from '../../../../shared/i18n/join';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktTokenCheck, traktTokenState } from '../token/trakt-token';
import { traktExpiresAtMs } from '../../clients/stremio/account';
import { readLocalProfiles } from '../../clients/stremio/local-profiles';
import { homeShown } from '../../core/home-shown';

/**
 * Compares the profile the Stremio app stored on this machine (read in memory) with the account:
 * an expired or missing `user.trakt` there while the account holds a valid one means the app shows a
 * stale link until it refreshes (window focus or *Sync now*, stremio-web `src/App/App.js`).
 */
export const cachedProfileCheck = defineCheck<undefined>()({
  id: CACHE_CHECK_IDS.cachedProfile,
  step: 'cache',
  dependsOn: [stremioAccountCheck, traktTokenCheck],
  codes: ['CACHED_PROFILE_STALE'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 2000,
  async run({ ctx, deps }) {
    const account = deps.get(stremioAccountCheck);
    const token = deps.get(traktTokenCheck);
    const accountId = account?.session.user.id;
    if (!token || !accountId)
      return {
        verdict: 'skipped',
        summary: msg('checks-cache:cached-profile.noAccount'),
      };
    const profiles = await readLocalProfiles({ searchRoots: ctx.searchRoots, platform: ctx.platform, env: ctx.env });
    for (const p of profiles)
      if (p.stored.kind === 'signed-in') {
        ctx.secrets.add(p.stored.authKey, 'auth-key');
        ctx.secrets.add(p.stored.user.id, 'account-id');
        ctx.secrets.add(p.stored.user.trakt?.accessToken, 'token');
      }
    // The home folder names the user: reports show it as "~" (docs/architecture.md "Bundle").
    const shown = (location: string) => homeShown(location, [ctx.env.HOME ?? ctx.env.USERPROFILE]);
    const listed = profiles.map((p) => ({
      shell: p.profile.shell,
      location: shown(p.profile.location),
      readable: p.profile.readable,
      ...(p.profile.reason ? { reason: p.profile.reason } : {}),
    }));
    const mine = profiles.find((p) => p.stored.kind === 'signed-in' && p.stored.user.id === accountId);
    if (!mine || mine.stored.kind !== 'signed-in') {
      const unreadable = profiles.filter((p) => !p.profile.readable);
      return {
        verdict: 'skipped',
        summary:
          unreadable.length > 0
            ? msg('checks-cache:cached-profile.unreadable', {
                profiles: joinClauses(
                  unreadable.map((p) =>
                    p.stored.kind === 'unreadable'
                      ? msg('checks-cache:cached-profile.unreadableItem', {
                          shell: p.profile.shell,
                          reason: p.stored.why,
                        })
                      : msg('checks-cache:cached-profile.unknownFormat', { shell: p.profile.shell }),
                  ),
                ),
              })
            : profiles.length > 0
              ? msg('checks-cache:cached-profile.otherAccount')
              : msg('checks-cache:cached-profile.none'),
        details: { profiles: listed },
      };
    }
    const cachedLink = mine.stored.user.trakt;
    const cachedState = traktTokenState(cachedLink, ctx.now());
    const accountValid = token.state === 'valid' || token.state === 'expiring';
    const cachedValid = cachedState === 'valid' || cachedState === 'expiring';
    const details = {
      profiles: listed,
      shell: mine.profile.shell,
      cachedTrakt: cachedLink
        ? {
            token: cachedValid ? 'present' : 'expired',
            expiresAt: new Date(traktExpiresAtMs(cachedLink)).toISOString(),
          }
        : null,
      accountTrakt: token.state,
    };
    if (accountValid && !cachedValid) {
      return {
        verdict: 'warn',
        summary: cachedLink
          ? msg('checks-cache:cached-profile.staleExpired', { shell: mine.profile.shell })
          : msg('checks-cache:cached-profile.staleMissing', { shell: mine.profile.shell }),
        problems: [
          {
            code: 'CACHED_PROFILE_STALE',
            evidence: `cache.cached-profile: ${mine.profile.shell}'s stored user.trakt is ${cachedLink ? `expired (${new Date(traktExpiresAtMs(cachedLink)).toISOString()})` : 'null'}; the account's is ${token.state}`,
            confidence: cachedLink ? 0.9 : 0.75,
          },
        ],
        details,
      };
    }
    return {
      verdict: 'pass',
      summary: msg('checks-cache:cached-profile.agrees', { shell: mine.profile.shell }),
      details,
    };
  },
});
