import type { RequestError } from 'got';
import got, { type Got, TimeoutError } from 'got';
import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ProxyLookup } from './proxy';
import { TunnelAgent } from './proxy-tunnel';
import { secureContextWith } from './secure-context';
import { SocketAgent } from './socket-agent';
import type { HostResolver } from './resolver';
import type { NetworkTrace, PhaseTimings } from './trace';

/** What kind of failure stopped a request before an HTTP answer, from the lowest layer that failed. */
export type NetFailureKind = 'dns' | 'tcp' | 'tls' | 'timeout' | 'too-large' | 'aborted' | 'proxy' | 'other';

/** An HTTP exchange's outcome: an answer (any status), or a classified failure. Never thrown. */
export type HttpOutcome =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: IncomingHttpHeaders;
      readonly body: string;
      readonly truncated: boolean;
      readonly timings: PhaseTimings;
      readonly url: string;
    }
  | {
      readonly ok: false;
      readonly kind: NetFailureKind;
      readonly code: string;
      readonly message: string;
      readonly phase?: string;
      readonly timings: PhaseTimings;
      readonly url: string;
    };

/** One request. Redirects are never followed: the checks read `Location` themselves. */
export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'HEAD';
  readonly headers?: Readonly<Record<string, string>>;
  /** A JSON body (sent as `application/json`; Trakt's OAuth endpoints require JSON, elementum#1187). */
  readonly json?: unknown;
  /** Largest body kept; the rest is not read (a 30 MB answer costs nothing). Default 1 MiB. */
  readonly maxBytes?: number;
  /** Overrides the probe timeout for this request. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** An already connected (for https: secured) socket to send this one request over; the client closes it. */
  readonly socket?: Duplex;
}

/** The engine's HTTP client: no retries (honest timings), a fixed User-Agent, the configured resolver and CAs. */
export interface HttpClient {
  /** Performs one request and classifies the outcome. */
  request(request: HttpRequest): Promise<HttpOutcome>;
}

/** Options of the HTTP client. */
export interface HttpClientOptions {
  readonly userAgent: string;
  readonly resolver: HostResolver;
  readonly extraCa: string | null;
  readonly probeMs: number;
  readonly trace: NetworkTrace;
  /** The proxy the user has for a URL (environment or system); requests tunnel through it (CONNECT). */
  readonly proxyFor?: ProxyLookup;
}

const DEFAULT_MAX_BYTES = 1024 * 1024;
const TLS_CODES = /CERT|SSL|TLS|EPROTO|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|HOSTNAME|ALTNAME/i;

/**
 * Reads got's phase timings into our shape. A phase whose start event never came is a difference of
 * `undefined` (NaN in got): dropped, so reports carry only measured times (seen under Windows Node).
 */
export function phaseTimings(timings: { phases?: Record<string, number | undefined> } | undefined): PhaseTimings {
  const p = timings?.phases ?? {};
  const measured = (ms: number | undefined) => (typeof ms === 'number' && Number.isFinite(ms) ? ms : undefined);
  return {
    dns: measured(p.dns),
    tcp: measured(p.tcp),
    tls: measured(p.tls),
    firstByte: measured(p.firstByte),
    total: measured(p.total),
  };
}

/** Classifies a request error by the lowest layer that failed. */
export function classifyRequestError(error: unknown): { kind: NetFailureKind; code: string; phase?: string } {
  if (error instanceof TimeoutError) return { kind: 'timeout', code: 'ETIMEDOUT', phase: error.event };
  const code = (error as NodeJS.ErrnoException).code ?? 'ERR';
  if (code === 'ERR_ABORTED' || (error as Error).name === 'AbortError') return { kind: 'aborted', code };
  if (code === 'EPROXYAUTH' || code === 'EPROXY') return { kind: 'proxy', code };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') return { kind: 'dns', code };
  if (
    ['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EADDRNOTAVAIL', 'ECONNABORTED'].includes(
      code,
    )
  )
    return { kind: 'tcp', code };
  if (TLS_CODES.test(code)) return { kind: 'tls', code };
  return { kind: 'other', code };
}

