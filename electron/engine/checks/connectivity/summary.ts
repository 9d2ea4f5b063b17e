import {
  CONNECTIVITY_CHECK_IDS,
  ConnectivitySummaryDetailsSchema,
  type ChainRow,
  type ConnectivitySummaryDetails,
  type LayerStatus,
} from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import { captivePortalCheck } from './captive-portal';
import { describePair, httpLayer, tcpLayer, tlsLayer } from './describe';
import { dnsCheck, noDnsAnywhere } from './dns';
import type { DnsStage, HostChain } from './host-chain';
import { stageOf } from './host-chain';
import { chainBudgetMs } from './hosts';
import { nothingReachable } from './tcp';

function dnsLayer(dns: DnsStage): LayerStatus {
  const note = `${describePair(dns.system)}${dns.verdict === 'filtered' ? ` (reference: ${describePair(dns.reference)})` : ''}`;
  return {
    status: dns.verdict === 'ok' ? 'ok' : 'fail',
    ms: dns.systemMs,
    note: dns.verdict === 'ok' ? note : `${dns.verdict}: ${note}`,
  };
}

function rowOf(chain: HostChain, dns: DnsStage, layers: readonly [LayerStatus, LayerStatus, LayerStatus]): ChainRow {
  const [tcp, tls, http] = layers;
  const dnsStatus = dnsLayer(dns);
  const chainMs = [dnsStatus, tcp, tls, http].reduce((sum, layer) => sum + (layer.ms ?? 0), 0);
  return {
    host: chain.host.host,
    endpoint: chain.host.endpoint,
    service: chain.host.service,
    proxy: chain.proxy?.display ?? null,
    dns: dnsStatus,
    tcp,
    tls,
    http,
    chainMs,
  };
}

/**
 * The step's verdict: the per-host chains side by side, and the one root cause no single layer can
 * name — OFFLINE, when nothing at all was reachable (docs/problems.md).
 */
export const connectivitySummaryCheck = defineCheck<undefined, ConnectivitySummaryDetails>()({
  id: CONNECTIVITY_CHECK_IDS.summary,
  details: ConnectivitySummaryDetailsSchema,
  step: 'connectivity',
  dependsOn: [dnsCheck, captivePortalCheck],
  codes: ['OFFLINE', 'DNS_FAILURE', 'TCP_BLOCKED'],
  budgetMs: (ctx) => chainBudgetMs(ctx.config),
  async run({ deps }) {
    const data = deps.get(dnsCheck);
    if (!data) return { verdict: 'error', summary: msg('checks-connectivity:noSession', { layer: 'DNS' }) };
    const portal = deps.get(captivePortalCheck);
    const [dns, tcp, tls, http] = await Promise.all([
      stageOf(data.session, 'dns'),
      stageOf(data.session, 'tcp'),
      stageOf(data.session, 'tls'),
      stageOf(data.session, 'http'),
    ]);
    const rows = dns.map(({ chain, value }, i) =>
      rowOf(chain, value, [tcpLayer(tcp[i]!.value), tlsLayer(tls[i]!.value), httpLayer(http[i]!.value)]),
    );
    const wallMs = Math.round(performance.now() - data.session.startedAt);
    const details = { hosts: rows, wallMs, slowestChainMs: Math.max(0, ...rows.map((r) => r.chainMs)) };

    const dnsStages = dns.map((d) => d.value);
    const silent = noDnsAnywhere(dnsStages);
    // docs/problems.md OFFLINE is no DNS answer *and* no connection: a proxy that resolves and connects for
    // us (local DNS blocked, as on many corporate networks) reaches the services without any DNS here.
    const unreachable = nothingReachable(dns.map((d, i) => ({ dns: d.value, tcp: tcp[i]!.value })));
    if (unreachable) {
      const portalAnswered = portal?.outcome.ok === true;
      const what = silent
        ? 'no DNS server answered for any host'
        : 'no host took a TCP connection and the reference resolver did not answer';
      if (!portalAnswered) {
        const portalText =
          portal && !portal.outcome.ok ? `; the portal probe failed too (${portal.outcome.message})` : '';
        return {
          verdict: 'fail',
          summary: msg('checks-connectivity:summary.offline'),
          problems: [
            {
              code: 'OFFLINE',
              evidence: `connectivity.summary: ${what} (${rows.map((r) => r.host).join(', ')})${portalText}`,
              confidence: 0.9,
            },
          ],
          details,
        };
      }
      // The portal probe got through, so this is not offline: name the layer the layer checks held back.
      const problems: ProblemObservation[] = [
        {
          code: silent ? 'DNS_FAILURE' : 'TCP_BLOCKED',
          evidence: `connectivity.summary: ${what}, though the portal probe answered`,
          confidence: 0.7,
        },
      ];
      return {
        verdict: 'fail',
        summary: msg('checks-connectivity:summary.servicesUnreachable'),
        problems,
        details,
      };
    }
    const failing = rows.filter((r) => [r.dns, r.tcp, r.tls, r.http].some((layer) => layer.status === 'fail'));
    if (failing.length === 0)
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:summary.pass', { count: rows.length, ms: details.slowestChainMs }),
        details,
      };
    return {
      verdict: failing.length === rows.length ? 'fail' : 'warn',
      summary: msg('checks-connectivity:summary.failing', {
        count: failing.length,
        total: rows.length,
        hosts: failing.map((r) => r.host),
      }),
      details,
    };
  },
});
