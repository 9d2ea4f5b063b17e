import { msg, type Message } from '../../../../shared/i18n/message';
import { PROBLEMS } from '../../../../shared/problems';
import { defineCheck, type CheckOutcome } from '../../runtime/check';
import { fetchHistory, HISTORY_PAGE_LIMIT, MAX_HISTORY_PAGES } from '../../clients/trakt/history';
import { fetchLastActivities } from '../../clients/trakt/last-activities';
import type { UsersSettingsClassification } from '../../clients/trakt/users-settings';
import { usersSettingsSummary } from '../trakt-read/answer-summary';
import { TRAKT_ANSWER_CODES, traktAnswerObservation } from '../trakt-read/answer-problem';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktAccess, type TraktAccess } from '../token/trakt-access';
import { traktTokenCheck } from '../token/trakt-token';
import type { HistoryData } from './scrobbling-data';
import { lastWatch } from './texts';
import { joinSentences } from '../../../../shared/i18n/join';

/** Why the history was not read, per reason the Trakt link could not be used. */
const SKIPPED: Readonly<Record<Exclude<TraktAccess, { ok: true }>['why'], Message>> = {
  'not-linked': msg('checks-scrobbling:trakt-history.notLinked'),
  expired: msg('checks-scrobbling:trakt-history.expired'),
  'no-client-id': msg('checks-scrobbling:trakt-history.noClientId'),
};

/**
 * Trakt's side, with the token Stremio holds and Stremio's public client_id: `GET /users/me/history`
 * since the link was made (paginated, at most 10 pages of 100) and `GET /sync/last_activities`, both
 * at once. Counts and dates only are reported; the entries stay private for the comparison.
 */
export const traktHistoryCheck = defineCheck<HistoryData>({
  id: 'scrobbling.trakt-history',
  step: 'scrobbling',
  dependsOn: [stremioAccountCheck, traktTokenCheck],
  codes: TRAKT_ANSWER_CODES,
  budgetMs: (ctx) => 2 * ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    const access = await traktAccess(ctx, deps, signal);
    if (!access.ok) return { verdict: 'skipped', summary: SKIPPED[access.why] };
    const { link, clientId } = access;
    const request = { accessToken: link.accessToken, clientId, signal };
    const sinceMs = link.createdAt * 1000;
    const [history, activities] = await Promise.all([
      fetchHistory(ctx, { ...request, startAtMs: sinceMs }),
      fetchLastActivities(ctx, request),
    ]);
    if (!history.ok) return refused(history.classification);
    const read = history.value;
    const lastActivities = activities.ok ? activities.value : null;
    const last = lastActivities?.lastWatchedMs ?? null;
    const summary = msg('checks-scrobbling:trakt-history.read', {
      since: sinceMs,
      count: read.entries.length,
      pages: msg('checks-scrobbling:trakt-history.pages', { count: read.pagesRead }),
      last: lastWatch(last, 'unknown'),
    });
    const newest = MAX_HISTORY_PAGES * HISTORY_PAGE_LIMIT;
    const cut =
      read.pageCount === null
        ? msg('checks-scrobbling:trakt-history.cutPagesUnknown', { newest })
        : msg('checks-scrobbling:trakt-history.cut', { newest, pages: read.pageCount });
    const data: HistoryData = { history: read, lastActivities };
    return {
      verdict: 'pass',
      summary: read.complete ? summary : joinSentences([summary, cut]),
      details: {
        entries: read.entries.length,
        pagesRead: read.pagesRead,
        pageCount: read.pageCount,
        complete: read.complete,
        unreadable: read.unreadable,
        lastWatchOnTrakt: last === null ? null : new Date(last).toISOString(),
        ...(activities.ok ? {} : { lastActivities: activities.evidence }),
      },
      data,
    };
  },
});

/** Trakt refused the history read: the same reading as the Revoked-access step's. */
function refused(c: UsersSettingsClassification): CheckOutcome<HistoryData> {
  const observed = traktAnswerObservation(c, 'scrobbling.trakt-history');
  const verdict =
    c.kind === 'unreachable' || !observed ? 'error' : PROBLEMS[observed.code].severity === 'critical' ? 'fail' : 'warn';
  return {
    verdict,
    summary: msg('checks-scrobbling:trakt-history.refused', { reason: usersSettingsSummary(c) }),
    ...(observed ? { problems: [observed] } : {}),
    details: {
      status: c.status,
      answer: c.kind,
      ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}),
      ...(c.failedLayer ? { failedLayer: c.failedLayer } : {}),
    },
  };
}
