import http from 'node:http';
import type net from 'node:net';
import type { SecretRegistry } from '../../core/secrets';
import { PAGE_HEADERS, callbackPage, type PageKind } from './callback-page';
import { secretEquals } from './pkce';
import { MAX_STRAY_CALLBACKS, strayCallback, type StrayCallback } from './stray-callbacks';

/**
 * The loopback redirect receiver of the differential sign-in test (RFC 8252 §7.3, §8.3; docs/architecture.md).
 * It fixes AppAuth-JS's gaps (its `node_request_handler.ts`): binds 127.0.0.1 only, handles listen errors, checks
 * path, method, Host and `state` itself, times out, can be cancelled, sends no-store + CSP, and closes
 * after the one valid callback — while any other request is answered, counted and survived.
 */

/** How the callback wait ended. */
export type CallbackResult =
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'error'; readonly error: string; readonly description: string | null }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'cancelled' };

/** Counts of what the server received, by kind (reported as evidence, and by the fuzz test). */
export interface LoopbackStats {
  /** The valid callback (0 or 1). */
  accepted: number;
  /** Requests for another path (favicon.ico, probes). */
  wrongPath: number;
  /** Methods other than GET on the callback path. */
  wrongMethod: number;
  /** A Host header other than the redirect URI's (DNS rebinding). */
  wrongHost: number;
  /** Callback-path requests with a missing, repeated or wrong `state` (possible interference: any web page can send them). */
  stateMismatch: number;
  /** Right state but neither `code` nor `error`, or a repeated one. */
  incomplete: number;
  /** Requests Node's parser refused (bad request line, bad header, smuggling attempts). */
  malformed: number;
  /** Header sections over the size limit. */
  oversized: number;
  /** Connections dropped for sending headers too slowly (slow-loris). */
  timedOut: number;
}

/** Options of a loopback server. */
export interface LoopbackOptions {
  /** The registered redirect port (Trakt matches redirect URIs exactly); 0 = any free port (tests). */
  readonly port: number;
  readonly expectedState: string;
  readonly timeoutMs: number;
  readonly path?: string;
  readonly signal?: AbortSignal;
  /** Where the received code is registered the moment it arrives. */
  readonly secrets?: SecretRegistry;
  /** Largest header section accepted, bytes (default 8 KiB; a callback URL is far smaller). */
  readonly maxHeaderBytes?: number;
  /** A client must finish its headers within this many ms (default 10 s; slow-loris defence). */
  readonly headersTimeoutMs?: number;
}

/** A listening loopback server. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>/callback`, exactly as sent in the authorize request and token exchange. */
  readonly redirectUri: string;
  readonly port: number;
  /** Settles once: the valid callback, the timeout, or the cancellation. Never rejects. */
  readonly result: Promise<CallbackResult>;
  /** A snapshot of the counts so far. */
  stats(): LoopbackStats;
  /** What the first rejected callbacks with a wrong or missing `state` looked like (the evidence of a mismatch). */
  strayCallbacks(): readonly StrayCallback[];
  /** True until the server has closed. */
  listening(): boolean;
  /** Stops waiting (as cancelled, unless already settled) and closes every connection. */
  close(): Promise<void>;
}

/** Why no server could be started. */
export interface LoopbackUnavailable {
  /** The OS error code (EADDRINUSE, EACCES, …). */
  readonly errno: string;
  readonly reason: string;
}

/** The path of the registered redirect URI (docs/architecture.md "Interfaces": `http://127.0.0.1:41287/callback`). */
const CALLBACK_PATH = '/callback';
const HOST = '127.0.0.1';

/** Starts the loopback server, or says why it could not (a value, never a throw). */
export async function startLoopbackServer(
  options: LoopbackOptions,
): Promise<
  { readonly ok: true; readonly server: LoopbackServer } | { readonly ok: false; readonly error: LoopbackUnavailable }
