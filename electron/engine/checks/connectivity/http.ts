import {
  CONNECTIVITY_CHECK_IDS,
  HttpDetailsSchema,
  type HttpDetails,
} from '../../../../shared/check-details/connectivity';
import { msg, type Message, type MessageKey } from '../../../../shared/i18n/message';
import type { ProblemCode } from '../../../../shared/problems';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import type { HttpOutcome } from '../../net/http-client';
import { httpLayer } from './describe';
import type { SessionData } from './dns';
import { tlsCheck } from './tls';
import { stageOf, type HostChain } from './host-chain';
import { hostList } from './hosts';
import { answerer, cloudflareBlock, cloudflareBlockText } from '../../net/answerer';
import { isOutage, median, outageText } from './http-rules';
import { joinSentences } from '../../../../shared/i18n/join';

/** docs/problems.md SLOW_NETWORK: median time to first byte above 2 s. */
export const SLOW_TTFB_MS = 2000;

/** The sentence each finding of this check adds to its summary (the catalog's title, as a sentence). */
const FOUND: Partial<Record<ProblemCode, Extract<MessageKey, `checks-connectivity:http.found.${string}`>>> = {
  PROXY_AUTH_REQUIRED: 'checks-connectivity:http.found.PROXY_AUTH_REQUIRED',
  CLOUDFLARE_BLOCKED: 'checks-connectivity:http.found.CLOUDFLARE_BLOCKED',
  SERVICE_OUTAGE: 'checks-connectivity:http.found.SERVICE_OUTAGE',
  ENDPOINT_TIMEOUT: 'checks-connectivity:http.found.ENDPOINT_TIMEOUT',
  TCP_BLOCKED: 'checks-connectivity:http.found.TCP_BLOCKED',
  SLOW_NETWORK: 'checks-connectivity:http.found.SLOW_NETWORK',
};

interface Row {
  readonly chain: HostChain;
  readonly outcome: HttpOutcome;
}

function header(outcome: Extract<HttpOutcome, { ok: true }>, name: string): string | null {
  const value = outcome.headers[name];
  return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
}

