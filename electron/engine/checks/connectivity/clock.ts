import { CONNECTIVITY_CHECK_IDS } from '../../../../shared/check-details/connectivity';
import { msg, type Message } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { httpCheck } from './http';
import { stageOf } from './host-chain';
import { median } from './http-rules';

/** docs/problems.md CLOCK_SKEW: a warning beyond 90 s, critical beyond 5 minutes. */
export const SKEW_WARN_S = 90;
/** Beyond this the skew is critical (TLS validity and token times break). */
export const SKEW_CRITICAL_S = 300;

/** How far off the clock is, in the unit people would say it in (hours to one decimal, minutes, seconds). */
function amount(seconds: number): Message {
  const abs = Math.abs(seconds);
  if (abs >= 7200) return msg('checks-connectivity:clock.hours', { count: Math.round(abs / 360) / 10 });
  if (abs >= 120) return msg('checks-connectivity:clock.minutes', { count: Math.round(abs / 60) });
  return msg('checks-connectivity:clock.seconds', { count: Math.round(abs) });
}

/**
 * Compares our clock with the servers' `Date` headers: the median over hosts, so one wrong server does
 * not decide, ignoring answers served from a cache (an `Age` header: their `Date` is when the origin
 * made them, not now).
 */
export const clockCheck = defineCheck<undefined>()({
  id: CONNECTIVITY_CHECK_IDS.clock,
  step: 'connectivity',
  dependsOn: [httpCheck],
  codes: ['CLOCK_SKEW'],
  budgetMs: () => 1000,
  async run({ deps }) {
    const data = deps.get(httpCheck);
    if (!data) return { verdict: 'error', summary: msg('checks-connectivity:noSession', { layer: 'HTTP' }) };
    const stages = await stageOf(data.session, 'http');
    const samples: { host: string; skewS: number }[] = [];
    const ignored: string[] = [];
    for (const { chain, value } of stages) {
      if (value.status !== 'done' || !value.outcome.ok) continue;
      const date = value.outcome.headers.date;
      const parsed = date ? Date.parse(date) : Number.NaN;
      if (value.outcome.headers.age !== undefined || Number.isNaN(parsed)) {
        ignored.push(chain.host.host);
        continue;
      }
      // Positive = the servers are ahead of us (our clock is behind). Date has a one-second resolution.
      samples.push({ host: chain.host.host, skewS: Math.round((parsed - value.localAt) / 1000) });
    }
    const skew = median(samples.map((s) => s.skewS));
    const details = { samples, ignoredCached: ignored, medianSkewSeconds: skew };
    if (skew === null) return { verdict: 'skipped', summary: msg('checks-connectivity:clock.notTested'), details };
    if (Math.abs(skew) <= SKEW_WARN_S)
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:clock.pass', { ms: Math.max(1, Math.abs(Math.round(skew))) * 1000 }),
        details,
      };
    const critical = Math.abs(skew) > SKEW_CRITICAL_S;
    return {
      verdict: critical ? 'fail' : 'warn',
      // Positive skew: the servers are ahead, so our clock is behind them.
      summary: msg(skew > 0 ? 'checks-connectivity:clock.behind' : 'checks-connectivity:clock.ahead', {
        amount: amount(skew),
      }),
      problems: [
        {
          code: 'CLOCK_SKEW',
          evidence: `connectivity.clock: median skew ${skew > 0 ? '+' : ''}${skew} s from the Date headers of ${samples.map((s) => `${s.host} (${s.skewS > 0 ? '+' : ''}${s.skewS} s)`).join(', ')}`,
          severity: critical ? 'critical' : 'warning',
          confidence: samples.length >= 3 ? 0.95 : 0.8,
        },
      ],
      details,
    };
  },
});
