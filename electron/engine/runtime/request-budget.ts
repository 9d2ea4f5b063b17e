/**
 * A sliding-window request budget: at most `max` requests in any `windowMs` (a request sent at `t` counts in
 * `[t, t + windowMs)`), and none before a server's "try again after" (a 429's `Retry-After`). The live
 * scrobble test keeps Trakt at 60 reads per 5 minutes with it (docs/architecture.md "Confirming a fix").
 */
export class RequestBudget {
  private readonly sent: number[] = [];
  private blockedUntilMs = Number.NEGATIVE_INFINITY;

  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** The earliest time at or after `atMs` when a request may go. */
  nextAt(atMs: number): number {
    let at = Math.max(atMs, this.blockedUntilMs);
    for (;;) {
      const recent = this.sent.filter((t) => t > at - this.windowMs);
      if (recent.length < this.max) return at;
      // The window is full: wait until the oldest request that keeps it full leaves it.
      at = recent[recent.length - this.max]! + this.windowMs;
    }
  }

  /** Records a request sent at `atMs` (callers send in time order). */
  record(atMs: number): void {
    this.sent.push(atMs);
  }

  /** No request before `untilMs` (a 429's `Retry-After`). */
  blockUntil(untilMs: number): void {
    this.blockedUntilMs = Math.max(this.blockedUntilMs, untilMs);
  }

  /** Requests recorded so far. */
  get count(): number {
    return this.sent.length;
  }

  /** The most requests any window of `windowMs` held so far (the figure the report gives). */
  maxInWindow(): number {
    let most = 0;
    for (let i = 0; i < this.sent.length; i++) {
      const end = this.sent[i]! + this.windowMs;
      let n = 0;
      for (let j = i; j < this.sent.length && this.sent[j]! < end; j++) n++;
      most = Math.max(most, n);
    }
    return most;
  }
}
