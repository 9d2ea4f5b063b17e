import { openOutsideFile } from '../core/outside-file';

/** How much of a log a bundle keeps (openclaw#562: bound lines, line and total bytes; tail before redacting). */
export interface LogTailLimits {
  readonly maxBytes: number;
  readonly maxLines: number;
  readonly maxLineChars: number;
}

/** The kept end of a log, not yet redacted. */
export interface LogTail {
  readonly lines: string[];
  /** Size of the whole source (bytes), to show how much was left out. */
  readonly sourceBytes: number;
  /** True when older content was left out. */
  readonly truncated: boolean;
}

const LINE_TRUNCATED = ' …[line truncated]';

/**
 * Reads only the last `maxBytes` of a log file, streamed (a 50 MiB log is never held in memory —
 * docs/testing.md "Benchmarks"), and keeps its last whole lines. Redaction happens after, on what is kept.
 */
export async function readLogFileTail(file: string, limits: LogTailLimits): Promise<LogTail> {
  // An outside file like any other (a regular file, not a link or a pipe), read from its tail only.
  const handle = await openOutsideFile(file);
  let size: number;
  const chunks: Buffer[] = [];
  let start: number;
  try {
    size = (await handle.stat()).size;
    start = Math.max(0, size - limits.maxBytes);
    if (size > 0 && limits.maxBytes > 0) {
      for await (const chunk of handle.createReadStream({ start, end: size - 1, autoClose: false }))
        chunks.push(chunk as Buffer);
    }
  } finally {
    await handle.close();
  }
  let text = Buffer.concat(chunks).toString('utf8');
  // Starting mid-file almost always lands inside a line: drop that partial first line.
  if (start > 0) {
    const firstBreak = text.indexOf('\n');
    text = firstBreak === -1 ? '' : text.slice(firstBreak + 1);
  }
  const tail = tailLines(text.split(/\r?\n/), limits);
  return { lines: tail.lines, sourceBytes: size, truncated: start > 0 || tail.truncated };
}

/** Keeps the last lines of an in-memory log (the CLI's logger) under the same limits. */
export function tailLines(all: readonly string[], limits: LogTailLimits): { lines: string[]; truncated: boolean } {
  const lines = all.length > 0 && all[all.length - 1] === '' ? all.slice(0, -1) : [...all];
  let clipped = 0;
  const kept = lines.slice(Math.max(0, lines.length - limits.maxLines)).map((line) => {
    if (line.length <= limits.maxLineChars) return line;
    clipped++;
    return `${line.slice(0, limits.maxLineChars)}${LINE_TRUNCATED}`;
  });
  let bytes = kept.reduce((n, line) => n + Buffer.byteLength(line) + 1, 0);
  let dropped = lines.length - kept.length;
  while (bytes > limits.maxBytes && kept.length > 0) {
    bytes -= Buffer.byteLength(kept.shift() ?? '') + 1;
    dropped++;
  }
  return { lines: kept, truncated: dropped > 0 || clipped > 0 };
}
