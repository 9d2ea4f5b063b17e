import { SCROBBLING_CHECK_IDS } from '../../../../shared/check-details/scrobbling';
import { msg, type Message } from '../../../../shared/i18n/message';
import { defineCheck, type CheckOutcome } from '../../runtime/check';
import { probeEventsPath } from '../../clients/stremio/events-path';
import { stremioAccountCheck } from '../token/stremio-account';
import { joinSentences } from '../../../../shared/i18n/join';

/** Private data of `scrobbling.events-path`: Stremio's API answered on the path scrobbles travel. */
export interface EventsPathData {
  readonly open: boolean;
}

/** What the probe proves and what it cannot see, said after its pass or block. */
const WHAT_IT_PROVES = msg('checks-scrobbling:events-path.proves');

/**
 * STREMIO_EVENTS_BLOCKED: the path scrobbles travel (`api.strem.io/api/events`, stremio-core
 * `src/analytics.rs`) blocked while the rest of Stremio's API answers. "The rest answers" is the
 * account read this check depends on (login / getUser on the same host); the probe is
 * `probeEventsPath`, which no server can take for an event (no auth key, no events). Filters may block
 * the path by name (AdguardFilters#236440, not confirmed shipped).
 */
export const eventsPathCheck = defineCheck<EventsPathData>()({
  id: SCROBBLING_CHECK_IDS.eventsPath,
  step: 'scrobbling',
  dependsOn: [stremioAccountCheck],
  codes: ['STREMIO_EVENTS_BLOCKED', 'SERVICE_OUTAGE'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    // The account was read from api.strem.io: its API answers from here.
    if (!deps.get(stremioAccountCheck))
      return { verdict: 'skipped', summary: msg('checks-scrobbling:events-path.noAccount') };
    const seen = await probeEventsPath(ctx, signal);
    switch (seen.kind) {
      case 'api-answered':
        return {
          verdict: 'pass',
          summary: joinSentences([
            msg('checks-scrobbling:events-path.answered', { status: seen.status }),
            WHAT_IT_PROVES,
          ]),
          details: { answer: seen.kind, status: seen.status },
          data: { open: true },
        };
      case 'outage':
        return {
          verdict: 'warn',
          summary: msg('checks-scrobbling:events-path.outage', { status: seen.status }),
          problems: [
            {
              code: 'SERVICE_OUTAGE',
              evidence: `scrobbling.events-path: POST /api/events → ${seen.status} from Stremio's API host`,
              confidence: 0.6,
            },
          ],
          details: { answer: seen.kind, status: seen.status },
        };
      case 'no-answer':
        if (seen.layer === 'aborted')
          return { verdict: 'skipped', summary: msg('checks-scrobbling:events-path.stopped') };
        return blocked(
          `the connection failed (${seen.message})`,
          msg('checks-scrobbling:events-path.blockedConnection', { detail: seen.message }),
          0.8,
          { answer: seen.kind, layer: seen.layer },
        );
      case 'foreign-answer':
        return blocked(
          `something other than Stremio's API answered (${seen.reason})`,
          msg('checks-scrobbling:events-path.blockedForeign', { detail: seen.why }),
          0.7,
          { answer: seen.kind, status: seen.status },
        );
    }
  },
});

/** The block: `what` for the English evidence line, `said` for the summary (the technical detail stays as seen). */
function blocked(
  what: string,
  said: Message,
  confidence: number,
  details: Record<string, unknown>,
): CheckOutcome<EventsPathData> {
  return {
    verdict: 'fail',
    summary: joinSentences([said, WHAT_IT_PROVES]),
    problems: [
      {
        code: 'STREMIO_EVENTS_BLOCKED',
        evidence: `scrobbling.events-path: POST /api/events (no auth key, no events): ${what}; POST /api/getUser or /api/login on the same host answered`,
        confidence,
      },
    ],
    details,
  };
}
