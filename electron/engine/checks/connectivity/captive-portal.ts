import { CONNECTIVITY_CHECK_IDS } from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import type { HttpOutcome } from '../../net/http-client';

/** What the portal probe's answer means, by Chrome's rules. */
export type PortalVerdict = 'connected' | 'portal' | 'no-response';

/**
 * Chrome's captive-portal rules (chromium captive_portal_detector.cc): 511 → portal;
 * 503, <200 or ≥400 → no response; 204 → connected; 200 with a 0- or 1-byte body → connected
 * ("consistent with AOSP"); anything else → portal.
 */
export function classifyPortalAnswer(status: number, bodyBytes: number): PortalVerdict {
  if (status === 511) return 'portal';
  if (status === 503 || status < 200 || status >= 400) return 'no-response';
  if (status === 204) return 'connected';
  if (status === 200 && bodyBytes <= 1) return 'connected';
  return 'portal';
}

/** Data the captive-portal check leaves for the connectivity verdicts. */
export interface CaptivePortalData {
  readonly verdict: PortalVerdict;
  readonly outcome: HttpOutcome;
}

/** Probes the captive-portal endpoint the way Chrome does. */
export const captivePortalCheck = defineCheck<CaptivePortalData>()({
  id: CONNECTIVITY_CHECK_IDS.captivePortal,
  step: 'connectivity',
  dependsOn: [],
  codes: ['CAPTIVE_PORTAL'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 500,
  async run({ ctx, signal }) {
    const url = ctx.config.endpoints.captivePortal;
    // Chrome bypasses caches and sends no credentials for this probe; got keeps no cookies or cache.
    const outcome = await ctx.http.request({
      url,
      headers: { 'cache-control': 'no-cache' },
      maxBytes: 64 * 1024,
      signal,
    });
    if (!outcome.ok) {
      const data: CaptivePortalData = { verdict: 'no-response', outcome };
      return {
        verdict: 'warn',
        summary: msg('checks-connectivity:captive-portal.unreachable', { error: outcome.message }),
        details: { url, error: outcome.message, failedLayer: outcome.kind, timings: outcome.timings },
        data,
      };
    }
    const bodyBytes = Buffer.byteLength(outcome.body);
    const verdict = classifyPortalAnswer(outcome.status, bodyBytes);
    const data: CaptivePortalData = { verdict, outcome };
    const details = {
      url,
      status: outcome.status,
      bodyBytes,
      location: outcome.headers.location ?? null,
      timings: outcome.timings,
    };
    if (verdict === 'connected')
      return {
        verdict: 'pass',
        summary: msg('checks-connectivity:captive-portal.connected', { status: String(outcome.status) }),
        details,
        data,
      };
    if (verdict === 'no-response') {
      return {
        verdict: 'warn',
        summary: msg('checks-connectivity:captive-portal.noResponse', { status: String(outcome.status) }),
        details,
        data,
      };
    }
    return {
      verdict: 'fail',
      summary: msg('checks-connectivity:captive-portal.portal'),
      problems: [
        {
          code: 'CAPTIVE_PORTAL',
          evidence: `connectivity.captive-portal: ${url} answered ${outcome.status}${outcome.status === 511 ? ' (Network Authentication Required)' : ` with ${bodyBytes} bytes`}${outcome.headers.location ? ` → ${outcome.headers.location}` : ''} instead of an empty 204`,
          confidence: outcome.status === 511 ? 0.98 : 0.85,
        },
      ],
      details,
      data,
    };
  },
});
