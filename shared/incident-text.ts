import type { Finding } from './report';

/** The ids of the known incidents the findings name, each once, in the findings' order. */
export function matchedIncidentIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.flatMap((f) => (f.incident ? [f.incident.id] : [])))];
}
