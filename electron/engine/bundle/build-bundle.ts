import os from 'node:os';
import { ReportSchema, type Report } from '../../../shared/report';
import { renderSummaryMarkdown } from '../../../shared/summary-markdown';
import type { Translator } from '../../../shared/i18n/translator';
import type { EngineContext } from '../runtime/context';
import type { TraceEntry } from '../net/trace';
import { collectEnvironment } from './environment';
import { readLogFileTail, tailLines, type LogTail } from './log-tail';
import { redactForExport, type RedactionCounts } from './redact-export';

/** The bounds of a bundle (docs/architecture.md "Bundle": 5 MiB total by default; tail bounded, openclaw#562). */
export interface BundleLimits {
  /** The whole .zip, in bytes. */
  readonly maxTotalBytes: number;
  /** logs/app.log, in bytes (before and after redaction). */
  readonly logMaxBytes: number;
  readonly logMaxLines: number;
  readonly logMaxLineChars: number;
  /** network-trace.json, in bytes (the newest requests are kept). */
  readonly traceMaxBytes: number;
}

/** Default bounds: 5 MiB in all, of which the log tail takes at most 2 MiB / 20 000 lines. */
export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  maxTotalBytes: 5 * 1024 * 1024,
  logMaxBytes: 2 * 1024 * 1024,
  logMaxLines: 20_000,
  logMaxLineChars: 4000,
  traceMaxBytes: 1024 * 1024,
};

/** What a bundle is made from. */
export interface BundleInput {
  readonly report: Report;
  /** The engine context of the run: its secrets, network trace, in-memory log, clock, version, platform, env. */
  readonly ctx: Pick<
    EngineContext,
    'secrets' | 'trace' | 'log' | 'now' | 'version' | 'platform' | 'env' | 'translator'
  >;
  /** The app's log file; absent = the run's in-memory log (the CLI). Only its tail is read. */
  readonly logFile?: string;
  /** The user's home folder and account name to scrub; absent = this machine's (os and env). */
  readonly identity?: { readonly homeDirs: readonly string[]; readonly userNames: readonly string[] };
  readonly limits?: Partial<BundleLimits>;
  /** The language of summary.md when it is not the run's (the window asks for its own; docs/i18n.md). */
  readonly translator?: Translator;
}

/** One file of the bundle, as it will be written. */
export interface BundleFile {
  readonly name: string;
  readonly bytes: number;
  readonly content: Buffer;
}

/** manifest.json: every file with its size, every redaction class applied with counts, what was cut. */
export interface BundleManifest {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'stremio-trakt-doctor'; readonly version: string };
  readonly createdAt: string;
  readonly files: readonly { readonly name: string; readonly bytes: number }[];
  /** Replacements made while building this bundle, per class (token, email, home-path, …). */
  readonly redactions: Readonly<Record<string, number>>;
  /** Replacements the engine had already made as it recorded the run (logs, trace, report). */
  readonly redactionsDuringRun: Readonly<Record<string, number>>;
  readonly limits: BundleLimits;
  readonly log: {
    readonly source: 'file' | 'memory';
    readonly sourceBytes: number;
    readonly lines: number;
    readonly truncated: boolean;
    readonly note?: string;
  };
  readonly networkTrace: { readonly requests: number; readonly kept: number };
}

/** The bundle's contents before they are zipped: what a preview shows, exactly what is written. */
export interface BundleContents {
  readonly manifest: BundleManifest;
  /** manifest.json first, then the rest in a fixed order. */
  readonly files: readonly BundleFile[];
}

/** A bundle that cannot fit its size bound even without logs (only with limits far below the defaults). */
export class BundleTooLargeError extends Error {
  override readonly name = 'BundleTooLargeError';
  constructor(
    readonly neededBytes: number,
    /** The bundle's size bound, which the window names. */
    readonly maxTotalBytes: number,
  ) {
    super(`the report alone needs ${neededBytes} bytes, over the bundle limit of ${maxTotalBytes}`);
  }
}

/** Bytes kept free for the zip's own headers and deflate's worst case on incompressible data. */
function zipReserve(maxTotalBytes: number, fileCount: number): number {
  return 1024 + fileCount * 256 + Math.ceil(maxTotalBytes / 500);
}

