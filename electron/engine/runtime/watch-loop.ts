import type { RequestBudget } from './request-budget';

/**
 * The polling loop of the closed-loop checks (docs/architecture.md "Confirming a fix"): the first poll at
 * once, then one every `everyMs` at most, within a request budget, pausing when a server asks to wait, until
 * a poll sees what it waits for, the wait ends, or the user cancels. Its timers are the event loop's, so
 * fake timers drive it in tests.
 */

/** What one poll saw. */
export type PollAnswer<T> =
  /** The loop ends with `value` (the fix was seen, or a poll learnt the wait is pointless). */
  | { readonly kind: 'done'; readonly value: T }
  /** Nothing yet: poll again. */
  | { readonly kind: 'continue' }
  /** The server asked to wait (429): no poll before `untilMs` (epoch ms of the loop's clock). */
  | { readonly kind: 'pause'; readonly untilMs: number };

/** How a loop ended. */
export type WatchEnd<T> =
  | { readonly kind: 'done'; readonly value: T; readonly polls: number }
  /** The wait ended; `paused` when it ended during a server's pause (the test could not watch to the end). */
  | { readonly kind: 'waited'; readonly polls: number; readonly paused: boolean }
  | { readonly kind: 'cancelled'; readonly polls: number };

/** A loop to run. */
export interface WatchLoop<T> {
  readonly waitMs: number;
  /** The least time between two polls. */
  readonly everyMs: number;
  readonly signal: AbortSignal;
  /** Shared with the polls' requests: the loop waits for it and records each poll as one request. */
  readonly budget?: RequestBudget;
  /** Epoch ms (default `Date.now`). */
  readonly clock?: () => number;
  /** One poll (one request); `index` counts from 0. */
  poll(index: number): Promise<PollAnswer<T>>;
  /** After each poll: how many were made, and the pause a server asked for (null when none). */
  onPolled?(polls: number, pausedUntilMs: number | null): void;
}

/** Runs `loop` until a poll ends it, the wait ends, or its signal aborts. */
export async function runWatchLoop<T>(loop: WatchLoop<T>): Promise<WatchEnd<T>> {
  const clock = loop.clock ?? Date.now;
  const deadline = clock() + loop.waitMs;
  let polls = 0;
  let nextAt = clock();
  let pausedUntil: number | null = null;
  for (;;) {
    let at = Math.max(nextAt, pausedUntil ?? Number.NEGATIVE_INFINITY);
    if (loop.budget) at = loop.budget.nextAt(at);
    // No poll starts once the wait is over.
    if (at >= deadline) return { kind: 'waited', polls, paused: pausedUntil !== null && pausedUntil >= deadline };
    if (!(await sleepUntil(at, clock, loop.signal))) return { kind: 'cancelled', polls };
    const sentAt = clock();
    loop.budget?.record(sentAt);
    polls += 1;
    const answer = await loop.poll(polls - 1);
    if (loop.signal.aborted) return { kind: 'cancelled', polls };
    if (answer.kind === 'done') return { kind: 'done', value: answer.value, polls };
    nextAt = sentAt + loop.everyMs;
    pausedUntil = answer.kind === 'pause' ? answer.untilMs : null;
    if (pausedUntil !== null) loop.budget?.blockUntil(pausedUntil);
    loop.onPolled?.(polls, pausedUntil);
  }
}

/** Resolves true at `atMs`, or false at once when `signal` aborts. */
function sleepUntil(atMs: number, clock: () => number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  const ms = atMs - clock();
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
