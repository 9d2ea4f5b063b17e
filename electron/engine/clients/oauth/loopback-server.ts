import http from 'node:http';
import type net from 'node:net';
import type { SecretRegistry } from '../../core/secrets';
import { PAGE_HEADERS, callbackPage } from './callback-page';
import {
  clientErrorRoute,
  emptyStats,
  listenReason,
  routeCallback,
  type CallbackResult,
  type CallbackRoute,
  type LoopbackStats,
} from './loopback-routes';
import { MAX_STRAY_CALLBACKS, strayCallback, type StrayCallback } from './stray-callbacks';

/**
 * The loopback redirect receiver of the differential sign-in test (RFC 8252 §7.3, §8.3; docs/architecture.md).
 * It fixes AppAuth-JS's gaps (its `node_request_handler.ts`): binds 127.0.0.1 only, handles listen errors, checks
 * path, method, Host and `state` itself (`loopback-routes.ts`), times out, can be cancelled, sends no-store + CSP,
 * and closes after the one valid callback — while any other request is answered, counted and survived.
 */

export type { CallbackResult, LoopbackStats };

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
  const wait = settleOnce();
  const received = { stats: emptyStats(), strays: [] as StrayCallback[] };
  const server = createServer(options);
  const sockets = trackSockets(server);
  let port = 0;
  let open = false;
  const shutdown = closer(server, sockets, {
    onClosing: () => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    },
    onClosed: () => (open = false),
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const expected = { path, host: `${HOST}:${port}`, state: options.expectedState, settled: wait.settled() };
    const route = routeCallback({ method: req.method, rawUrl: req.url ?? '', host: req.headers.host }, expected);
    applyRoute(req, res, route, received, options.secrets);
    if (!route.settles) return;
    wait.settle(route.settles);
    // Close once the answer is on the wire (RFC 8252 §8.3: open the port only while waiting).
    res.on('finish', () => void shutdown());
    res.on('close', () => void shutdown());
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: net.Socket) =>
    refuseConnection(error, socket, received.stats),
  );

  const listenError = await listen(server, options.port);
  if (listenError)
    return {
      ok: false,
      error: { errno: listenError.code ?? 'ERR', reason: listenReason(listenError.code, options.port) },
    };
  server.on('error', () => undefined);
  open = true;
  port = (server.address() as net.AddressInfo).port;
  const timer = setTimeout(() => {
    wait.settle({ kind: 'timeout' });
    void shutdown();
  }, options.timeoutMs);
  const onAbort = () => {
    wait.settle({ kind: 'cancelled' });
    void shutdown();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) onAbort();

  return {
    ok: true,
    server: {
      redirectUri: `http://${HOST}:${port}${path}`,
      port,
      result: wait.result,
      stats: () => ({ ...received.stats }),
      strayCallbacks: () => [...received.strays],
      listening: () => open,
      close: () => {
        wait.settle({ kind: 'cancelled' });
        return shutdown();
      },
    },
  };
}

/** The wait's one result: the first settlement wins. */
function settleOnce() {
  let settled = false;
  let resolve: (result: CallbackResult) => void = () => undefined;
  const result = new Promise<CallbackResult>((r) => (resolve = r));
  return {
    result,
    settled: () => settled,
    settle(value: CallbackResult) {
      if (settled) return;
      settled = true;
      resolve(value);
    },
  };
}

/** The HTTP server with tight limits: small headers, short header time, checked every second (slow-loris). */
function createServer(options: LoopbackOptions): http.Server {
  return http.createServer({
    maxHeaderSize: options.maxHeaderBytes ?? 8 * 1024,
    headersTimeout: options.headersTimeoutMs ?? 10_000,
    requestTimeout: (options.headersTimeoutMs ?? 10_000) + 5_000,
    // How often Node enforces the two timeouts above (default 30 s would let slow-loris linger).
    connectionsCheckingInterval: 1000,
    keepAliveTimeout: 1000,
  });
}

/** The open connections, so closing can end them. */
function trackSockets(server: http.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

/** Counts a request and answers it as routed; the code of a valid callback is a secret the moment it arrives. */
function applyRoute(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: CallbackRoute,
  received: { stats: LoopbackStats; strays: StrayCallback[] },
  secrets: SecretRegistry | undefined,
): void {
  // Bodies are never read; a request that sends one is answered and its connection closed.
  req.on('error', () => undefined);
  res.on('error', () => undefined);
  received.stats[route.count]++;
  if (route.strayStates && received.strays.length < MAX_STRAY_CALLBACKS)
    received.strays.push(strayCallback(req.headers, route.strayStates));
  if (route.settles?.kind === 'code') secrets?.add(route.settles.code, 'code');
  if (res.headersSent || res.destroyed) return;
  res.writeHead(route.status, { ...PAGE_HEADERS, ...route.headers });
  res.end(req.method === 'HEAD' ? undefined : callbackPage(route.page));
}

/** A connection Node's parser refused: counted, answered with a bare status line when still writable, dropped. */
function refuseConnection(error: NodeJS.ErrnoException, socket: net.Socket, stats: LoopbackStats): void {
  const route = clientErrorRoute(error.code ?? '');
  if (!route) return void socket.destroy();
  stats[route.count]++;
  if (socket.writable && !socket.destroyed)
    socket.end(`HTTP/1.1 ${route.status}\r\nconnection: close\r\ncontent-length: 0\r\ncache-control: no-store\r\n\r\n`);
  socket.destroy();
}

/** Listens on 127.0.0.1 only, never all interfaces (RFC 8252 §8.3; AppAuth-JS listens on every interface). */
function listen(server: http.Server, port: number): Promise<NodeJS.ErrnoException | null> {
  return new Promise((resolve) => {
    const onError = (error: NodeJS.ErrnoException) => resolve(error);
    server.once('error', onError);
    server.listen({ port, host: HOST, exclusive: true }, () => {
      server.off('error', onError);
      resolve(null);
    });
  });
}

/** Closes the server once (later calls get the same promise), ending keep-alive and slow-loris sockets at once. */
function closer(
  server: http.Server,
  sockets: Set<net.Socket>,
  hooks: { readonly onClosing: () => void; readonly onClosed: () => void },
): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () =>
    (closing ??= new Promise<void>((resolve) => {
      hooks.onClosing();
      server.close(() => {
        hooks.onClosed();
        resolve();
      });
      // Keep-alive and slow-loris sockets would hold close() open: end them now.
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
    }));
}