/** Builds the redacted contents of a diagnostic bundle (docs/architecture.md "Bundle") without writing anything. */
export async function buildBundleContents(input: BundleInput): Promise<BundleContents> {
  const limits = { ...DEFAULT_BUNDLE_LIMITS, ...input.limits };
  const { secrets } = input.ctx;
  const before = { ...secrets.redactionCounts() };
  const identity = input.identity ?? machineIdentity(input.ctx.env);
  for (const homeDir of identity.homeDirs) secrets.addIdentity({ homeDir });
  for (const userName of identity.userNames) secrets.addIdentity({ userName });
  const fieldCounts: RedactionCounts = {};

  // Parsing with the report schema is the report's allow-list: a field it does not know is dropped.
  const report = redactForExport(ReportSchema.parse(input.report), secrets, fieldCounts);
  const fixed = [
    json('report.json', report),
    text('summary.md', secrets.redact(renderSummaryMarkdown(report, input.translator ?? input.ctx.translator))),
    json(
      'environment.json',
      redactForExport(collectEnvironment(report, input.ctx.platform, input.ctx.version), secrets, fieldCounts),
    ),
  ];
  const allTrace = input.ctx.trace.list();
  const trace = fitTrace(redactForExport(allTrace.map(traceFields), secrets, fieldCounts), limits.traceMaxBytes);
  fixed.push(json('network-trace.json', trace));

  const fixedBytes = fixed.reduce((n, f) => n + f.bytes, 0);
  // manifest.json is small (a few hundred bytes); 8 KiB covers it with room to spare.
  const room = limits.maxTotalBytes - zipReserve(limits.maxTotalBytes, fixed.length + 2) - fixedBytes - 8192;
  if (room < 0) throw new BundleTooLargeError(fixedBytes, limits.maxTotalBytes);
  const logLimits = {
    maxBytes: Math.min(limits.logMaxBytes, room),
    maxLines: limits.logMaxLines,
    maxLineChars: limits.logMaxLineChars,
  };
  const log = await readLog(input, logLimits);
  // One pass over the joined tail (no secret spans a line break), then the byte bound again, since
  // redaction can lengthen a line ("a@b.co" → "[redacted email]").
  const redactedLines = tailLines(secrets.redact(log.tail.lines.join('\n')).split('\n'), logLimits);
  const logFile = text('logs/app.log', redactedLines.lines.length > 0 ? `${redactedLines.lines.join('\n')}\n` : '');

  const redactions = mergeCounts(diffCounts(secrets.redactionCounts(), before), fieldCounts);
  const files = [...fixed, logFile];
  const createdAt = new Date(input.ctx.now()).toISOString();
  const manifestFor = (manifestBytes: number): BundleManifest => ({
    schemaVersion: 1,
    tool: { name: 'stremio-trakt-doctor', version: input.ctx.version },
    createdAt,
    files: [{ name: 'manifest.json', bytes: manifestBytes }, ...files.map((f) => ({ name: f.name, bytes: f.bytes }))],
    redactions,
    redactionsDuringRun: before,
    limits,
    log: {
      source: log.source,
      sourceBytes: log.tail.sourceBytes,
      lines: redactedLines.lines.length,
      truncated: log.tail.truncated || redactedLines.truncated,
      ...(log.note ? { note: log.note } : {}),
    },
    networkTrace: { requests: allTrace.length, kept: trace.length },
  });
  // The manifest lists its own size: settle the number (its digits can change the size once or twice).
  let manifest = manifestFor(0);
  let manifestFile = json('manifest.json', manifest);
  for (let i = 0; i < 4 && manifest.files[0]?.bytes !== manifestFile.bytes; i++) {
    manifest = manifestFor(manifestFile.bytes);
    manifestFile = json('manifest.json', manifest);
  }
  return { manifest, files: [manifestFile, ...files] };
}

/** The log tail to export, and where it came from; an unreadable log file is said, not silently left out. */
async function readLog(
  input: BundleInput,
  limits: { maxBytes: number; maxLines: number; maxLineChars: number },
): Promise<{ tail: LogTail; source: 'file' | 'memory'; note?: string }> {
  if (input.logFile) {
    try {
      return { tail: await readLogFileTail(input.logFile, limits), source: 'file' };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      return {
        tail: { lines: [], sourceBytes: 0, truncated: false },
        source: 'file',
        note: `the app's log file could not be read (${code})`,
      };
    }
  }
  const memory = input.ctx.log.tail();
  const tail = tailLines(memory, limits);
  return {
    tail: {
      lines: tail.lines,
      sourceBytes: memory.reduce((n, l) => n + Buffer.byteLength(l) + 1, 0),
      truncated: tail.truncated,
    },
    source: 'memory',
  };
}

/** A trace entry's allow-listed fields (method, redacted URL, status, chosen headers, timings). */
function traceFields(entry: TraceEntry): TraceEntry {
  return {
    method: entry.method,
    url: entry.url,
    status: entry.status,
    error: entry.error,
    headers: { ...entry.headers },
    timings: { ...entry.timings },
    at: entry.at,
  };
}

/** Keeps the newest trace entries whose JSON fits in `maxBytes`. */
function fitTrace(entries: readonly TraceEntry[], maxBytes: number): TraceEntry[] {
  const kept: TraceEntry[] = [];
  let bytes = 2;
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i]!;
    const size = Buffer.byteLength(JSON.stringify(entry, null, 2)) + 4;
    if (bytes + size > maxBytes) break;
    bytes += size;
    kept.unshift(entry);
  }
  return kept;
}

/** This machine's home folder(s) and account name(s), from the OS and the environment. */
function machineIdentity(env: Readonly<Record<string, string | undefined>>): {
  homeDirs: string[];
  userNames: string[];
} {
  let osUser: string | undefined;
  try {
    osUser = os.userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's names still apply.
    osUser = undefined;
  }
  const defined = (values: (string | undefined)[]) => [
    ...new Set(values.filter((v): v is string => typeof v === 'string' && v.length > 0)),
  ];
  return {
    homeDirs: defined([os.homedir(), env.HOME, env.USERPROFILE]),
    userNames: defined([osUser, env.USER, env.USERNAME, env.LOGNAME]),
  };
}

function json(name: string, value: unknown): BundleFile {
  return text(name, `${JSON.stringify(value, null, 2)}\n`);
}

function text(name: string, content: string): BundleFile {
  const buffer = Buffer.from(content, 'utf8');
  return { name, bytes: buffer.length, content: buffer };
}

function diffCounts(
  after: Readonly<Record<string, number>>,
  before: Readonly<Record<string, number>>,
): RedactionCounts {
  const out: RedactionCounts = {};
  for (const [kind, n] of Object.entries(after)) if (n - (before[kind] ?? 0) > 0) out[kind] = n - (before[kind] ?? 0);
  return out;
}

function mergeCounts(a: RedactionCounts, b: RedactionCounts): RedactionCounts {
  const out: RedactionCounts = { ...a };
  for (const [kind, n] of Object.entries(b)) out[kind] = (out[kind] ?? 0) + n;
  return out;
}
