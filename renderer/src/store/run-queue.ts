/**
 * The wizard's ordinary runs, one after another (the engine runs one diagnosis at a time): a task starts when
 * the one before it ended, whatever its outcome. The sign-in test does not queue: it waits for a person.
 */
export interface RunQueue {
  /** True while a task runs or waits (a new task would wait behind it). */
  busy(): boolean;
  /** Runs `task` after the tasks before it; resolves with its value, or `fallback` when it threw. */
  enqueue<T>(task: () => Promise<T>, fallback: T): Promise<T>;
}

/** Creates an empty run queue. */
export function createRunQueue(): RunQueue {
  let tail: Promise<void> = Promise.resolve();
  let pending = 0;
  return {
    busy: () => pending > 0,
    enqueue(task, fallback) {
      pending += 1;
      const done = tail.then(task).finally(() => {
        pending -= 1;
      });
      tail = done.then(
        () => undefined,
        () => undefined,
      );
      return done.catch(() => fallback);
    },
  };
}
