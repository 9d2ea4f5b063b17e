import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg, type Message } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { fetchLibrary, MAX_LIBRARY_ITEMS } from '../../clients/stremio/library';
import { stremioAccountCheck } from '../token/stremio-account';
import { traktTokenCheck } from '../token/trakt-token';
import { shortDate } from './dates';
import { stremioFailure } from './stremio-failure';
import type { LibraryData } from './scrobbling-data';
import { joinClauses, joinItems, joinSentences } from '../../../../shared/i18n/join';
import { idKind, isFinished, isImdbId, watchedSince } from './watched';

/**
 * `datastoreGet` on `libraryItem`: what Stremio's library shows watched since the Trakt link was made,
 * counted (titles are personal), and which of those come from catalogs whose ids Trakt cannot match
 * (SCROBBLE_IDS_UNSUPPORTED: kitsu:, tmdb:, … — tmdb-addon#16, stremio-addon-sdk#183).
 */
export const libraryCheck = defineCheck<LibraryData>()({
  id: SCROBBLING_CHECK_IDS.library,
  step: 'scrobbling',
  dependsOn: [stremioAccountCheck, traktTokenCheck],
  codes: ['SCROBBLE_IDS_UNSUPPORTED'],
  budgetMs: (ctx) => 2 * ctx.config.timeouts.probeMs + 2000,
  async run({ ctx, deps, signal }) {
    const account = deps.get(stremioAccountCheck);
    const token = deps.get(traktTokenCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-scrobbling:skipped.noAccount') };
    if (!token?.link) return { verdict: 'skipped', summary: msg('checks-scrobbling:library.notLinked') };
    const sinceMs = token.link.createdAt * 1000;
    const answer = await fetchLibrary(ctx, account.session.authKey, {
      signal,
      timeoutMs: 2 * ctx.config.timeouts.probeMs,
    });
    if (!answer.ok) return stremioFailure<LibraryData>('datastoreGet', answer);
    const library = answer.value;
    const { recent, future } = watchedSince(library.items, sinceMs, ctx.now());
    const finished = recent.filter(isFinished);
    const kinds: Record<string, number> = {};
    for (const item of recent) if (!isImdbId(item.id)) kinds[idKind(item.id)] = (kinds[idKind(item.id)] ?? 0) + 1;
    const nonImdb = Object.values(kinds).reduce((a, b) => a + b, 0);
    const unknownDuration = recent.filter((i) => !i.flaggedWatched && i.durationMs <= 0).length;
    const since = shortDate(sinceMs);
    // Catalog prefixes (kitsu, tmdb, …) are ids, not words: they stay as they are in every language.
    const kindCounts = Object.entries(kinds).map(([kind, count]) =>
      msg('checks-scrobbling:library.kind', { kind, count }),
    );
    const details = {
      items: library.total,
      read: library.items.length,
      unreadable: library.unreadable,
      cut: library.total > MAX_LIBRARY_ITEMS,
      linkedSince: new Date(sinceMs).toISOString(),
      watchedSinceLink: recent.length,
      finishedSinceLink: finished.length,
      nonImdbByKind: kinds,
      futureDated: future,
      unknownDuration,
    };
    const data: LibraryData = { library, sinceMs };
    const notes = [
      future > 0 ? msg('checks-scrobbling:library.future', { count: future }) : null,
      unknownDuration > 0 ? msg('checks-scrobbling:library.unknownDuration', { count: unknownDuration }) : null,
      library.unreadable > 0 ? msg('checks-scrobbling:library.unreadable', { count: library.unreadable }) : null,
    ].filter((n): n is Message => n !== null);
    const read = {
      titles: msg('checks-scrobbling:library.titles', { count: library.total }),
      watched: msg('checks-scrobbling:library.watched', { count: recent.length }),
      since: sinceMs,
      finished: finished.length,
    };
    const base = isNonEmpty(notes)
      ? msg('checks-scrobbling:library.readWithNotes', { ...read, notes: joinClauses(notes) })
      : msg('checks-scrobbling:library.read', read);
    if (!isNonEmpty(kindCounts)) return { verdict: 'pass', summary: base, details, data };
    const byKind = Object.entries(kinds)
      .map(([kind, n]) => `${kind}: ${n}`)
      .join(', ');
    return {
      verdict: 'warn',
      summary: joinSentences([
        base,
        msg('checks-scrobbling:library.unsupported', { count: nonImdb, kinds: joinItems(kindCounts) }),
      ]),
      problems: [
        {
          code: 'SCROBBLE_IDS_UNSUPPORTED',
          evidence: `scrobbling.library: ${nonImdb} of ${recent.length} titles watched since ${since} have non-IMDb ids (${byKind})`,
          confidence: 0.9,
        },
      ],
      details,
      data,
    };
  },
});

function isNonEmpty<T>(list: readonly T[]): list is readonly [T, ...T[]] {
  return list.length > 0;
}
