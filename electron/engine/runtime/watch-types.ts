import type { WatchProgress } from '../../../shared/check-details/closed-loop';

/**
 * What a run of a closed-loop check is asked to do (docs/architecture.md "Confirming a fix"): how long to
 * wait for the user, and where its progress goes (the CLI prints it, the window shows a countdown).
 */
export interface WatchRunOptions {
  /** The longest wait, in ms (the CLI and the window accept 10–900 s). */
  readonly waitMs: number;
  /** Receives progress as it happens: never a title or a secret. */
  readonly onProgress?: (progress: WatchProgress) => void;
}
