import type { CheckResult, Finding, Fix, FixAction } from '../report';
import { stremioMenuParams, type StremioGeneration } from '../stremio-menus';
import { TRAKT_AUTH_MIGRATION_MS, TRAKT_COMMUNITY_APP_LIMIT_MS } from '../trakt-changes';
import type { Message, MessageParam } from './message';
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

/**
 * One of a problem's fix steps as a message a check may rank (SCROBBLE_NOT_SEEN_LIVE, TRAKT_LINK_NOT_RENEWED). Its
 * parameters are the catalog's own (Stremio's menus, dates): `findingText` supplies them when it says the step.
 */
export function catalogStepMessage(code: string, index: number): Message {
  return { key: problemKey(code, `fix.steps.${index}`) };
}

/** The label of a fix's action in `tr`'s language: the catalog's, a re-run names its step; else the finding's own. */
function actionText(finding: Finding, action: FixAction, tr: Translator): FixAction {
  if (action.kind === 'rerun-step')
    return { ...action, label: tr.t('engine:fix.rerunStep', { step: tr.t(`common:step.${action.step}`) }) };
  const label = tr.known(problemKey(finding.problem, 'fix.action'));
  return label === null ? action : { ...action, label };
}

/**
 * What every catalog text may name (docs/i18n.md "Problems"): Stremio's menus for `stremioMenus` (both Stremio
 * 4/5 and 6 when none was found) and the dates of Trakt's 2026 changes, kept once in shared/trakt-changes.ts.
 */
export function catalogParams(tr: Translator, stremioMenus?: StremioGeneration): Record<string, MessageParam> {
  return {
    ...stremioMenuParams(tr, stremioMenus),
    migration: TRAKT_AUTH_MIGRATION_MS,
    appLimitSince: TRAKT_COMMUNITY_APP_LIMIT_MS,
  };
}

/**
 * A finding's title, explanation and fix in `tr`'s language, in the wording its evidence chose (`variant`, an
 * i18next context) and naming the menus of the Stremio it was found with; a known incident keeps the feed's own words.
 */
export function findingText(finding: Finding, tr: Translator): Pick<Finding, 'title' | 'explanation' | 'fix'> {
  const params = {
    ...catalogParams(tr, finding.stremioMenus),
    ...(finding.variant ? { context: finding.variant } : {}),
  };
  const text = (path: string, fallback: string) => tr.known(problemKey(finding.problem, path), params) ?? fallback;
  const action = finding.fix.action;
  // Steps a check ranked from what the other checks found are its own messages, said in `tr`'s language.
  const ranked = finding.fix.stepMessages;
  const fix: Fix = {
    title: text('fix.title', finding.fix.title),
    // A check's ranked steps name catalog steps: said with the same catalog parameters (Stremio's menus, dates).
    steps: ranked
      ? ranked.map((step) => tr.text({ key: step.key, params: { ...params, ...step.params } }))
      : (tr.knownList(problemKey(finding.problem, 'fix.steps'), params) ?? finding.fix.steps),
    ...(action ? { action: actionText(finding, action, tr) } : {}),
    ...(ranked ? { stepMessages: ranked } : {}),
  };
  if (finding.incident) return { title: finding.title, explanation: finding.explanation, fix };
  return { title: text('title', finding.title), explanation: text('explanation', finding.explanation), fix };
}
