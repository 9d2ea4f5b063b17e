import type net from 'node:net';
import type { EngineContext } from '../../runtime/context';
import type { HttpOutcome } from '../../net/http-client';
import type { ProxyChoice } from '../../net/proxy';
import { openTunnel, type TunnelResult } from '../../net/proxy-tunnel';
import type { DnsAnswer } from '../../net/resolver';
import { probeTcp, type TcpProbeResult } from '../../net/tcp-probe';
import { openTls, type TlsProbeResult } from '../../net/tls-probe';
import type tlsModule from 'node:tls';
import { addressesOf, dnsVerdict, isUnspecified, looksFiltered, type DnsPair, type DnsVerdict } from './dns-rules';
import type { ProbedHost } from './hosts';
import { msg, type Message } from '../../../../shared/i18n/message';

/** The DNS layer of one host: both resolvers, both families. */
export interface DnsStage {
  readonly verdict: DnsVerdict;
  readonly system: DnsPair;
  readonly reference: DnsPair;
  readonly systemMs: number;
  readonly referenceMs: number;
}

/** The TCP layer of one host: one connect per address family, or the CONNECT tunnel through a proxy. */
export type TcpStage =
  | { readonly status: 'skipped'; readonly reason: string; readonly why: Message }
  | {
      readonly status: 'done';
      readonly via: 'direct';
      readonly attempts: readonly TcpProbeResult[];
      readonly connected: TcpProbeResult | null;
    }
  | {
      readonly status: 'done';
      readonly via: 'proxy';
      readonly proxy: string;
      readonly tunnel: TunnelFacts;
      readonly connected: null;
    };

/** A tunnel's outcome without its socket (what is reported). */
export type TunnelFacts = { readonly ok: true; readonly ms: number } | Extract<TunnelResult, { ok: false }>;

/** The TLS layer of one host. */
export type TlsStage =
  | { readonly status: 'skipped'; readonly reason: string; readonly why: Message }
  | { readonly status: 'not-applicable' }
  | { readonly status: 'done'; readonly result: TlsProbeResult };

/** The HTTP layer of one host; `localAt` is our clock when the answer arrived (for the skew). */
export type HttpStage =
  | { readonly status: 'skipped'; readonly reason: string; readonly why: Message }
  | { readonly status: 'done'; readonly outcome: HttpOutcome; readonly localAt: number };

/** One host's DNS → TCP → TLS → HTTP chain; each stage starts as soon as its own predecessor ends. */
export interface HostChain {
  readonly host: ProbedHost;
  readonly proxy: ProxyChoice | null;
  readonly dns: Promise<DnsStage>;
  readonly tcp: Promise<TcpStage>;
  readonly tls: Promise<TlsStage>;
  readonly http: Promise<HttpStage>;
}

/** Every probed host's chain, started together (passed to the layer checks through `CheckOutcome.data`). */
export interface ProbeSession {
  readonly chains: readonly HostChain[];
  readonly startedAt: number;
}

/** A TCP connect that worked, or the tunnel that did, as the TLS stage needs it. */
interface Reached {
  readonly tcp: TcpStage;
  readonly address: string | null;
  readonly socket: net.Socket | null;
}

const NO_ANSWER: DnsAnswer = { ok: false, code: 'timeout', message: 'no answer within the probe timeout' };

/** Resolves to `fallback` when `promise` takes longer than `ms` (every stage costs one probe timeout at most). */
function capped<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function resolvePair(
  ctx: EngineContext,
  which: 'system' | 'reference',
  host: string,
): Promise<{ pair: DnsPair; ms: number }> {
  const started = performance.now();
  const resolver = ctx.resolvers[which];
  const probeMs = ctx.config.timeouts.probeMs;
  const [a, aaaa] = await Promise.all([
    capped(resolver.resolve(host, 4), probeMs, NO_ANSWER),
    capped(resolver.resolve(host, 6), probeMs, NO_ANSWER),
  ]);
  return { pair: { a, aaaa }, ms: Math.round(performance.now() - started) };
}

/** Why a stage did not run, from the stage before it (a check never blames a layer it could not reach). */
/** Why a host's TCP layer was not tried after its DNS verdict: English for the details, a message for the row. */
function dnsSkip(dns: DnsStage): { readonly reason: string; readonly why: Message } {
  if (dns.verdict === 'filtered')
    return { reason: 'DNS is filtered for this host', why: msg('checks-connectivity:note.dnsFiltered') };
  if (dns.verdict === 'no-answer') return { reason: 'no DNS answer', why: msg('checks-connectivity:note.noDnsAnswer') };
  return { reason: 'the name does not resolve', why: msg('checks-connectivity:note.doesNotResolve') };
}

