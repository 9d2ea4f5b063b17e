/** Finding severities, most severe first (docs/problems.md). Kept free of zod so the renderer can rank without it. */
export const SEVERITIES = ['critical', 'warning', 'info'] as const;

/** A finding's severity. */
export type Severity = (typeof SEVERITIES)[number];

/** Ranks severities for sorting (critical first). */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

/** What ranking reads of a finding. */
export interface RankedFinding {
  readonly severity: Severity;
  readonly confidence: number;
  /** Present when the fix was confirmed (docs/architecture.md "Confirming a fix"). */
  readonly resolution?: unknown;
}

/** True when a finding still needs the user: it is critical and no check confirmed its fix (the exit status reads it). */
export function isOpenCritical(finding: RankedFinding): boolean {
  return finding.severity === 'critical' && finding.resolution === undefined;
}

/**
 * Findings ranked: open ones before those confirmed fixed, then by severity (critical first), then
 * confidence (highest first); ties keep the report's order.
 */
export function rankFindings<T extends RankedFinding>(findings: readonly T[]): T[] {
  const fixed = (finding: RankedFinding) => (finding.resolution === undefined ? 0 : 1);
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        fixed(a.finding) - fixed(b.finding) ||
        SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
        b.finding.confidence - a.finding.confidence ||
        a.index - b.index,
    )
    .map((entry) => entry.finding);
}
