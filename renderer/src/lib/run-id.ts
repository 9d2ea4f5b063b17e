let counter = 0;

/** A fresh run id matching the contract's `^[A-Za-z0-9_-]{1,64}$`: the step, a time stamp and a counter. */
export function newRunId(step: string): string {
  counter += 1;
  return `${step}-${Date.now().toString(36)}-${counter}`;
}
