import {
  CONNECTIVITY_CHECK_IDS,
  TlsDetailsSchema,
  type TlsDetails,
} from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import type { TlsProbeResult } from '../../net/tls-probe';
import { tlsLayer } from './describe';
import type { SessionData } from './dns';
import { tcpCheck } from './tcp';
import { stageOf, type HostChain } from './host-chain';
import { hostList } from './hosts';
import { issuerText, knownInterceptor } from './interceptors';

interface Row {
  readonly chain: HostChain;
  readonly result: TlsProbeResult;
}

function reason(result: TlsProbeResult): string {
  switch (result.kind) {
    case 'expired':
      return `the certificate expired (valid to ${result.validTo ?? '?'})`;
    case 'not-yet-valid':
      return 'the certificate is not valid yet';
    case 'wrong-host':
      return 'the certificate is for another host name';
    default:
      return `the handshake failed (${result.code ?? result.kind})`;
  }
}

/** Handshakes with every host that took a connection; an untrusted chain names its issuer (interception). */
export const tlsCheck = defineCheck<SessionData, TlsDetails>()({
  id: CONNECTIVITY_CHECK_IDS.tls,
  details: TlsDetailsSchema,
  step: 'connectivity',
  dependsOn: [tcpCheck],
  codes: ['TLS_INTERCEPTED', 'ENDPOINT_TIMEOUT', 'TCP_BLOCKED', 'TLS_INVALID'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ deps }) {
    const data = deps.get(tcpCheck);
    if (!data) return { verdict: 'error', summary: msg('checks-connectivity:noSession', { layer: 'TCP' }) };
    const stages = await stageOf(data.session, 'tls');
    const details = {
      hosts: stages.map(({ chain, value }) => ({
        host: chain.host.host,
        ...tlsLayer(value),
        issuer: value.status === 'done' ? value.result.issuer : null,
      })),
    };
    const rows: Row[] = stages.flatMap(({ chain, value }) =>
      value.status === 'done' ? [{ chain, result: value.result }] : [],
    );
    if (rows.length === 0)
      return { verdict: 'skipped', summary: msg('checks-connectivity:tls.notTested'), details, data };
    const problems: ProblemObservation[] = [];
    const untrusted = rows.filter((r) => r.result.kind === 'untrusted');
    if (untrusted.length > 0) {
      const byIssuer = new Map<string, Row[]>();
      for (const row of untrusted)
        byIssuer.set(issuerText(row.result.issuer), [...(byIssuer.get(issuerText(row.result.issuer)) ?? []), row]);
      for (const [issuer, list] of byIssuer) {
        const product = knownInterceptor(list[0]!.result.issuer) ?? knownInterceptor(list[0]!.result.chainTop);
        problems.push({
          code: 'TLS_INTERCEPTED',
          evidence: `connectivity.tls: ${hostList(list.map((r) => r.chain.host))}: certificate issued by ${issuer}${product ? ` — ${product.name} (${product.kind})` : ''}, not trusted (${list[0]!.result.code ?? 'untrusted'})`,
          // An unknown untrusted issuer is most likely interception too, but a broken server chain is possible.
          confidence: product ? 0.95 : 0.8,
          ...(product ? {} : { alsoPossible: ['TLS_INVALID'] as const }),
        });
      }
    }
    const timedOut = rows.filter((r) => r.result.kind === 'timeout');
    if (timedOut.length > 0) {
      problems.push({
        code: 'ENDPOINT_TIMEOUT',
        evidence: `connectivity.tls: ${hostList(timedOut.map((r) => r.chain.host))}: connected, but no TLS answer within ${timedOut[0]!.result.ms} ms`,
        confidence: 0.85,
      });
    }
    const reset = rows.filter((r) => r.result.kind === 'closed' || r.result.code === 'ECONNRESET');
    if (reset.length > 0) {
      // Reset right after the ClientHello is how firewalls that filter by server name block a host.
      problems.push({
        code: 'TCP_BLOCKED',
        evidence: `connectivity.tls: ${hostList(reset.map((r) => r.chain.host))}: the connection was reset during the TLS handshake`,
        confidence: 0.75,
        alsoPossible: ['TLS_INVALID'],
      });
    }
    const invalid = rows.filter(
      (r) =>
        !['trusted', 'untrusted', 'timeout', 'closed', 'aborted'].includes(r.result.kind) &&
        r.result.code !== 'ECONNRESET',
    );
    if (invalid.length > 0) {
      const clock = invalid.some((r) => r.result.kind === 'expired' || r.result.kind === 'not-yet-valid');
      problems.push({
        code: 'TLS_INVALID',
        evidence: `connectivity.tls: ${invalid.map((r) => `${r.chain.host.host}: ${reason(r.result)}`).join('; ')}`,
        confidence: 0.85,
        // A certificate outside its validity period is also what a wrong local clock produces.
        ...(clock ? { alsoPossible: ['CLOCK_SKEW'] as const } : {}),
      });
    }
    if (problems.length === 0)
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:tls.pass', { count: rows.length }),
        details,
        data,
      };
    return {
      verdict: 'fail',
      summary: msg('checks-connectivity:tls.failed', {
        hosts: [...new Set([...untrusted, ...timedOut, ...reset, ...invalid].map((r) => r.chain.host.host))],
      }),
      problems,
      details,
      data,
    };
  },
});
