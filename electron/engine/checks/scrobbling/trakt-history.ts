import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg } from '../../../../shared/i18n/message';
import { joinSentences } from '../../../../shared/i18n/join';
import { fetchHistory, HISTORY_PAGE_LIMIT, MAX_HISTORY_PAGES } from '../../clients/trakt/history';
import { fetchLastActivities } from '../../clients/trakt/last-activities';
import type { CheckOutcome } from '../../runtime/check';
import { usersSettingsSummary } from '../trakt-read/answer-summary';
import { defineTraktReadCheck } from '../trakt-read/trakt-read';
import type { HistoryData } from './scrobbling-data';

/** What the two reads gave, and since when. */
interface HistoryReads extends HistoryData {
  readonly sinceMs: number;
  /** Why the activity stamps were not read (evidence), when they were not. */
  readonly activitiesFailure: string | null;
}

/**
 * Trakt's side, with the token Stremio holds and Stremio's public client_id: `GET /users/me/history`
 * since the link was made (paginated, at most 10 pages of 250) and `GET /sync/last_activities`, both
 * at once. Counts and dates only are reported; the entries stay private for the comparison.
 */
export const traktHistoryCheck = defineTraktReadCheck<HistoryData, HistoryReads>({
  id: SCROBBLING_CHECK_IDS.traktHistory,
  step: 'scrobbling',
  skipped: {
    'not-linked': msg('checks-scrobbling:trakt-history.notLinked'),
    expired: msg('checks-scrobbling:trakt-history.expired'),
    'no-client-id': msg('checks-scrobbling:trakt-history.noClientId'),
  },
  async read(ctx, { link, clientId }, signal) {
    const request = { accessToken: link.accessToken, clientId, signal };
    const sinceMs = link.createdAt * 1000;
    const [history, activities] = await Promise.all([
      fetchHistory(ctx, { ...request, startAtMs: sinceMs }),
      fetchLastActivities(ctx, request),
    ]);
    if (!history.ok) return history;
    return {
      ok: true,
      value: {
        history: history.value,
        lastActivities: activities.ok ? activities.value : null,
        activitiesFailure: activities.ok ? null : activities.evidence,
        sinceMs,
      },
    };
  },
  accepted: historyRead,
  refused: {
    // Trakt refused the history read: the same reading as the Revoked-access step's.
    summary: (c) => msg('checks-scrobbling:trakt-history.refused', { reason: usersSettingsSummary(c) }),
    details: (c) => ({
      status: c.status,
      answer: c.kind,
      ...(c.rateLimit ? { rateLimit: c.rateLimit } : {}),
      ...(c.failedLayer ? { failedLayer: c.failedLayer } : {}),
    }),
    withoutProblem: 'error',
  },
});

function historyRead({
  history: read,
  lastActivities,
  activitiesFailure,
  sinceMs,
}: HistoryReads): CheckOutcome<HistoryData> {
  const last = lastActivities?.lastWatchedMs ?? null;
  const summary = msg('checks-scrobbling:trakt-history.read', {
    since: sinceMs,
    count: read.entries.length,
    pages: msg('checks-scrobbling:trakt-history.pages', { count: read.pagesRead }),
  });
  const newest = MAX_HISTORY_PAGES * HISTORY_PAGE_LIMIT;
  const cut =
    read.pageCount === null
      ? msg('checks-scrobbling:trakt-history.cutPagesUnknown', { newest })
      : msg('checks-scrobbling:trakt-history.cut', { newest, pages: read.pageCount });
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
      ...(activitiesFailure === null ? {} : { lastActivities: activitiesFailure }),
    },
    data: { history: read, lastActivities },
  };
}
