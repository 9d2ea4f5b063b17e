import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { defineCheck } from '../../runtime/check';
import { traktExpiresAtMs, type TraktLink } from '../../clients/stremio/account';
import { msg } from '../../../../shared/i18n/message';
import { TRAKT_AUTH_MIGRATION_MS } from '../../../../shared/trakt-changes';
import { PRE_MIGRATION, preMigrationEvidence } from './pre-migration';
import { humanDuration, wholeDuration } from './durations';
import { stremioAccountCheck } from './stremio-account';
import type { TraktTokenData, TraktTokenState } from './token-data';

/** Below this much time left a valid link is reported as expiring (docs/problems.md `TRAKT_TOKEN_EXPIRING`). */
export const EXPIRING_WITHIN_MS = 24 * 60 * 60 * 1000;

/** Why links keep expiring, with the sources a support helper can check (docs/sources.md "Trakt token lifetime"). */
const TOKEN_LIFETIME_NOTE = {
  text: "Trakt access tokens now last between 24 hours and 7 days (Trakt's docs say 7 days; in 2025 Stremio staff saw 24 hours), and Stremio does not refresh them: when the token expires, scrobbling stops until you authenticate again.",
  sources: [
    'trakt/trakt-api projects/developer/src/lib/guides/authentication-oauth.md ("The access_token is valid for 7 days")',
    'https://github.com/Stremio/stremio-bugs/issues/1389 (Stremio staff: re-authorization every 24 hours)',
    'https://github.com/Stremio/stremio-core/issues/847 (refresh tokens requested; auth lasts 1 day to a week)',
    'https://github.com/Stremio/stremio-core/pull/821 (Trakt token refresh: open, not shipped)',
  ],
} as const;

/** Where a link stands at `nowMs`. */
export function traktTokenState(link: TraktLink | null, nowMs: number): TraktTokenState {
  if (!link) return 'not-linked';
  const left = traktExpiresAtMs(link) - nowMs;
  if (left <= 0) return 'expired';
  return left <= EXPIRING_WITHIN_MS ? 'expiring' : 'valid';
}

/** Reads `user.trakt` from the signed-in account: not linked, expired (how long ago), expiring, or valid until when. */
export const traktTokenCheck = defineCheck<TraktTokenData>()({
  id: TOKEN_CHECK_IDS.traktToken,
  step: 'token',
  dependsOn: [stremioAccountCheck],
  codes: ['TRAKT_NOT_LINKED', 'TRAKT_TOKEN_EXPIRED', 'TRAKT_TOKEN_EXPIRING'],
  budgetMs: () => 1000,
  async run({ ctx, deps }) {
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-token:noAccount') };
    const { user } = account.session;
    const now = ctx.now();
    const link = user.trakt;
    const state = traktTokenState(link, now);
    const expiresAtMs = link ? traktExpiresAtMs(link) : null;
    const data: TraktTokenData = { state, link, expiresAtMs };
    if (!link || expiresAtMs === null) {
      return {
        verdict: 'warn',
        summary: user.traktUnreadable
          ? msg('checks-token:trakt-token.unreadable')
          : msg('checks-token:trakt-token.notLinked'),
        problems: [
          {
            code: 'TRAKT_NOT_LINKED',
            evidence: `token.trakt-token: user.trakt is ${user.traktUnreadable ? 'present but not a valid {access_token, created_at, expires_in}' : 'null'}`,
            confidence: user.traktUnreadable ? 0.7 : 0.95,
          },
        ],
        details: { linked: false, unreadable: user.traktUnreadable },
        data,
      };
    }
    const details = {
      linked: true,
      token: state === 'expired' ? 'expired' : 'present',
      createdAt: new Date(link.createdAt * 1000).toISOString(),
      expiresAt: new Date(expiresAtMs).toISOString(),
      lifetimeHours: Math.round((link.expiresIn / 3600) * 10) / 10,
      lifetimeNote: TOKEN_LIFETIME_NOTE.text,
      sources: TOKEN_LIFETIME_NOTE.sources,
    };
    const lifetime = `issued ${new Date(link.createdAt * 1000).toISOString()} for ${humanDuration(link.expiresIn * 1000)}`;
    if (state === 'expired') {
      const ago = humanDuration(now - expiresAtMs);
      const when = { ago: wholeDuration(now - expiresAtMs), at: expiresAtMs };
      // A link older than Trakt's OAuth migration can never be renewed: re-authenticating once fixes it for good
      // (not "Stremio may not renew it": the reason is known and final).
      const preMigration = preMigrationEvidence(link);
      return {
        verdict: 'fail',
        summary: preMigration
          ? msg('checks-token:trakt-token.expiredPreMigration', {
              ...when,
              made: link.createdAt * 1000,
              migration: TRAKT_AUTH_MIGRATION_MS,
            })
          : msg('checks-token:trakt-token.expired', when),
        problems: [
          {
            code: 'TRAKT_TOKEN_EXPIRED',
            evidence: `token.trakt-token: user.trakt expired ${ago} ago (${lifetime})${preMigration ? `; ${preMigration}` : ''}`,
            confidence: 0.95,
            ...(preMigration ? { variant: PRE_MIGRATION } : {}),
          },
        ],
        details: { ...details, expiredAgoMs: now - expiresAtMs, preMigration: preMigration !== null },
        data,
      };
    }
    const left = humanDuration(expiresAtMs - now);
    if (state === 'expiring') {
      return {
        verdict: 'warn',
        summary: msg('checks-token:trakt-token.expiring', { at: expiresAtMs, left: wholeDuration(expiresAtMs - now) }),
        problems: [
          {
            code: 'TRAKT_TOKEN_EXPIRING',
            evidence: `token.trakt-token: user.trakt expires in ${left} (${lifetime})`,
            confidence: 0.95,
          },
        ],
        details: { ...details, remainingMs: expiresAtMs - now },
        data,
      };
    }
    return {
      verdict: 'pass',
      summary: msg('checks-token:trakt-token.valid', { at: expiresAtMs, left: wholeDuration(expiresAtMs - now) }),
      details: { ...details, remainingMs: expiresAtMs - now },
      data,
    };
  },
});