> {
  const path = options.path ?? CALLBACK_PATH;
  const stats: LoopbackStats = {
    accepted: 0,
    wrongPath: 0,
    wrongMethod: 0,
    wrongHost: 0,
    stateMismatch: 0,
    incomplete: 0,
    malformed: 0,
    oversized: 0,
    timedOut: 0,
  };
  const strays: StrayCallback[] = [];
  const sockets = new Set<net.Socket>();
  let settle: (result: CallbackResult) => void = () => undefined;
  let settled = false;
  const result = new Promise<CallbackResult>((resolve) => {
    settle = (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
  });

  const server = http.createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 8 * 1024,
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    requestTimeout: (options.headersTimeoutMs ?? 10_000) + 5_000,
    // How often Node enforces the two timeouts above (default 30 s would let slow-loris linger).
    connectionsCheckingInterval: 1000,
    keepAliveTimeout: 1000,
  });
  let port = 0;
  let open = false;

  const answer = (res: http.ServerResponse, status: number, kind: PageKind, extra: Record<string, string> = {}) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { ...PAGE_HEADERS, ...extra });
    res.end(res.req.method === 'HEAD' ? undefined : callbackPage(kind));
  };

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    // Bodies are never read; a request that sends one is answered and its connection closed.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const raw = req.url ?? '';
    const query = raw.indexOf('?');
    const rawPath = query < 0 ? raw : raw.slice(0, query);
    // The raw path, not a parsed URL: `//evil.example/callback` parses to host evil.example, path /callback.
    if (rawPath !== path || settled) {
      stats.wrongPath++;
      return answer(res, 404, 'not-found');
    }
    // GET only: a HEAD (a prefetch, a link checker) must not consume the one-time callback.
    if (req.method !== 'GET') {
      stats.wrongMethod++;
      return answer(res, 405, 'rejected', { allow: 'GET' });
    }
    if (req.headers.host !== `${HOST}:${port}`) {
      stats.wrongHost++;
      return answer(res, 400, 'rejected');
    }
    const params = new URLSearchParams(query < 0 ? '' : raw.slice(query + 1));
    const states = params.getAll('state');
    // RFC 8252 §8.9: reject any response whose state does not match the pending request's.
    if (states.length !== 1 || !secretEquals(states[0], options.expectedState)) {
      stats.stateMismatch++;
      if (strays.length < MAX_STRAY_CALLBACKS) strays.push(strayCallback(req.headers, states));
      return answer(res, 400, 'rejected');
    }
    const codes = params.getAll('code');
    const errors = params.getAll('error');
    if (codes.length === 1 && errors.length === 0 && codes[0]) {
      options.secrets?.add(codes[0], 'code');
      stats.accepted++;
      answer(res, 200, 'done');
      settle({ kind: 'code', code: codes[0] });
    } else if (errors.length === 1 && codes.length === 0 && errors[0]) {
      stats.accepted++;
      answer(res, 200, errors[0] === 'access_denied' ? 'denied' : 'error');
      settle({
        kind: 'error',
        error: errors[0].slice(0, 100),
        description: params.get('error_description')?.slice(0, 500) ?? null,
      });
    } else {
      stats.incomplete++;
      return answer(res, 400, 'rejected');
    }
    // Close once the answer is on the wire (RFC 8252 §8.3: open the port only while waiting).
    res.on('finish', () => void shutdown());
    res.on('close', () => void shutdown());
  });

  server.on('clientError', (error: NodeJS.ErrnoException, socket: net.Socket) => {
    const code = error.code ?? '';
    if (code === 'HPE_HEADER_OVERFLOW') stats.oversized++;
    else if (code === 'ERR_HTTP_REQUEST_TIMEOUT' || code === 'ERR_HTTP_HEADERS_TIMEOUT') stats.timedOut++;
    else if (code === 'ECONNRESET') return void socket.destroy();
    else stats.malformed++;
    if (socket.writable && !socket.destroyed) {
      const status =
        code === 'HPE_HEADER_OVERFLOW'
          ? '431 Request Header Fields Too Large'
          : code.includes('TIMEOUT')
            ? '408 Request Timeout'
            : '400 Bad Request';
      socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\ncache-control: no-store\r\n\r\n`);
    }
    socket.destroy();
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });

  const listenError = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    // 127.0.0.1 only, never all interfaces (RFC 8252 §8.3; AppAuth-JS listens on every interface).
    server.listen({ port: options.port, host: HOST, exclusive: true }, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
  if (listenError) {
    return {
      ok: false,
      error: {
        errno: listenError.code ?? 'ERR',
        reason: listenReason(listenError.code, options.port),
      },
    };
  }
  server.on('error', () => undefined);
  open = true;
  port = (server.address() as net.AddressInfo).port;

  let closing: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      server.close(() => {
        open = false;
        resolve();
      });
      // Keep-alive and slow-loris sockets would hold close() open: end them now.
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
    });
    return closing;
  };
  const timer = setTimeout(() => {
    settle({ kind: 'timeout' });
    void shutdown();
  }, options.timeoutMs);
  const onAbort = () => {
    settle({ kind: 'cancelled' });
    void shutdown();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  return {
    ok: true,
    server: {
      redirectUri: `http://${HOST}:${port}${path}`,
      port,
      result,
      stats: () => ({ ...stats }),
      strayCallbacks: () => [...strays],
      listening: () => open,
      close: () => {
        settle({ kind: 'cancelled' });
        return shutdown();
      },
    },
  };
}

function listenReason(code: string | undefined, port: number): string {
  if (code === 'EADDRINUSE') return `port ${port} on 127.0.0.1 is already in use by another program`;
  if (code === 'EACCES' || code === 'EPERM')
    return `opening port ${port} on 127.0.0.1 was not permitted (a firewall or security software may block it)`;
  if (code === 'EADDRNOTAVAIL') return '127.0.0.1 is not available on this machine';
  return `port ${port} on 127.0.0.1 could not be opened (${code ?? 'unknown error'})`;
}
