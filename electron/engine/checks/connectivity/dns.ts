import {
  CONNECTIVITY_CHECK_IDS,
  DnsDetailsSchema,
  type DnsDetails,
} from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import { answered } from './dns-rules';
import { describeAnswer, describePair } from './describe';
import { startProbeSession, stageOf, type DnsStage, type HostChain, type ProbeSession } from './host-chain';
import { chainBudgetMs, probedHosts } from './hosts';
import { proxyCheck } from './proxy';

/** What every connectivity layer check passes on: the running probe session. */
export interface SessionData {
  readonly session: ProbeSession;
}

/** True when no resolver answered anything for any host: the OFFLINE evidence at the DNS layer. */
export function noDnsAnywhere(stages: readonly DnsStage[]): boolean {
  return stages.length > 0 && stages.every((s) => !answered(s.system) && !answered(s.reference));
}

function line(chain: HostChain, stage: DnsStage, systemLabel: string, referenceLabel: string): string {
  return `${chain.host.host} → ${describePair(stage.system)} (system ${systemLabel}) vs ${describePair(stage.reference)} (reference ${referenceLabel})`;
}

/**
 * Resolves every probed host (A and AAAA) through the system resolver and the reference resolver, and
 * starts each host's whole chain (TCP, TLS, HTTP follow per host as soon as its own DNS is known).
 */
export const dnsCheck = defineCheck<SessionData, DnsDetails>()({
  id: CONNECTIVITY_CHECK_IDS.dns,
  details: DnsDetailsSchema,
  step: 'connectivity',
  dependsOn: [proxyCheck],
  codes: ['DNS_FILTERED', 'DNS_FAILURE'],
  // The probes started here outlive this check (its dependents await them): its signal must last for
  // the longest chain, four stages of one probe timeout each. Its own work ends within one timeout.
  budgetMs: (ctx) => chainBudgetMs(ctx.config),
  async run({ ctx, deps, signal }) {
    const proxies = deps.get(proxyCheck)?.proxies ?? new Map();
    const session = startProbeSession(ctx, probedHosts(ctx.config), proxies, signal);
    const data: SessionData = { session };
    const stages = await stageOf(session, 'dns');
    const sys = ctx.resolvers.system.label;
    const ref = ctx.resolvers.reference.label;
    const details = {
      systemResolver: sys,
      referenceResolver: ref,
      hosts: stages.map(({ chain, value }) => ({
        host: chain.host.host,
        verdict: value.verdict,
        system: { a: describeAnswer(value.system.a), aaaa: describeAnswer(value.system.aaaa), ms: value.systemMs },
        reference: {
          a: describeAnswer(value.reference.a),
          aaaa: describeAnswer(value.reference.aaaa),
          ms: value.referenceMs,
        },
      })),
    };
    if (noDnsAnywhere(stages.map((s) => s.value))) {
      return {
        verdict: 'fail',
        summary: msg('checks-connectivity:dns.noAnswer', { system: sys, reference: ref }),
        details,
        data,
      };
    }
    const filtered = stages.filter((s) => s.value.verdict === 'filtered');
    const failed = stages.filter((s) => s.value.verdict === 'failed' || s.value.verdict === 'no-answer');
    const problems: ProblemObservation[] = [];
    if (filtered.length > 0) {
      problems.push({
        code: 'DNS_FILTERED',
        evidence: `connectivity.dns: ${filtered.map((s) => line(s.chain, s.value, sys, ref)).join('; ')}`,
        confidence: 0.9,
      });
    }
    if (failed.length > 0) {
      // A resolver that refuses or fails while the reference answers may also be a filter that does not sinkhole.
      const referenceKnows = failed.some((s) => s.value.reference.a.ok || s.value.reference.aaaa.ok);
      problems.push({
        code: 'DNS_FAILURE',
        evidence: `connectivity.dns: ${failed.map((s) => line(s.chain, s.value, sys, ref)).join('; ')}`,
        confidence: referenceKnows ? 0.7 : 0.9,
        ...(referenceKnows ? { alsoPossible: ['DNS_FILTERED'] as const } : {}),
      });
    }
    if (problems.length === 0)
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:dns.pass', { count: stages.length }),
        details,
        data,
      };
    const names = { filtered: filtered.map((s) => s.chain.host.host), failing: failed.map((s) => s.chain.host.host) };
    const summary =
      filtered.length === 0
        ? msg('checks-connectivity:dns.failing', { failing: names.failing })
        : failed.length === 0
          ? msg('checks-connectivity:dns.filtered', { filtered: names.filtered })
          : msg('checks-connectivity:dns.filteredAndFailing', names);
    return { verdict: 'fail', summary, problems, details, data };
  },
});
