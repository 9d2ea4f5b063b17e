import { sanitizeNetworkText } from '../../../shared/network-text';
import type { SecretRegistry } from './secrets';

/** A log line's level. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Where redacted log lines go besides the in-memory tail (stderr in the CLI, a file in the app). */
export type LogSink = (line: string) => void;

const MAX_LINES = 2000;

/** A logger whose every line passes through the secret registry before it is kept or written. */
export class Logger {
  private readonly lines: string[] = [];

  constructor(
    private readonly secrets: SecretRegistry,
    private readonly clock: () => number,
    private readonly sink?: LogSink,
  ) {}

  /** Logs one redacted line: a message quoting network text cannot start a forged line of its own. */
  log(level: LogLevel, message: string): void {
    const line = `${new Date(this.clock()).toISOString()} ${level.toUpperCase()} ${this.secrets.redact(sanitizeNetworkText(message))}`;
    this.lines.push(line);
    if (this.lines.length > MAX_LINES) this.lines.splice(0, this.lines.length - MAX_LINES);
    this.sink?.(line);
  }

  /** The last lines kept in memory (bounded), already redacted. */
  tail(): readonly string[] {
    return this.lines;
  }
}