/** Builds the engine's HTTP client over got (retry 0, per-phase timeouts, trace of every request). */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const secureContext = options.extraCa ? secureContextWith(options.extraCa) : undefined;
  const client: Got = got.extend({
    retry: { limit: 0 },
    throwHttpErrors: false,
    followRedirect: false,
    decompress: true,
    // A fresh connection per request: a reused socket would hide the DNS/TCP/TLS phases being measured
    // (and Node's global agent keeps sockets alive since Node 19).
    // One TLS context for every connection (the extra CA on top of the bundled roots), built once.
    agent: {
      http: new http.Agent({ keepAlive: false }),
      https: new https.Agent({ keepAlive: false, ...(secureContext ? { secureContext } : {}) }),
    },
    headers: { 'user-agent': options.userAgent },
    dnsLookup: options.resolver.lookup,
  });

  return {
    async request(request) {
      const method = request.method ?? 'GET';
      const timeoutMs = request.timeoutMs ?? options.probeMs;
      const agent = await agentFor(request, options, timeoutMs, secureContext);
      const stream = client.stream(request.url, {
        ...(agent ? { agent } : {}),
        method,
        headers: { ...request.headers },
        ...(request.json === undefined ? {} : { json: request.json }),
        timeout: { request: timeoutMs },
        signal: request.signal,
      });
      const record: TraceRecorder = (status, headers, timings, error) =>
        options.trace.record({
          method,
          url: request.url,
          status,
          error,
          headers,
          timings,
          at: new Date().toISOString(),
        });
      return readOutcome(stream, request.url, request.maxBytes ?? DEFAULT_MAX_BYTES, record);
    },
  };
}

/** Records one exchange in the network trace. */
type TraceRecorder = (
  status: number | null,
  headers: IncomingHttpHeaders,
  timings: PhaseTimings,
  error: string | null,
) => void;

/**
 * The agent of one request: the given socket's, a CONNECT tunnel through the user's proxy, or got's own (null).
 * A request over a given socket never looks up a proxy.
 */
async function agentFor(
  request: HttpRequest,
  options: HttpClientOptions,
  timeoutMs: number,
  secureContext: ReturnType<typeof secureContextWith> | undefined,
): Promise<{ http: http.Agent; https: https.Agent } | null> {
  if (request.socket) {
    const reuse = new SocketAgent(request.socket);
    return { http: reuse, https: reuse };
  }
  const proxy = await options.proxyFor?.(request.url);
  if (!proxy?.supported) return null;
  const tunnel = { proxy, timeoutMs, userAgent: options.userAgent, secureContext };
  return { http: new TunnelAgent({ ...tunnel, secure: false }), https: new TunnelAgent({ ...tunnel, secure: true }) };
}

/**
 * Reads a request's stream into one outcome: the answer (its body cut at `limit`: the rest is never read), or the
 * classified failure. Settles once; every exchange is recorded in the trace.
 */
export function readOutcome(
  stream: ReturnType<Got['stream']>,
  url: string,
  limit: number,
  record: TraceRecorder,
): Promise<HttpOutcome> {
  return new Promise<HttpOutcome>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let truncated = false;
    let settled = false;
    const finish = (outcome: HttpOutcome) => {
      if (settled) return;
      settled = true;
      resolve(outcome);
    };
    const answered = (response: { statusCode: number; headers: IncomingHttpHeaders }, timings: PhaseTimings) => {
      record(response.statusCode, response.headers, timings, null);
      finish({
        ok: true,
        status: response.statusCode,
        headers: response.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        truncated,
        timings,
        url,
      });
    };
    stream.on('response', () => undefined);
    stream.on('data', (chunk: Buffer) => {
      if (size >= limit) return;
      const room = limit - size;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.length, room);
      if (size < limit) return;
      truncated = true;
      const response = stream.response;
      const timings = phaseTimings(stream.timings);
      stream.destroy();
      if (response) answered(response, timings);
    });
    stream.on('end', () => {
      const response = stream.response;
      if (response) answered(response, phaseTimings(response.timings));
    });
    stream.on('error', (error: Error) => {
      if (settled) return;
      const { kind, code, phase } = classifyRequestError(error);
      const timings = phaseTimings((error as RequestError).timings);
      const message = `${code}${phase ? ` during ${phase}` : ''}`;
      record(null, {}, timings, message);
      finish({ ok: false, kind, code, message, ...(phase ? { phase } : {}), timings, url });
    });
  });
}
