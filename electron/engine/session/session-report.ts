import { ReportSchema, type Report } from '../../../shared/report';
import { STEP_NAMES, type StepName } from '../../../shared/steps';
import type { Translator } from '../../../shared/i18n/translator';
import { InstallsDetailsSchema, VERSION_CHECK_IDS } from '../../../shared/check-details/version';
import type { StremioGeneration } from '../../../shared/stremio-menus';
import type { SecretRegistry } from '../core/secrets';
import type { CompletedCheck } from '../runtime/check';
import { buildFindings } from '../runtime/findings';
import { applyIncidents } from './apply-incidents';
import { reconcileFindings } from './reconcile-findings';
import { applyResolutions } from './apply-resolutions';

/** The facts of a session that its report is built from. */
export interface SessionFacts {
  /** The latest result of every check, in registry order. */
  readonly completed: readonly CompletedCheck[];
  readonly ranSteps: ReadonlySet<StepName>;
  /** The steps the session is meant to cover: one of them never run is listed as untested. */
  readonly plannedSteps: readonly StepName[];
  readonly runs: readonly { readonly startedAt: string; readonly durationMs: number }[];
  readonly version: string;
  /** Says the findings in the language of the session's latest run (docs/i18n.md). */
  readonly translator: Translator;
}

/** What building a report gives: the report as it leaves the engine, and each fix link redaction changed. */
export interface BuiltReport {
  readonly report: Report;
  /** Fix links the report shows redacted, with their real value (`[shown, real]`). */
  readonly redactedLinks: readonly (readonly [string, string])[];
}

/**
 * The one combined report of a session (the shape of shared/report.ts): each check once with its latest
 * result, findings built from the observations of those results, what could not be tested (a skipped or
 * unfinished check, a planned step never run). Validated and scrubbed of every secret the session saw.
 */
export function buildSessionReport(facts: SessionFacts, secrets: SecretRegistry): BuiltReport {
  // Findings agree across checks before anything reads them (docs/architecture.md "Findings agree").
  const completed = reconcileFindings(facts.completed, { translator: facts.translator, secrets });
  // Fixes name the menus of the Stremio found; findings a verified known incident explains carry it
  // (docs/incidents.md); those a closed-loop check saw fixed carry their confirmation (docs/architecture.md
  // "Confirming a fix").
  const stremioMenus = stremioMenusOf(completed);
  const findings = applyResolutions(
    applyIncidents(
      buildFindings(completed, secrets, facts.translator, stremioMenus ? { stremioMenus } : {}),
      completed,
    ),
    completed,
  );
  const report: Report = {
    schemaVersion: 1,
    tool: { name: 'stremio-trakt-doctor', version: facts.version },
    startedAt: facts.runs.map((r) => r.startedAt).sort()[0] ?? new Date(0).toISOString(),
    durationMs: facts.runs.reduce((sum, r) => sum + r.durationMs, 0),
    steps: STEP_NAMES.filter((step) => facts.ranSteps.has(step)),
    checks: completed.map((c) => c.result),
    findings,
    untested: [
      ...completed
        .filter((c) => c.result.verdict === 'skipped' || c.result.verdict === 'error')
        .map((c) => ({ check: c.result.id, reason: c.result.summary })),
      ...facts.plannedSteps
        .filter((step) => !facts.ranSteps.has(step))
        .map((step) => ({ check: step, reason: 'this step was not run' })),
    ],
  };
  // The report leaves the engine only in this shape: validated, and scrubbed of every secret seen.
  const redacted = ReportSchema.parse(secrets.redactValue(report));
  const redactedLinks: (readonly [string, string])[] = [];
  findings.forEach((finding, i) => {
    const real = finding.fix.action;
    const shown = redacted.findings[i]?.fix.action;
    if (real?.kind === 'open-url' && shown?.kind === 'open-url' && real.url !== shown.url)
      redactedLinks.push([shown.url, real.url]);
  });
  return { report: redacted, redactedLinks };
}

/** The Stremio generation the Version step found (its installs' details), if it ran and found one. */
function stremioMenusOf(completed: readonly CompletedCheck[]): StremioGeneration | undefined {
  const installs = completed.find((c) => c.result.id === VERSION_CHECK_IDS.installs);
  const details = installs ? InstallsDetailsSchema.safeParse(installs.result.details) : null;
  return (details?.success && details.data.stremioMenus) || undefined;
}
