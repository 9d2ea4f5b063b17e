import type { Message } from '../../../../shared/i18n/message';
import { catalogStepMessage } from '../../../../shared/i18n/report-text';
import type { ConsultedResult } from '../../runtime/check';
import type { AddonsData } from './scrobbling-data';

/**
 * Why a live scrobble was not seen, ranked by what the other checks found (docs/problems.md
 * SCROBBLE_NOT_SEEN_LIVE): each cause is supported (a check saw it), untested (no check could tell) or ruled
 * out (a check saw it fine, or the test itself disproved it). The fix lists the supported causes first
 * (strongest first), then pause/resume — the cause no check can see — then the untested ones; ruled-out
 * causes are left out.
 */

/** The causes, strongest first; each is a step of the catalog's fix for SCROBBLE_NOT_SEEN_LIVE. */
export const LIVE_CAUSES = ['link', 'events-path', 'trakt-addon', 'app-limit', 'pause-resume'] as const;

/** One cause of a live scrobble not seen. */
export type LiveCause = (typeof LIVE_CAUSES)[number];

/** What the checks say of a cause. */
export type CauseSupport = 'supported' | 'untested' | 'ruled-out';

/** The position of each cause's step in the catalog (shared/locales/<locale>/problems.json). */
const CATALOG_STEP: Readonly<Record<LiveCause, number>> = {
  'pause-resume': 0,
  link: 1,
  'events-path': 2,
  'trakt-addon': 3,
  'app-limit': 4,
};

/** What the ranking reads: the consulted checks' results, and whether Trakt accepted Stremio's token during the test. */
export interface CauseEvidence {
  readonly token: ConsultedResult | undefined;
  readonly usersSettings: ConsultedResult | undefined;
  readonly eventsPath: ConsultedResult | undefined;
  readonly appLimit: ConsultedResult | undefined;
  readonly addons: AddonsData | undefined;
  /** At least one of the test's reads was answered with Stremio's token (so the link works today). */
  readonly tokenAccepted: boolean;
}

/** What each cause's evidence is. */
export function causeSupport(e: CauseEvidence): Readonly<Record<LiveCause, CauseSupport>> {
  const raised = (r: ConsultedResult | undefined, code: string) => r?.problems.some((p) => p === code) ?? false;
  const linkBad =
    raised(e.token, 'TRAKT_TOKEN_EXPIRED') ||
    raised(e.token, 'TRAKT_NOT_LINKED') ||
    raised(e.usersSettings, 'TRAKT_TOKEN_REVOKED');
  return {
    // Trakt answering the test's reads with Stremio's token proves the link works, whatever a check said before.
    link: e.tokenAccepted ? 'ruled-out' : linkBad ? 'supported' : 'untested',
    'events-path': raised(e.eventsPath, 'STREMIO_EVENTS_BLOCKED')
      ? 'supported'
      : e.eventsPath?.verdict === 'pass'
        ? 'ruled-out'
        : 'untested',
    'trakt-addon': e.addons ? (e.addons.traktAddonMissing ? 'supported' : 'ruled-out') : 'untested',
    'app-limit': raised(e.appLimit, 'TRAKT_APP_LIMIT_RISK')
      ? 'supported'
      : e.appLimit?.verdict === 'pass'
        ? 'ruled-out'
        : 'untested',
    // No check can see whether the user paused and resumed: always worth checking.
    'pause-resume': 'untested',
  };
}

/** The causes in the order the fix lists them: supported (strongest first), pause/resume, untested; no ruled-out ones. */
export function rankCauses(support: Readonly<Record<LiveCause, CauseSupport>>): LiveCause[] {
  const of = (kind: CauseSupport) => LIVE_CAUSES.filter((c) => c !== 'pause-resume' && support[c] === kind);
  return [...of('supported'), 'pause-resume', ...of('untested')];
}

/** The fix's steps for the ranked causes: the catalog's own steps, reordered (each language says its own). */
export function causeSteps(causes: readonly LiveCause[]): Message[] {
  return causes.map((cause) => catalogStepMessage('SCROBBLE_NOT_SEEN_LIVE', CATALOG_STEP[cause]));
}
