import type { Finding, IncidentRef } from '../../../shared/report';
import { SEVERITY_RANK } from '../../../shared/severity';
import type { ActiveIncident } from '../clients/incidents/active-incidents';
import type { IncidentsData } from '../checks/connectivity/incidents';
import { CONNECTIVITY_CHECK_IDS } from '../../../shared/check-details/connectivity';
import type { CompletedCheck } from '../runtime/check';

/**
 * Marks each finding with the verified incident that explains it (the first incident in force listing its
 * code), and gives the KNOWN_INCIDENT finding the most severe announcement's own title and text.
 */
export function applyIncidents(findings: readonly Finding[], completed: readonly CompletedCheck[]): Finding[] {
  const incidents = (
    completed.find((c) => c.result.id === CONNECTIVITY_CHECK_IDS.incidents)?.data as IncidentsData | undefined
  )?.incidents;
  if (!incidents?.length) return [...findings];
  const announcement = incidents
    .filter((i) => i.problems.length === 0)
    .sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity])[0];
  return findings.map((finding) => {
    if (finding.problem === 'KNOWN_INCIDENT' && announcement)
      return {
        ...finding,
        title: announcement.title,
        explanation: announcement.body,
        incident: refOf(announcement),
      };
    const matched = incidents.find((i) => i.problems.includes(finding.problem));
    return matched ? { ...finding, incident: refOf(matched) } : finding;
  });
}

function refOf(incident: ActiveIncident): IncidentRef {
  return {
    id: incident.id,
    title: incident.title,
    since: incident.since,
    links: [...incident.links],
    body: incident.body,
  };
}
