import { CLOSED_LOOP_CHECK_IDS, type WatchProgress } from '../../../shared/check-details/closed-loop';
import type { Translator } from '../../../shared/i18n/translator';
import { stremioMenuParams } from '../../../shared/stremio-menus';
import { wholeDuration } from '../../engine/checks/token/durations';

/** The least time between two progress lines of one wait (the first poll's line aside). */
export const PROGRESS_EVERY_MS = 15_000;

/**
 * Turns a closed-loop wait's progress into stderr lines in the CLI's language (docs/i18n.md): the
 * instructions when the wait starts, then at most one line per 15 s while it polls (reads made, time left,
 * a 429's pause). The outcome is the check's own progress line when it finishes. Null = print nothing now.
 */
export function watchProgressPrinter(
  tr: Translator,
  clock: () => number = Date.now,
): (progress: WatchProgress) => string | null {
  let lastLineAt = Number.NEGATIVE_INFINITY;
  return (progress) => {
    const relink = progress.check === CLOSED_LOOP_CHECK_IDS.relink;
    const now = clock();
    if (progress.phase === 'started') {
      lastLineAt = now;
      const ms = Date.parse(progress.waitUntil) - Date.parse(progress.startedAt);
      // Before the run has read the Version step: both Stremio menus are named (docs/i18n.md "Names of other programs' menus").
      return relink
        ? tr.t('cli:watch.relinkStart', { ms, relink: stremioMenuParams(tr).relink })
        : tr.t('cli:watch.liveStart', { ms });
    }
    if (progress.phase === 'finished' || now - lastLineAt < PROGRESS_EVERY_MS) return null;
    lastLineAt = now;
    if (progress.phase === 'rate-limited' && progress.resumeAt)
      return tr.t('cli:watch.rateLimited', { at: Date.parse(progress.resumeAt) });
    // Cut to whole units ("4 min left" until the fifth minute is over, never rounded up).
    const left = wholeDuration(Math.max(0, Date.parse(progress.waitUntil) - now));
    return tr.t(relink ? 'cli:watch.relinkPolled' : 'cli:watch.livePolled', { count: progress.polls, left });
  };
}
