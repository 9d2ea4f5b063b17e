import type { TraceEntry } from '../../electron/engine/net/trace';
import type { FaultMode, HostEmulator, Reply } from './http-host';
import type { World } from './world';
import { emulatedHosts } from './latency';

/** Below these the recorded clock offset or wait is noise of the recording, not the user's network. */
const MIN_CLOCK_OFFSET_MS = 5_000;
const MIN_LATENCY_MS = 1_000;

/** A recorded request that got an HTTP answer. */
type AnsweredEntry = TraceEntry & { readonly status: number };

/** What a replay set on one emulated host, so a test can say what it reproduced. */
export interface ReplayedHost {
  readonly host: string;
  /** Requests whose answer was replayed (method and path). */
  readonly routes: readonly string[];
  readonly dateOffsetMs: number;
  readonly latencyMs: number;
  readonly fault: FaultMode;
}

/**
 * Shapes `world` like the network a diagnostic bundle recorded (`network-trace.json`): every answer's
 * status and kept headers (who answered, caches, limits, challenges) on the emulator of its host, the
 * servers' clock offset from their `Date` headers, the wait before the first byte, and timeouts or
 * resets as socket faults. The trace holds no bodies and no secrets, so account data is planted
 * separately (docs/testing.md "Reproducing a user's world"). Hosts the trace never reached keep
 * answering as healthy ones.
 */
export function replayTrace(world: World, trace: readonly TraceEntry[]): ReplayedHost[] {
  const emulators = emulatedHosts(world);
  const replayed: ReplayedHost[] = [];
  for (const emulator of emulators) {
    const entries = trace.filter((entry) => hostOf(entry.url) === emulator.host);
    if (entries.length > 0) replayed.push(replayHost(emulator, entries));
  }
  return replayed;
}

function replayHost(emulator: HostEmulator, entries: readonly TraceEntry[]): ReplayedHost {
  const answered = entries.filter((entry): entry is AnsweredEntry => entry.status !== null);
  const routes: string[] = [];
  for (const entry of answered) {
    const { pathname } = new URL(entry.url);
    // A redacted path (an account id, a code) cannot match the engine's real request: the fallback answers it.
    if (pathname.includes('[redacted') || pathname.includes('%5Bredacted')) continue;
    emulator.route(entry.method, pathname, replyOf(entry));
    routes.push(`${entry.method} ${pathname}`);
  }
  const last = answered.at(-1);
  if (last) emulator.fallback(replyOf(last));

  const offset = median(
    answered.flatMap((e) => (e.headers.date ? [Date.parse(e.headers.date) - Date.parse(e.at)] : [])),
  );
  emulator.dateOffsetMs =
    offset !== null && Math.abs(offset) >= MIN_CLOCK_OFFSET_MS ? Math.round(offset / 1000) * 1000 : 0;
  const wait = median(answered.flatMap((e) => (e.timings.firstByte === undefined ? [] : [e.timings.firstByte])));
  emulator.latencyMs = wait !== null && wait >= MIN_LATENCY_MS ? Math.round(wait) : 0;
  emulator.fault = answered.length > 0 ? 'normal' : faultOf(entries);
  return {
    host: emulator.host,
    routes,
    dateOffsetMs: emulator.dateOffsetMs,
    latencyMs: emulator.latencyMs,
    fault: emulator.fault,
  };
}

/** The recorded answer: its status and the headers the trace kept, except `Date` (the emulator's clock sends it). */
function replyOf(entry: AnsweredEntry): Reply {
  const { date: _date, ...headers } = entry.headers;
  return { status: entry.status, headers, body: '' };
}

/** A host that never answered: silence (timeouts) or resets, from the recorded errors. */
function faultOf(entries: readonly TraceEntry[]): FaultMode {
  const errors = entries.map((entry) => entry.error ?? '');
  if (errors.some((error) => /ECONNRESET|socket hang up/i.test(error))) return 'reset';
  if (errors.some((error) => /timed? ?out|ETIMEDOUT/i.test(error))) return 'blackhole';
  return 'normal';
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
