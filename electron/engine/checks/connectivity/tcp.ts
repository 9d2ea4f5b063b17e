import {
  CONNECTIVITY_CHECK_IDS,
  TcpDetailsSchema,
  type TcpDetails,
} from '../../../../shared/check-details/connectivity';
import { msg, type Message } from '../../../../shared/i18n/message';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import { answered } from './dns-rules';
import { tcpLayer } from './describe';
import { dnsCheck, type SessionData } from './dns';
import { stageOf, type DnsStage, type HostChain, type TcpStage } from './host-chain';
import { hostList } from './hosts';
import { joinSentences } from '../../../../shared/i18n/join';

/**
 * True when nothing was reachable at all (docs/problems.md OFFLINE): no direct host took a TCP connection,
 * no proxy answered, and the reference resolver (itself on the internet) never answered — a
 * firewall that blocks everything but DNS is TCP_BLOCKED, not OFFLINE.
 */
export function nothingReachable(rows: readonly { dns: DnsStage; tcp: TcpStage }[]): boolean {
  if (rows.length === 0) return false;
  const reached = rows.some(
    ({ tcp }) =>
      tcp.status === 'done' &&
      (tcp.via === 'proxy' ? tcp.tunnel.ok || tcp.tunnel.status !== null : tcp.connected !== null),
  );
  const referenceAnswered = rows.some(({ dns }) => answered(dns.reference));
  return !reached && !referenceAnswered;
}

function failureText(tcp: Extract<TcpStage, { status: 'done' }>): string {
  if (tcp.via === 'proxy')
    return tcp.tunnel.ok
      ? 'connected'
      : `proxy ${tcp.proxy} ${tcp.tunnel.status ? `answered ${tcp.tunnel.status} to CONNECT` : tcp.tunnel.code}`;
  return tcp.attempts
    .map(
      (a) =>
        `${a.address}:${a.port} ${a.kind === 'connected' ? 'connected' : `${a.kind} (${a.code ?? ''})`} after ${a.ms} ms`,
    )
    .join(', ');
}

/** Connects to every host that resolved, once per address family (or through the proxy's tunnel). */
export const tcpCheck = defineCheck<SessionData, TcpDetails>()({
  id: CONNECTIVITY_CHECK_IDS.tcp,
  details: TcpDetailsSchema,
  step: 'connectivity',
  dependsOn: [dnsCheck],
  codes: ['PROXY_AUTH_REQUIRED', 'TCP_BLOCKED', 'IPV6_BROKEN'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ deps }) {
    const data = deps.get(dnsCheck);
    if (!data) return { verdict: 'error', summary: msg('checks-connectivity:noSession', { layer: 'DNS' }) };
    const [dns, tcp] = await Promise.all([stageOf(data.session, 'dns'), stageOf(data.session, 'tcp')]);
    const rows = tcp.map(({ chain, value }, i) => ({ chain, tcp: value, dns: dns[i]!.value }));
    const details = {
      hosts: rows.map(({ chain, tcp: t }) => ({ host: chain.host.host, port: chain.host.port, ...tcpLayer(t) })),
    };
    const tested = rows.filter(
      (r): r is { chain: HostChain; dns: DnsStage; tcp: Extract<TcpStage, { status: 'done' }> } =>
        r.tcp.status === 'done',
    );
    if (tested.length === 0)
      return {
        verdict: 'skipped',
        summary: msg('checks-connectivity:tcp.notTested'),
        details,
        data,
      };
    if (nothingReachable(rows)) {
      return {
        verdict: 'fail',
        summary: msg('checks-connectivity:tcp.offline'),
        details,
        data,
      };
    }
    const problems: ProblemObservation[] = [];
    const authWanted = tested.filter((r) => r.tcp.via === 'proxy' && !r.tcp.tunnel.ok && r.tcp.tunnel.kind === 'auth');
    const blocked = tested.filter(
      (r) => !authWanted.includes(r) && (r.tcp.via === 'proxy' ? !r.tcp.tunnel.ok : r.tcp.connected === null),
    );
    const v6Broken = tested.filter(
      (r) =>
        r.tcp.via === 'direct' &&
        r.tcp.connected?.family === 4 &&
        r.tcp.attempts.some((a) => a.family === 6 && a.kind !== 'connected'),
    );
    if (authWanted.length > 0) {
      const first = authWanted[0]!.tcp;
      const challenge = first.via === 'proxy' && !first.tunnel.ok ? first.tunnel.challenge : null;
      problems.push({
        code: 'PROXY_AUTH_REQUIRED',
        evidence: `connectivity.tcp: ${hostList(authWanted.map((r) => r.chain.host))}: ${failureText(first)}${challenge ? ` (Proxy-Authenticate: ${challenge})` : ''}`,
        confidence: 0.97,
      });
    }
    if (blocked.length > 0) {
      // Only IPv6 was tried and it has no route: a v4-only machine meeting a v6-only name.
      const v6Only = blocked.every((r) => r.tcp.via === 'direct' && r.tcp.attempts.every((a) => a.family === 6));
      problems.push({
        code: 'TCP_BLOCKED',
        evidence: `connectivity.tcp: ${blocked.map((r) => `${r.chain.host.host}: ${failureText(r.tcp)}`).join('; ')}`,
        confidence: v6Only ? 0.6 : 0.85,
        ...(v6Only ? { alsoPossible: ['IPV6_BROKEN'] as const } : {}),
      });
    }
    if (v6Broken.length > 0) {
      problems.push({
        code: 'IPV6_BROKEN',
        evidence: `connectivity.tcp: ${v6Broken.map((r) => `${r.chain.host.host}: ${failureText(r.tcp)}`).join('; ')}`,
        confidence: 0.85,
      });
    }
    if (problems.length === 0)
      return { verdict: 'pass', summary: msg('checks-connectivity:tcp.pass', { count: tested.length }), details, data };
    const hard = authWanted.length > 0 || blocked.length > 0;
    const said: Message[] = [];
    const hosts = (rows: readonly { chain: HostChain }[]) => rows.map((r) => r.chain.host.host);
    if (authWanted.length > 0) said.push(msg('checks-connectivity:tcp.proxyAuth', { hosts: hosts(authWanted) }));
    if (blocked.length > 0) said.push(msg('checks-connectivity:tcp.blocked', { hosts: hosts(blocked) }));
    if (v6Broken.length > 0) said.push(msg('checks-connectivity:tcp.ipv6', { hosts: hosts(v6Broken) }));
    return {
      verdict: hard ? 'fail' : 'warn',
      summary: joinSentences(said),
      problems,
      details,
      data,
    };
  },
});
