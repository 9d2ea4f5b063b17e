import { fixNamesStremioMenus, PROBLEMS, problemVariants, type ProblemCode } from '../../../shared/problems';
import type { StremioGeneration } from '../../../shared/stremio-menus';
import { findingText } from '../../../shared/i18n/report-text';
import type { Translator } from '../../../shared/i18n/translator';
import type { Finding } from '../../../shared/report';
import { SEVERITY_RANK, rankFindings, type Severity } from '../../../shared/severity';
import type { CompletedCheck } from './check';
import type { SecretRegistry } from '../core/secrets';
import { sanitizeNetworkText } from '../../../shared/network-text';
import { mapMessageStrings, type Message } from '../../../shared/i18n/message';

const DEFAULT_CONFIDENCE = 0.9;

/** What the whole run found that words every finding: the Stremio whose menus the fixes name (none: both). */
export interface FindingsContext {
  readonly stremioMenus?: StremioGeneration;
}

/**
 * Builds one finding per problem code from every check's observations (one root cause, its evidence
 * from all the checks that saw it), ranked by severity then confidence (docs/architecture.md "Findings"). Its
 * title, explanation and fix are said in `tr`'s language, the run's (docs/i18n.md), in the wording the most
 * confident observation chose (`variant`), naming the menus of the Stremio found (`context.stremioMenus`).
 */
export function buildFindings(
  completed: readonly CompletedCheck[],
  secrets: SecretRegistry,
  tr: Translator,
  context: FindingsContext = {},
): Finding[] {
  const byCode = new Map<
    ProblemCode,
    {
      severity: Severity;
      confidence: number;
      evidence: string[];
      checks: Set<string>;
      also: Set<ProblemCode>;
      action?: Finding['fix']['action'];
      fixSteps?: readonly Message[];
      variant?: { readonly name: string; readonly confidence: number };
    }
  >();
  for (const check of completed) {
    for (const obs of check.observations) {
      const info = PROBLEMS[obs.code];
      const severity = obs.severity ?? info.severity;
      // The most severe observation wins; an observation may also lower the catalog's default (it starts there).
      const entry = byCode.get(obs.code) ?? {
        severity,
        confidence: 0,
        evidence: [],
        checks: new Set<string>(),
        also: new Set<ProblemCode>(),
      };
      if (SEVERITY_RANK[severity] < SEVERITY_RANK[entry.severity]) entry.severity = severity;
      entry.confidence = Math.max(entry.confidence, obs.confidence ?? DEFAULT_CONFIDENCE);
      // One line of evidence, whatever network text it quotes.
      entry.evidence.push(secrets.redact(sanitizeNetworkText(obs.evidence)));
      entry.checks.add(check.result.id);
      for (const other of obs.alsoPossible ?? []) entry.also.add(other);
      entry.action ??= obs.action;
      entry.fixSteps ??= obs.fixSteps?.map((step) => mapMessageStrings(step, (text) => secrets.redact(text)));
      // The wording follows the surest evidence that asks for one (a variant the catalog does not have is ignored).
      const confidence = obs.confidence ?? DEFAULT_CONFIDENCE;
      if (
        obs.variant &&
        problemVariants(obs.code).includes(obs.variant) &&
        confidence > (entry.variant?.confidence ?? -1)
      )
        entry.variant = { name: obs.variant, confidence };
      byCode.set(obs.code, entry);
    }
  }
  const findings: Finding[] = [...byCode].map(([code, entry]) => {
    const info = PROBLEMS[code];
    const action = entry.action ?? info.fix.action;
    entry.also.delete(code);
    const finding: Finding = {
      problem: code,
      title: info.title,
      explanation: info.explanation,
      severity: entry.severity,
      confidence: Math.round(entry.confidence * 100) / 100,
      evidence: [...new Set(entry.evidence)],
      checks: [...entry.checks],
      ...(entry.also.size > 0 ? { alsoPossible: [...entry.also] } : {}),
      fix: {
        title: info.fix.title,
        steps: [...info.fix.steps],
        ...(action ? { action } : {}),
        // A check's own ranking of the steps (SCROBBLE_NOT_SEEN_LIVE): findingText says them instead.
        ...(entry.fixSteps ? { stepMessages: [...entry.fixSteps] } : {}),
      },
      ...(entry.variant ? { variant: entry.variant.name } : {}),
      ...(context.stremioMenus && fixNamesStremioMenus(code) ? { stremioMenus: context.stremioMenus } : {}),
    };
    const texts = findingText(finding, tr);
    // A label a check gave its own action (the corrected sign-in link) is that check's words, not the catalog's.
    const own = entry.action?.label !== undefined ? entry.action : undefined;
    return { ...finding, ...texts, fix: own ? { ...texts.fix, action: own } : texts.fix };
  });
  return rankFindings(findings);
}