async function reachTcp(
  ctx: EngineContext,
  host: ProbedHost,
  proxy: ProxyChoice | null,
  systemDns: Promise<{ pair: DnsPair }>,
  dns: Promise<DnsStage>,
  signal: AbortSignal,
): Promise<Reached> {
  const probeMs = ctx.config.timeouts.probeMs;
  if (proxy?.supported) {
    // Through a proxy the proxy resolves and connects: the tunnel is this host's TCP layer.
    const result = await openTunnel({
      proxy,
      host: host.host,
      port: host.port,
      timeoutMs: probeMs,
      userAgent: ctx.userAgent,
      signal,
    });
    const tunnel: TunnelFacts = result.ok ? { ok: true, ms: result.ms } : result;
    const socket = result.ok ? result.socket : null;
    return {
      tcp: { status: 'done', via: 'proxy', proxy: proxy.display, tunnel, connected: null },
      address: null,
      socket,
    };
  }
  const system = (await systemDns).pair;
  // A suspicious answer (sinkhole, NXDOMAIN) needs the reference's word before anything is dialled;
  // a plausible one lets the chain go on at once, so a slow reference never delays it.
  if (looksFiltered(system) || addressesOf(system).length === 0) {
    const verdict = await dns;
    if (verdict.verdict !== 'ok')
      return { tcp: { status: 'skipped', ...dnsSkip(verdict) }, address: null, socket: null };
  }
  const byFamily = [system.a, system.aaaa].map((answer) =>
    answer.ok ? answer.addresses.find((address) => !isUnspecified(address)) : undefined,
  );
  const targets = byFamily.filter((address): address is string => address !== undefined);
  if (targets.length === 0)
    return {
      tcp: {
        status: 'skipped',
        reason: `the name resolves only to ${addressesOf(system).join(', ')} (nowhere)`,
        why: msg('checks-connectivity:note.resolvesNowhere', { addresses: addressesOf(system).join(', ') }),
      },
      address: null,
      socket: null,
    };
  const attempts = await Promise.all(
    targets.map((address) => probeTcp({ address, port: host.port, timeoutMs: probeMs, signal })),
  );
  // IPv4 first when both work: the TLS and HTTP layers then test the path most clients take.
  const connected =
    attempts.find((a) => a.kind === 'connected' && a.family === 4) ??
    attempts.find((a) => a.kind === 'connected') ??
    null;
  return {
    tcp: { status: 'done', via: 'direct', attempts, connected },
    address: connected?.address ?? null,
    socket: null,
  };
}

function tcpWorked(tcp: TcpStage): boolean {
  if (tcp.status !== 'done') return false;
  return tcp.via === 'proxy' ? tcp.tunnel.ok : tcp.connected !== null;
}

/** The TLS stage and, when trusted, its open connection (kept out of the stage: stages are reported). */
interface Secured {
  readonly stage: TlsStage;
  readonly socket: tlsModule.TLSSocket | null;
}

async function handshake(
  ctx: EngineContext,
  host: ProbedHost,
  reached: Promise<Reached>,
  signal: AbortSignal,
): Promise<Secured> {
  const { tcp, address, socket } = await reached;
  if (!tcpWorked(tcp)) {
    socket?.destroy();
    return {
      stage:
        tcp.status === 'skipped'
          ? { status: 'skipped', reason: tcp.reason, why: tcp.why }
          : { status: 'skipped', reason: 'no TCP connection', why: msg('checks-connectivity:note.noTcp') },
      socket: null,
    };
  }
  if (!host.secure) {
    socket?.destroy();
    return { stage: { status: 'not-applicable' }, socket: null };
  }
  const target = socket ? { socket } : { address: address ?? host.host, port: host.port };
  const opened = await openTls({
    ...target,
    servername: host.host,
    extraCa: ctx.extraCa,
    timeoutMs: ctx.config.timeouts.probeMs,
    signal,
  });
  return { stage: { status: 'done', result: opened.result }, socket: opened.socket };
}

async function fetchRoot(
  ctx: EngineContext,
  host: ProbedHost,
  secured: Promise<Secured>,
  signal: AbortSignal,
): Promise<HttpStage> {
  const { stage, socket } = await secured;
  if (stage.status === 'skipped') return { status: 'skipped', reason: stage.reason, why: stage.why };
  if (stage.status === 'done' && stage.result.kind !== 'trusted') {
    const code = stage.result.code ?? stage.result.kind;
    return {
      status: 'skipped',
      reason: `the TLS handshake failed (${code})`,
      why: msg('checks-connectivity:note.tlsFailed', { code }),
    };
  }
  // Over the handshake's own connection: the HTTP layer is timed alone, on the path just measured.
  const outcome = await ctx.http.request({
    url: host.url,
    headers: { 'cache-control': 'no-cache' },
    maxBytes: 64 * 1024,
    signal,
    ...(socket ? { socket } : {}),
  });
  return { status: 'done', outcome, localAt: ctx.now() };
}

/**
 * Starts every host's chain at once (docs/architecture.md "Steps": all probes concurrent; the step costs the slowest
 * chain, and a black-holed host one probe timeout, never the sum).
 */
export function startProbeSession(
  ctx: EngineContext,
  hosts: readonly ProbedHost[],
  proxies: ReadonlyMap<string, ProxyChoice | null>,
  signal: AbortSignal,
): ProbeSession {
  const chains = hosts.map((host): HostChain => {
    const proxy = proxies.get(host.url) ?? null;
    const systemDns = resolvePair(ctx, 'system', host.host);
    const referenceDns = resolvePair(ctx, 'reference', host.host);
    const dns = Promise.all([systemDns, referenceDns]).then(([sys, ref]): DnsStage => ({
      verdict: dnsVerdict(sys.pair, ref.pair),
      system: sys.pair,
      reference: ref.pair,
      systemMs: sys.ms,
      referenceMs: ref.ms,
    }));
    const reached = reachTcp(ctx, host, proxy, systemDns, dns, signal);
    const tcp = reached.then((r) => r.tcp);
    const secured = handshake(ctx, host, reached, signal);
    const tls = secured.then((s) => s.stage);
    const http = fetchRoot(ctx, host, secured, signal);
    return { host, proxy, dns, tcp, tls, http };
  });
  return { chains, startedAt: performance.now() };
}

/** Awaits one stage of every chain, paired with its host. */
export async function stageOf<K extends 'dns' | 'tcp' | 'tls' | 'http'>(
  session: ProbeSession,
  stage: K,
): Promise<{ chain: HostChain; value: Awaited<HostChain[K]> }[]> {
  return Promise.all(
    session.chains.map(async (chain) => ({ chain, value: (await chain[stage]) as Awaited<HostChain[K]> })),
  );
}
