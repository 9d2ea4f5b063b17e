import { msg } from '../../../../shared/i18n/message';
import {
  SCROBBLING_CHECK_IDS,
  ScrobblingViewSchema,
  type ScrobblingView,
} from '../../../../shared/check-details/scrobbling';
import { ComparisonDetailsSchema, type ComparisonDetails } from '../../../../shared/check-details/scrobbling-timeline';
import { defineCheck } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import type { HistoryEntry } from '../../clients/trakt/history';
import { shortDate } from './dates';
import { matchToHistory, MATCH_WINDOW_MS, type MatchedItem } from './match';
import { addonsCheck } from './addons';
import { eventsPathCheck } from './events-path';
import { libraryCheck } from './library';
import type { AddonsData } from './scrobbling-data';
import { lastWatch } from './texts';
import { dailyTimeline } from './timeline';
import { traktHistoryCheck } from './trakt-history';
import { episodeLabel, isFinished, watchedSince } from './watched';

/** Titles side by side in the window. */
const SHOWN = 8;
/** Compared titles registered as personal at most (a link lives days: hundreds at most in practice). */
const MAX_REGISTERED = 500;

/**
 * The outcome the user wants: titles Stremio's library shows watched to the end since the link was made,
 * matched to Trakt's history (SCROBBLES_NOT_REACHING_TRAKT with how many of how many and the last watch
 * Trakt recorded), or a pass that says what matched. The report gets counts and dates; the window alone
 * gets the newest titles side by side (`windowOnly`), each registered as personal first.
 */
export const comparisonCheck = defineCheck<undefined, ComparisonDetails, ScrobblingView>()({
  id: SCROBBLING_CHECK_IDS.comparison,
  step: 'scrobbling',
  windowOnly: ScrobblingViewSchema,
  dependsOn: [libraryCheck, traktHistoryCheck, addonsCheck, eventsPathCheck],
  codes: ['SCROBBLES_NOT_REACHING_TRAKT'],
  details: ComparisonDetailsSchema,
  budgetMs: () => 5000,
  async run({ ctx, deps }) {
    const library = deps.get(libraryCheck);
    const history = deps.get(traktHistoryCheck);
    const addons = deps.get(addonsCheck);
    if (!library || !history) return { verdict: 'skipped', summary: msg('checks-scrobbling:comparison.skipped') };
    const { recent } = watchedSince(library.library.items, library.sinceMs, ctx.now());
    // Older watches than the oldest history entry read are outside what Trakt's answer covers.
    const oldest = history.history.entries.at(-1)?.watchedAtMs;
    const coveredFrom = history.history.complete || oldest === undefined ? library.sinceMs : oldest + MATCH_WINDOW_MS;
    const finished = recent.filter((i) => isFinished(i) && (i.lastWatchedMs ?? 0) >= coveredFrom);
    const matched = matchToHistory(finished, history.history.entries);
    const missing = matched.filter((m) => !m.onTrakt).length;
    const lastMs = history.lastActivities?.lastWatchedMs ?? history.history.entries[0]?.watchedAtMs ?? null;
    const sinceMs = library.sinceMs;
    const last = lastWatch(lastMs);
    const windowOnly = viewOf(ctx, library.sinceMs, matched, history.history.entries, lastMs);
    const details: ComparisonDetails = {
      since: new Date(library.sinceMs).toISOString(),
      compared: matched.length,
      onTrakt: matched.length - missing,
      missing,
      lastWatchOnTrakt: lastMs === null ? null : new Date(lastMs).toISOString(),
      historyComplete: history.history.complete,
      // The window's picture of the last 30 days: counts per day, never a title.
      timeline: dailyTimeline({
        nowMs: ctx.now(),
        comparedFromMs: coveredFrom,
        finishedAtMs: matched.map((m) => m.item.lastWatchedMs ?? 0),
        recordedAtMs: history.history.entries.map((e) => e.watchedAtMs),
      }),
    };
    if (matched.length === 0)
      return {
        verdict: 'skipped',
        summary: msg('checks-scrobbling:comparison.nothing', { since: sinceMs, last }),
        details,
        windowOnly,
      };
    if (missing === 0)
      return {
        verdict: 'pass',
        summary: msg('checks-scrobbling:comparison.allOnTrakt', { count: matched.length, since: sinceMs, last }),
        details,
        windowOnly,
      };
    const addonNote = addonEvidence(addons);
    // Trakt accepted the link (the history was read) and the events path answers: what is left first is how Stremio
    // sends — its first scrobble goes out on a pause or resume, not on the first play (stremio-core player.rs).
    const linkWorks = deps.get(eventsPathCheck)?.open === true;
    // Evidence stays English technical text (docs/i18n.md).
    const lastEvidence =
      lastMs === null
        ? 'Trakt has no watch recorded at all'
        : `the last watch Trakt recorded is from ${shortDate(lastMs)}`;
    return {
      verdict: 'fail',
      summary:
        matched.length === 1
          ? msg('checks-scrobbling:comparison.missingOnly', { since: sinceMs, last })
          : msg('checks-scrobbling:comparison.missing', {
              count: missing,
              total: matched.length,
              since: sinceMs,
              last,
            }),
      problems: [
        {
          code: 'SCROBBLES_NOT_REACHING_TRAKT',
          evidence: `scrobbling.comparison: ${missing} of ${matched.length} titles finished in Stremio since ${shortDate(sinceMs)} are not in Trakt's history (same IMDb id, ±1 day); ${lastEvidence}${addonNote}${linkWorks ? "; the link reads Trakt's history and api.strem.io/api/events answers" : ''}`,
          // One missing title can be a scrobble still on its way; all of several missing is the pattern of #595.
          confidence: missing === matched.length && matched.length >= 2 ? 0.9 : missing >= 2 ? 0.8 : 0.6,
          ...(linkWorks ? { variant: 'linkWorks' } : {}),
        },
      ],
      details,
      windowOnly,
    };
  },
});

