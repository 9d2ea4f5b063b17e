import { msg, type Message } from '../../../../shared/i18n/message';
import { PROBLEMS } from '../../../../shared/problems';
import type { Verdict } from '../../../../shared/report';
import { defineCheck, type CheckOutcome } from '../../runtime/check';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktTokenCheck } from '../token/trakt-token';
import {
  fetchUsersSettings,
  type TraktAccountSummary,
  type UsersSettingsClassification,
} from '../../clients/trakt/users-settings';
import { traktAccess, type TraktAccess } from '../token/trakt-access';
import { usersSettingsSummary } from '../trakt-read/answer-summary';
import { TRAKT_ANSWER_CODES, traktAnswerObservation } from '../trakt-read/answer-problem';
import { joinSentences } from '../../../../shared/i18n/join';

/** Private data of `revoked.users-settings`: the account Trakt described (VIP or free), null when none was read. */
export interface UsersSettingsData {
  readonly account: TraktAccountSummary | null;
}

const SKIPPED: Readonly<Record<Exclude<TraktAccess, { ok: true }>['why'], Message>> = {
  'not-linked': msg('checks-revoked:users-settings.skipped.notLinked'),
  expired: msg('checks-revoked:users-settings.skipped.expired'),
  'no-client-id': msg('checks-revoked:users-settings.skipped.noClientId'),
};

/**
 * With the Trakt token Stremio holds, when it is not expired by time: `GET /users/settings` — the one
 * read-only call docs/architecture.md "Privacy" allows — with Stremio's public client_id as seen in its own redirect,
 * and what Trakt's answer says (401 revoked, 403 unapproved vs Cloudflare, 423, 426, 420, 429). The
 * client_id is read from Stremio's side of the sign-in link alone, so this check does not wait for the
 * Token step's whole sign-in chain (docs/sign-in-chain.md).
 */
export const usersSettingsCheck = defineCheck<UsersSettingsData>({
  id: 'revoked.users-settings',
  step: 'revoked',
  dependsOn: [stremioAccountCheck, traktTokenCheck],
  codes: TRAKT_ANSWER_CODES,
  // Stremio's link, then Trakt's answer: one probe timeout each.
  budgetMs: (ctx) => 2 * ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    const access = await traktAccess(ctx, deps, signal);
    if (!access.ok) return { verdict: 'skipped', summary: SKIPPED[access.why] };
    const { classification } = await fetchUsersSettings(ctx, {
      accessToken: access.link.accessToken,
      clientId: access.clientId,
      signal,
    });
    return outcomeOf(classification);
  },
});

function verdictOf(c: UsersSettingsClassification): Verdict {
  if (c.kind === 'ok') return 'pass';
  if (c.kind === 'unreachable') return 'error';
  const observed = traktAnswerObservation(c, 'revoked.users-settings');
  if (!observed) return 'warn';
  return PROBLEMS[observed.code].severity === 'critical' ? 'fail' : 'warn';
}

function outcomeOf(c: UsersSettingsClassification): CheckOutcome<UsersSettingsData> {
  const details: Record<string, unknown> = { status: c.status, responder: c.responder, answer: c.kind };
  if (c.account) details.account = c.account;
  if (c.rateLimit) details.rateLimit = c.rateLimit;
  if (c.wwwAuthenticate) details.wwwAuthenticate = c.wwwAuthenticate;
  if (c.failedLayer) details.failedLayer = c.failedLayer;
  const observed = traktAnswerObservation(c, 'revoked.users-settings');
  return {
    verdict: verdictOf(c),
    // A 401 on a link not expired by time: the access was removed on Trakt (docs/problems.md TRAKT_TOKEN_REVOKED).
    summary:
      c.kind === 'unauthorized'
        ? joinSentences([usersSettingsSummary(c), msg('checks-revoked:users-settings.unauthorizedRemoved')])
        : usersSettingsSummary(c),
    ...(observed ? { problems: [observed] } : {}),
    details,
    data: { account: c.account ?? null },
  };
}
