import { REVOKED_CHECK_IDS } from '../../../../shared/check-details/revoked';
import { msg } from '../../../../shared/i18n/message';
import { joinSentences } from '../../../../shared/i18n/join';
import {
  fetchUsersSettings,
  type TraktAccountSummary,
  type UsersSettingsClassification,
} from '../../clients/trakt/users-settings';
import type { CheckDetails } from '../../runtime/check';
import { usersSettingsSummary } from '../trakt-read/answer-summary';
import { defineTraktReadCheck } from '../trakt-read/trakt-read';

/** Private data of `revoked.users-settings`: the account Trakt described (VIP or free), null when none was read. */
export interface UsersSettingsData {
  readonly account: TraktAccountSummary | null;
}

/**
 * With the Trakt token Stremio holds, when it is not expired by time: `GET /users/settings` — the one
 * read-only call docs/architecture.md "Privacy" allows — with Stremio's public client_id as seen in its own redirect,
 * and what Trakt's answer says (401 revoked, 403 unapproved vs Cloudflare, 423, 426, 420, 429). The
 * client_id is read from Stremio's side of the sign-in link alone, so this check does not wait for the
 * Token step's whole sign-in chain (docs/sign-in-chain.md).
 */
export const usersSettingsCheck = defineTraktReadCheck<UsersSettingsData, UsersSettingsClassification>({
  id: REVOKED_CHECK_IDS.usersSettings,
  step: 'revoked',
  skipped: {
    'not-linked': msg('checks-revoked:users-settings.skipped.notLinked'),
    expired: msg('checks-revoked:users-settings.skipped.expired'),
    'no-client-id': msg('checks-revoked:users-settings.skipped.noClientId'),
  },
  async read(ctx, access, signal) {
    const { classification } = await fetchUsersSettings(ctx, {
      accessToken: access.link.accessToken,
      clientId: access.clientId,
      signal,
    });
    return classification.kind === 'ok' ? { ok: true, value: classification } : { ok: false, classification };
  },
  accepted: (c) => ({
    verdict: 'pass',
    summary: usersSettingsSummary(c),
    details: detailsOf(c),
    data: { account: c.account ?? null },
  }),
  refused: {
    // A 401 on a link not expired by time: the access was removed on Trakt (docs/problems.md TRAKT_TOKEN_REVOKED).
    summary: (c) =>
      c.kind === 'unauthorized'
        ? joinSentences([usersSettingsSummary(c), msg('checks-revoked:users-settings.unauthorizedRemoved')])
        : usersSettingsSummary(c),
    details: detailsOf,
    withoutProblem: 'warn',
    data: (c) => ({ account: c.account ?? null }),
  },
});

function detailsOf(c: UsersSettingsClassification): CheckDetails {
  const details: Record<string, unknown> = { status: c.status, responder: c.responder, answer: c.kind };
  if (c.account) details.account = c.account;
  if (c.rateLimit) details.rateLimit = c.rateLimit;
  if (c.wwwAuthenticate) details.wwwAuthenticate = c.wwwAuthenticate;
  if (c.failedLayer) details.failedLayer = c.failedLayer;
  return details;
}
