import type { CheckResult, Finding, Fix, FixAction } from '../report';
import { checkTitleKey } from './check-keys';
import type { Translator } from './translator';

/**
 * The texts of a report said again in another language than the run's (docs/i18n.md): the window after a
 * language switch, the copy summary, the bundle's `summary.md`. Each falls back to the report's own text
 * when the key is unknown (a check or code this build does not ship).
 */

/** A check's title in `tr`'s language. */
export function checkTitleText(result: Pick<CheckResult, 'id' | 'title'>, tr: Translator): string {
  return tr.known(checkTitleKey(result.id)) ?? result.title;
}

/** A check's summary in `tr`'s language. */
export function checkSummaryText(result: Pick<CheckResult, 'summary' | 'message'>, tr: Translator): string {
  const message = result.message;
  // With its count (and context): a plural message has only `key_one`/`key_other`, never the bare key.
  const { count, context } = message?.params ?? {};
  const options = {
    ...(typeof count === 'number' ? { count } : {}),
    ...(typeof context === 'string' ? { context } : {}),
  };
  return message && tr.i18n.exists(message.key, options) ? tr.text(message) : result.summary;
}

/** The catalog key of one of a problem's texts (`problems:STREMIO_OUTDATED.fix.title`); said with `known`. */
export function problemKey(code: string, path: string): string {
  return `problems:${code}.${path}`;
}

/** The label of a fix's action in `tr`'s language: the catalog's, a re-run names its step; else the finding's own. */
function actionText(finding: Finding, action: FixAction, tr: Translator): FixAction {
  if (action.kind === 'rerun-step')
    return { ...action, label: tr.t('engine:fix.rerunStep', { step: tr.t(`common:step.${action.step}`) }) };
  const label = tr.known(problemKey(finding.problem, 'fix.action'));
  return label === null ? action : { ...action, label };
}

/** A finding's title, explanation and fix in `tr`'s language; a known incident keeps the feed's own words. */
export function findingText(finding: Finding, tr: Translator): Pick<Finding, 'title' | 'explanation' | 'fix'> {
  const text = (path: string, fallback: string) => tr.known(problemKey(finding.problem, path)) ?? fallback;
  const action = finding.fix.action;
  const fix: Fix = {
    title: text('fix.title', finding.fix.title),
    steps: tr.knownList(problemKey(finding.problem, 'fix.steps')) ?? finding.fix.steps,
    ...(action ? { action: actionText(finding, action, tr) } : {}),
  };
  if (finding.incident) return { title: finding.title, explanation: finding.explanation, fix };
  return { title: text('title', finding.title), explanation: text('explanation', finding.explanation), fix };
}
