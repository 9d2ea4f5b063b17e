import type { LayerStatus } from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import type { DnsAnswer } from '../../net/resolver';
import type { DnsPair } from './dns-rules';
import type { HttpStage, TcpStage, TlsStage } from './host-chain';
import { cloudflareBlock } from '../../net/answerer';
import { isOutage } from './http-rules';

/** One resolver answer in a few characters: `0.0.0.0`, `NXDOMAIN`, `timeout`. */
export function describeAnswer(answer: DnsAnswer): string {
  if (answer.ok) return answer.addresses.length > 0 ? answer.addresses.join(' ') : 'no records';
  return answer.code === 'nxdomain' ? 'NXDOMAIN' : answer.code === 'nodata' ? 'no records' : answer.code;
}

/** Both families of one resolver: the addresses when any, else the A answer's failure. */
export function describePair(pair: DnsPair): string {
  const addresses = [pair.a, pair.aaaa].flatMap((answer) => (answer.ok ? answer.addresses : []));
  return addresses.length > 0 ? addresses.join(', ') : describeAnswer(pair.a);
}

/** The TCP layer as the per-host row shows it. */
export function tcpLayer(tcp: TcpStage): LayerStatus {
  if (tcp.status === 'skipped') return { status: 'skipped', ms: null, note: tcp.reason, noteMessage: tcp.why };
  if (tcp.via === 'proxy') {
    const t = tcp.tunnel;
    return t.ok
      ? {
          status: 'ok',
          ms: t.ms,
          note: `tunnel through ${tcp.proxy}`,
          noteMessage: msg('checks-connectivity:note.tunnel', { proxy: tcp.proxy }),
        }
      : { status: 'fail', ms: t.ms, note: `proxy ${tcp.proxy}: ${t.status ? `answered ${t.status}` : t.code}` };
  }
  const note = tcp.attempts
    .map((a) => `IPv${a.family} ${a.address}: ${a.kind === 'connected' ? 'connected' : (a.code ?? a.kind)}`)
    .join('; ');
  const ms = tcp.connected?.ms ?? Math.max(...tcp.attempts.map((a) => a.ms));
  return { status: tcp.connected ? 'ok' : 'fail', ms, note };
}

/** The TLS layer as the per-host row shows it. */
export function tlsLayer(tls: TlsStage): LayerStatus {
  if (tls.status === 'skipped') return { status: 'skipped', ms: null, note: tls.reason, noteMessage: tls.why };
  if (tls.status === 'not-applicable')
    return { status: 'n/a', ms: null, note: 'plain HTTP', noteMessage: msg('checks-connectivity:note.plainHttp') };
  const r = tls.result;
  const issuer = r.issuer ? `issuer ${[r.issuer.cn, r.issuer.o].filter(Boolean).join(' / ')}` : 'no certificate';
  return r.kind === 'trusted'
    ? { status: 'ok', ms: r.ms, note: `${r.protocol ?? 'TLS'}, ${issuer}` }
    : { status: 'fail', ms: r.ms, note: `${r.code ?? r.kind}${r.issuer ? `, ${issuer}` : ''}` };
}

/** The HTTP layer as the per-host row shows it. */
export function httpLayer(http: HttpStage): LayerStatus {
  if (http.status === 'skipped') return { status: 'skipped', ms: null, note: http.reason, noteMessage: http.why };
  const o = http.outcome;
  const ms = o.timings.total === undefined ? null : Math.round(o.timings.total);
  if (!o.ok) return { status: 'fail', ms, note: o.message };
  const server = [
    o.headers.server && `server ${String(o.headers.server)}`,
    o.headers['cf-ray'] && 'cf-ray',
    o.headers['x-runtime'] && 'x-runtime',
  ]
    .filter(Boolean)
    .join(', ');
  // The same rules the HTTP check's findings use, so a row never fails without a finding saying why.
  const failed = isOutage(o.status) || cloudflareBlock(o.status, o.headers, o.body) !== null || o.status === 407;
  return { status: failed ? 'fail' : 'ok', ms, note: `${o.status}${server ? ` (${server})` : ''}` };
}
