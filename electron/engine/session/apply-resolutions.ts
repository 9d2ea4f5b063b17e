import type { Finding } from '../../../shared/report';
import { rankFindings } from '../../../shared/severity';
import type { CompletedCheck } from '../runtime/check';

/**
 * Marks each finding a closed-loop check confirmed fixed (docs/architecture.md "Confirming a fix"): a check's
 * `confirms` names the codes it saw fixed and when; a finding carries `resolution: {confirmedAt, by}` when its
 * code is named and every check that observed it finished before the confirmation (a problem seen again by a
 * later run stays open). Confirmed findings rank after the open ones.
 */
export function applyResolutions(findings: readonly Finding[], completed: readonly CompletedCheck[]): Finding[] {
  const confirmations = completed.flatMap((c) => (c.confirms ? [{ by: c.result.id, ...c.confirms }] : []));
  if (confirmations.length === 0) return [...findings];
  const finishedAt = new Map(completed.map((c) => [c.result.id, c.finishedAtMs ?? 0]));
  const seenBefore = (finding: Finding, atMs: number) =>
    (finding.checks ?? []).every((id) => (finishedAt.get(id) ?? Number.POSITIVE_INFINITY) <= atMs);
  return rankFindings(
    findings.map((finding) => {
      const confirmation = confirmations
        .filter((c) => c.codes.some((code) => code === finding.problem) && seenBefore(finding, c.atMs))
        .sort((a, b) => a.atMs - b.atMs)[0];
      return confirmation
        ? {
            ...finding,
            resolution: { confirmedAt: new Date(confirmation.atMs).toISOString(), by: confirmation.by },
          }
        : finding;
    }),
  );
}
