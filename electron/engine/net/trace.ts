import { traceUrlShape } from './trace-url';
import type { SecretRegistry } from '../core/secrets';

/** Per-phase timings of one request in ms (got's `timings.phases`), undefined where a phase did not happen. */
export interface PhaseTimings {
  readonly dns?: number;
  readonly tcp?: number;
  readonly tls?: number;
  readonly firstByte?: number;
  readonly total?: number;
}

/**
 * One request as the network trace records it: no bodies, no secret headers, the URL and any `Location`
 * as host, path and parameter names (trace-url.ts), redacted.
 */
export interface TraceEntry {
  readonly method: string;
  readonly url: string;
  readonly status: number | null;
  readonly error: string | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly timings: PhaseTimings;
  readonly at: string;
}

/** Response headers worth keeping for a support person: they tell Cloudflare from the origin, caches, limits. */
const KEPT_HEADERS = [
  'server',
  'cf-ray',
  'x-runtime',
  'x-request-id',
  'date',
  'age',
  'location',
  'content-type',
  'retry-after',
  'x-ratelimit',
  'x-account-locked',
  'x-account-deactivated',
  'www-authenticate',
  'proxy-authenticate',
];
const MAX_ENTRIES = 500;

/** The network trace: every request the engine made, redacted as it is recorded. */
export class NetworkTrace {
  private readonly entries: TraceEntry[] = [];

  constructor(private readonly secrets: SecretRegistry) {}

  /** Records one request; secrets in the URL and headers are scrubbed now, not at export. */
  record(
    entry: Omit<TraceEntry, 'headers' | 'url'> & {
      url: string;
      headers: Readonly<Record<string, string | string[] | undefined>>;
    },
  ): void {
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = entry.headers[name];
      if (value === undefined) continue;
      const text = Array.isArray(value) ? value.join(', ') : value;
      headers[name] = this.secrets.redact(name === 'location' ? traceUrlShape(text) : text);
    }
    this.entries.push({
      ...entry,
      url: this.secrets.redact(traceUrlShape(entry.url)),
      headers,
      error: entry.error && this.secrets.redact(entry.error),
    });
    if (this.entries.length > MAX_ENTRIES) this.entries.shift();
  }

  /** All recorded entries (already redacted). */
  list(): readonly TraceEntry[] {
    return this.entries;
  }
}
