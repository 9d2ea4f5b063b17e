import type { Translate } from '../i18n/use-tr';
import type { IncidentRef } from '../../../shared/report';

/** "Known problem since Jul 23, 2026" in the window's language (the date through Intl, in UTC like the feed's). */
export function knownSinceText(incident: IncidentRef, t: Translate): string {
  const ms = Date.parse(incident.since);
  return Number.isFinite(ms)
    ? t('wizard:incident.since', { date: new Date(ms) })
    : t('wizard:incident.sinceRaw', { since: incident.since });
}
