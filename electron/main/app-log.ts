import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogLevel, LogSink } from '../engine/core/log';
import { sanitizeNetworkText } from '../../shared/network-text';

/** Size at which the log is rolled over to `app.log.1` (one previous file kept). */
export const MAX_LOG_BYTES = 1024 * 1024;

/** The app's log file under userData/logs: a sink for lines that are already redacted. */
export interface AppLog {
  readonly file: string;
  /** Appends one line (callers pass lines that went through the secret registry). */
  readonly sink: LogSink;
  /** Writes a fixed, secret-free message with a timestamp and level (before the service's logger exists). */
  readonly write: (level: LogLevel, message: string) => void;
}

/**
 * Opens the log. Its size stays bounded: past `maxBytes` the file becomes `app.log.1` (replacing the
 * previous one), so at most two files of that size exist. A log that cannot be written never stops the
 * app: the line is dropped.
 */
export function createAppLog(dir: string, maxBytes = MAX_LOG_BYTES, now: () => number = Date.now): AppLog {
  const file = path.join(dir, 'app.log');
  let size: number | null = null;
  const sink: LogSink = (line) => {
    // One line each, inert: a quoted server message can neither forge a line nor drive a terminal that shows the file.
    const text = `${sanitizeNetworkText(line)}\n`;
    try {
      if (size === null) {
        mkdirSync(dir, { recursive: true });
        size = fileSize(file);
      }
      if (size + Buffer.byteLength(text) > maxBytes && size > 0) {
        renameSync(file, `${file}.1`);
        size = 0;
      }
      appendFileSync(file, text, { mode: 0o600 });
      size += Buffer.byteLength(text);
    } catch {
      size = null;
    }
  };
  return {
    file,
    sink,
    write: (level, message) => sink(`${new Date(now()).toISOString()} ${level.toUpperCase()} ${message}`),
  };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