/** Asks every host that passed TLS for its root page and reads who answered: Cloudflare or the origin. */
export const httpCheck = defineCheck<SessionData, HttpDetails>()({
  id: CONNECTIVITY_CHECK_IDS.http,
  details: HttpDetailsSchema,
  step: 'connectivity',
  dependsOn: [tlsCheck],
  codes: [
    'PROXY_AUTH_REQUIRED',
    'CLOUDFLARE_BLOCKED',
    'SERVICE_OUTAGE',
    'ENDPOINT_TIMEOUT',
    'TCP_BLOCKED',
    'SLOW_NETWORK',
  ],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ deps }) {
    const data = deps.get(tlsCheck);
    if (!data) return { verdict: 'error', summary: msg('checks-connectivity:noSession', { layer: 'TLS' }) };
    const stages = await stageOf(data.session, 'http');
    const rows: Row[] = stages.flatMap(({ chain, value }) =>
      value.status === 'done' ? [{ chain, outcome: value.outcome }] : [],
    );
    const details = {
      hosts: stages.map(({ chain, value }) => {
        const base = { host: chain.host.host, url: chain.host.url, ...httpLayer(value) };
        if (value.status !== 'done' || !value.outcome.ok) return base;
        const o = value.outcome;
        return {
          ...base,
          httpStatus: o.status,
          server: header(o, 'server'),
          cfRay: header(o, 'cf-ray'),
          xRuntime: header(o, 'x-runtime'),
          answeredBy: answerer(o.headers),
          timings: o.timings,
        };
      }),
    };
    if (rows.length === 0)
      return { verdict: 'skipped', summary: msg('checks-connectivity:http.notTested'), details, data };
    const problems: ProblemObservation[] = [];
    const answers = rows.filter((r): r is Row & { outcome: Extract<HttpOutcome, { ok: true }> } => r.outcome.ok);
    const failures = rows.filter((r): r is Row & { outcome: Extract<HttpOutcome, { ok: false }> } => !r.outcome.ok);

    const proxyAuth = [
      ...answers.filter((r) => r.outcome.status === 407),
      ...failures.filter((r) => r.outcome.code === 'EPROXYAUTH'),
    ];
    if (proxyAuth.length > 0)
      problems.push({
        code: 'PROXY_AUTH_REQUIRED',
        evidence: `connectivity.http: ${hostList(proxyAuth.map((r) => r.chain.host))}: 407 Proxy Authentication Required`,
        confidence: 0.95,
      });

    const blocked = answers.flatMap((r) => {
      const block = cloudflareBlock(r.outcome.status, r.outcome.headers, r.outcome.body);
      return block ? [{ r, block }] : [];
    });
    if (blocked.length > 0) {
      problems.push({
        code: 'CLOUDFLARE_BLOCKED',
        evidence: `connectivity.http: ${blocked.map(({ r, block }) => `${r.chain.host.host} → ${r.outcome.status} from server: cloudflare (${cloudflareBlockText(block, r.outcome.headers)})`).join('; ')}`,
        confidence: 0.9,
        // Every block a temporary ban (error 1015): wait, not another network (trakt/trakt-api#922).
        ...(blocked.every(({ block }) => block.temporary) ? { variant: 'temporary' } : {}),
      });
    }
    const down = answers.filter((r) => isOutage(r.outcome.status));
    if (down.length > 0) {
      const services = [...new Set(down.map((r) => r.chain.host.service))].join(' and ');
      problems.push({
        code: 'SERVICE_OUTAGE',
        evidence: `connectivity.http: ${services}: ${down.map((r) => `${r.chain.host.host} → ${outageText(r.outcome.status)}`).join('; ')}`,
        confidence: 0.9,
      });
    }
    const timedOut = failures.filter((r) => r.outcome.kind === 'timeout');
    if (timedOut.length > 0) {
      problems.push({
        code: 'ENDPOINT_TIMEOUT',
        evidence: `connectivity.http: ${hostList(timedOut.map((r) => r.chain.host))}: connected, but no HTTP answer within the probe timeout (${timedOut[0]!.outcome.message})`,
        confidence: 0.85,
      });
    }
    const broken = failures.filter((r) => r.outcome.kind === 'tcp' || r.outcome.kind === 'tls');
    if (broken.length > 0) {
      // The TCP and TLS probes had just passed: a failure now is a connection cut mid-request.
      problems.push({
        code: 'TCP_BLOCKED',
        evidence: `connectivity.http: ${broken.map((r) => `${r.chain.host.host}: ${r.outcome.message}`).join('; ')}`,
        confidence: 0.6,
        alsoPossible: ['TLS_INVALID'],
      });
    }
    // Any other failure (an answer that is not HTTP, a proxy refusing a plain-HTTP host …) names no
    // problem code, but it is not an answer either: the check must not pass over it.
    const explained = new Set([...proxyAuth, ...timedOut, ...broken]);
    const unexplained = failures.filter((r) => !explained.has(r));
    const ttfb = answers.map((r) => r.outcome.timings.firstByte).filter((v): v is number => v !== undefined);
    const medianTtfb = median(ttfb);
    if (medianTtfb !== null && medianTtfb > SLOW_TTFB_MS) {
      problems.push({
        code: 'SLOW_NETWORK',
        evidence: `connectivity.http: median time to first byte ${Math.round(medianTtfb)} ms over ${ttfb.length} hosts (over ${SLOW_TTFB_MS} ms)`,
        confidence: 0.8,
      });
    }
    const fullDetails = { ...details, medianFirstByteMs: medianTtfb === null ? null : Math.round(medianTtfb) };
    const unanswered = unexplained.map((r) =>
      msg('checks-connectivity:http.noAnswer', { host: r.chain.host.host, error: r.outcome.message }),
    );
    if (problems.length === 0 && unanswered.length === 0)
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:http.pass', { count: rows.length, ms: Math.round(medianTtfb ?? 0) }),
        details: fullDetails,
        data,
      };
    const hard = unanswered.length > 0 || problems.some((p) => p.code !== 'SLOW_NETWORK');
    const found = [...new Set(problems.map((p) => FOUND[p.code]))].flatMap((key): Message[] => (key ? [msg(key)] : []));
    const summary = joinSentences([...found, ...unanswered]);
    return { verdict: hard ? 'fail' : 'warn', summary, problems, details: fullDetails, data };
  },
});
