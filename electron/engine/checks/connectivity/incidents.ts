import { msg, type Message } from '../../../../shared/i18n/message';
import { CONNECTIVITY_CHECK_IDS } from '../../../../shared/check-details/connectivity';
import { defineCheck, type CheckOutcome, type ProblemObservation } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import { activeIncidents, type ActiveIncident } from '../../clients/incidents/active-incidents';
import { downloadFeed } from '../../clients/incidents/fetch-feed';
import { BUILT_IN_INCIDENTS_PUBLIC_KEYS } from '../../clients/incidents/public-key';
import { verifyFeed, type VerifiedFeed } from '../../clients/incidents/verify-feed';

/** The feed's own short budget: it runs beside the diagnosis and is never waited for past its end. */
const INCIDENTS_BUDGET_MS = 4000;

/** What the check leaves for the report: the incidents in force, from a verified feed. */
export interface IncidentsData {
  readonly incidents: readonly ActiveIncident[];
}

const INCIDENTS_CHECK_ID = CONNECTIVITY_CHECK_IDS.incidents;

/**
 * The known-incidents feed (docs/incidents.md): downloaded beside every run, verified (signature, dates,
 * schema), kept for offline runs, and turned into the incidents in force now. A background check: once
 * the other checks are done it answers from the last verified copy instead of making the run wait.
 */
export const incidentsCheck = defineCheck<IncidentsData>()({
  id: INCIDENTS_CHECK_ID,
  step: 'connectivity',
  dependsOn: [],
  codes: ['INCIDENT_FEED_INVALID', 'KNOWN_INCIDENT'],
  background: true,
  budgetMs: (ctx) => Math.min(ctx.config.timeouts.probeMs, INCIDENTS_BUDGET_MS),
  async run({ ctx, signal }) {
    const url = ctx.config.endpoints.incidents;
    const key = ctx.config.incidents.publicKeys ?? BUILT_IN_INCIDENTS_PUBLIC_KEYS;
    // Read beside the download, so the copy is at hand the moment the run stops waiting.
    const cachedRead = readCached(ctx, key);
    const download = await downloadFeed(ctx.http, url, incidentsCheck.budgetMs(ctx), signal);
    const verified = download.ok ? verifyFeed(download.text, key, ctx.now()) : null;
    const cached = await cachedRead;
    const details = { feed: url };

    if (verified?.ok) {
      // A verified copy newer than the download wins: an old feed replayed cannot hide newer incidents.
      if (cached && Date.parse(cached.payload.issuedAt) > Date.parse(verified.payload.issuedAt))
        return use(ctx, cached, 'cache', details, msg('checks-connectivity:incidents.olderThanKept'));
      await keep(ctx, verified.document);
      return use(ctx, verified, 'download', details, msg('checks-connectivity:incidents.downloaded'));
    }

    // Why the feed was refused: English for the evidence, a message for the summary (docs/i18n.md).
    const refusal = verified && !verified.ok ? verified : !download.ok && download.invalid ? download : null;
    const refused = refusal?.why ?? null;
    const invalid: ProblemObservation[] = refusal
      ? [
          {
            code: 'INCIDENT_FEED_INVALID',
            evidence: `${INCIDENTS_CHECK_ID}: the feed was ignored: ${refusal.reason}`,
          },
        ]
      : [];
    // Not refused: the download itself failed (a download that arrived and verified returned above).
    const unread = download.ok ? '' : download.why;
    if (cached) {
      const lead = refused
        ? msg('checks-connectivity:incidents.keptIgnored', { reason: refused })
        : msg('checks-connectivity:incidents.keptUnread', { reason: unread });
      const outcome = use(ctx, cached, 'cache', details, lead);
      return {
        ...outcome,
        verdict: refused ? 'warn' : outcome.verdict,
        problems: [...invalid, ...(outcome.problems ?? [])],
      };
    }
    const data: IncidentsData = { incidents: [] };
    if (refused)
      return {
        verdict: 'warn',
        summary: msg('checks-connectivity:incidents.ignored', { reason: refused }),
        problems: invalid,
        details: { ...details, source: null },
        data,
      };
    return {
      verdict: 'skipped',
      summary: msg('checks-connectivity:incidents.unread', { reason: unread }),
      details: { ...details, source: null },
      data,
    };
  },
});

/** The outcome of using a verified feed: the incidents in force, announcements as KNOWN_INCIDENT. */
function use(
  ctx: EngineContext,
  feed: VerifiedFeed,
  source: 'download' | 'cache',
  details: Readonly<Record<string, unknown>>,
  lead: Message,
): CheckOutcome<IncidentsData> {
  const incidents = activeIncidents(feed.payload, ctx.now(), ctx.locale);
  const announcements = incidents.filter((i) => i.problems.length === 0);
  const data: IncidentsData = { incidents };
  return {
    verdict: 'pass',
    summary: msg('checks-connectivity:incidents.used', {
      lead,
      issued: Date.parse(feed.payload.issuedAt),
      expires: Date.parse(feed.payload.expiresAt),
      inForce: inForce(incidents.length),
    }),
    problems: announcements.map((i) => ({
      code: 'KNOWN_INCIDENT',
      severity: i.severity,
      confidence: 1,
      evidence: `${INCIDENTS_CHECK_ID}: incident ${i.id} (since ${i.since}): ${i.title}`,
    })),
    details: {
      ...details,
      source,
      issuedAt: feed.payload.issuedAt,
      expiresAt: feed.payload.expiresAt,
      inForce: incidents.map((i) => i.id),
    },
    data,
  };
}

/** The kept copy if it still verifies now (signature, schema and expiry), else null. */
async function readCached(ctx: EngineContext, key: readonly string[]): Promise<VerifiedFeed | null> {
  let text: string | null;
  try {
    text = (await ctx.incidentCache?.read()) ?? null;
  } catch (error) {
    ctx.log.log('warn', `incidents: the kept feed could not be read (${(error as Error).message})`);
    return null;
  }
  if (text === null) return null;
  const verified = verifyFeed(text, key, ctx.now());
  if (!verified.ok) ctx.log.log('info', `incidents: the kept feed is not used: ${verified.reason}`);
  return verified.ok ? verified : null;
}

async function keep(ctx: EngineContext, document: string): Promise<void> {
  try {
    await ctx.incidentCache?.write(document);
  } catch (error) {
    // A cache that cannot be written costs the next offline run its incidents, never this run.
    ctx.log.log('warn', `incidents: the verified feed could not be kept (${(error as Error).message})`);
  }
}

function inForce(count: number): Message {
  return count === 0
    ? msg('checks-connectivity:incidents.noneInForce')
    : msg('checks-connectivity:incidents.inForce', { count });
}
