import type { ClosedLoopCheckId, WatchProgress } from '../../../shared/check-details/closed-loop';
import type { WatchRunOptions } from './watch-types';

/** Reports a closed-loop wait's progress: one call per phase, with the polls made so far. */
export type ProgressReporter = (
  phase: WatchProgress['phase'],
  polls: number,
  extra?: { readonly resumeAtMs?: number; readonly seen?: boolean },
) => void;

/**
 * A progress reporter for `check`'s wait of `options.waitMs` starting now (the clock the wait runs on):
 * the CLI prints what it gets, the window turns it into a countdown. Never carries a title or a secret.
 */
export function progressReporter(
  check: ClosedLoopCheckId,
  options: WatchRunOptions,
  clock: () => number = Date.now,
): ProgressReporter {
  const startedAt = clock();
  const base = {
    check,
    startedAt: new Date(startedAt).toISOString(),
    waitUntil: new Date(startedAt + options.waitMs).toISOString(),
  };
  return (phase, polls, extra = {}) =>
    options.onProgress?.({
      ...base,
      phase,
      polls,
      seen: extra.seen ?? false,
      ...(extra.resumeAtMs === undefined ? {} : { resumeAt: new Date(extra.resumeAtMs).toISOString() }),
    });
}