/** Missing Cinemeta / Stremio's Trakt add-on, as the evidence the sources support: users' reports. */
function addonEvidence(addons: AddonsData | undefined): string {
  if (!addons) return '';
  const missing = [
    addons.addons.some((a) => a.cinemeta) ? null : 'Cinemeta',
    addons.traktAddonMissing ? "Stremio's Trakt add-on" : null,
  ].filter((m): m is string => m !== null);
  if (missing.length === 0) return '';
  return `; ${missing.join(' and ')} not installed (reported to stop scrobbling, stremio-bugs#2625, #1999; unconfirmed)`;
}

/** The window's side-by-side view; every title in it is registered as personal before it leaves the check. */
function viewOf(
  ctx: EngineContext,
  sinceMs: number,
  matched: readonly MatchedItem[],
  history: readonly HistoryEntry[],
  lastMs: number | null,
): ScrobblingView {
  const stremio = matched.slice(0, SHOWN).map(({ item, key, onTrakt }) => {
    const episode = episodeLabel(key);
    return {
      title: ctx.secrets.add(item.name, 'title'),
      watchedAt: new Date(item.lastWatchedMs ?? 0).toISOString(),
      ...(episode ? { episode } : {}),
      onTrakt,
    };
  });
  const trakt = history.slice(0, SHOWN).map((entry) => {
    const episode = episodeLabel({ imdb: '', season: entry.season, episode: entry.episode });
    return {
      title: ctx.secrets.add(entry.title, 'title'),
      watchedAt: new Date(entry.watchedAtMs).toISOString(),
      ...(episode ? { episode } : {}),
    };
  });
  // Every compared title is personal too, shown or not: a stray log line must not carry one.
  for (const { item } of matched.slice(0, MAX_REGISTERED)) ctx.secrets.add(item.name, 'title');
  return {
    since: new Date(sinceMs).toISOString(),
    finished: matched.length,
    matched: matched.filter((m) => m.onTrakt).length,
    lastOnTrakt: lastMs === null ? null : new Date(lastMs).toISOString(),
    stremio,
    trakt,
  };
}
