import type { CheckResult, Report } from './report';
import { isMessage, type Message } from './i18n/message';
import { checkSummaryText, checkTitleText } from './i18n/report-text';
import type { Translator } from './i18n/translator';
import { isStepName, STEP_NAMES, type StepName } from './steps';

/*
 * What a run could not test, grouped by why (docs/i18n.md "CLI and report texts"): a check skipped because a
 * check it needs was skipped names the root of that chain ("it needs Stremio account, which was skipped: not
 * signed in"), so every check waiting for the same root is one group with one reason and one action. The text
 * report, summary.md and the window's Summary read the same groups.
 */

/** The engine's two sentences for a check skipped because of another (shared/locales/en/engine.json). */
const NEEDS = new Set(['engine:outcome.needsSkipped', 'engine:outcome.needsFailed']);

/** One reason several untested checks share. */
export type UntestedGroup =
  /** Checks waiting on one root check (the root's own summary is the reason), the root first when untested. */
  | { readonly kind: 'checks'; readonly root: CheckResult; readonly checks: readonly CheckResult[] }
  /** Planned steps that never ran. */
  | { readonly kind: 'steps'; readonly steps: readonly StepName[] }
  /** An entry naming no check of the report (a newer build's check): its reason as the report has it. */
  | { readonly kind: 'other'; readonly id: string; readonly reason: string };

/** The id of the check a `needs…` skip names (its title's key), or null. */
function rootIdOf(message: Message | undefined): string | null {
  if (!message || !NEEDS.has(message.key)) return null;
  const named = message.params?.check;
  if (!isMessage(named)) return null;
  const match = /^checks-([a-z]+):([a-z0-9-]+)\.title$/.exec(named.key);
  return match ? `${match[1]}.${match[2]}` : null;
}

/** The report's untested checks and steps, grouped by the check at the root of their skip, the largest first. */
export function untestedGroups(report: Pick<Report, 'checks' | 'untested'>): UntestedGroup[] {
  const byId = new Map(report.checks.map((c) => [c.id, c]));
  const order = new Map(report.checks.map((c, i) => [c.id, i]));
  const groups = new Map<string, { root: CheckResult; checks: CheckResult[] }>();
  const steps: StepName[] = [];
  const other: UntestedGroup[] = [];
  for (const entry of report.untested) {
    const check = byId.get(entry.check);
    if (!check) {
      if (isStepName(entry.check)) steps.push(entry.check);
      else other.push({ kind: 'other', id: entry.check, reason: entry.reason });
      continue;
    }
    const rootId = rootIdOf(check.message);
    const root = (rootId && byId.get(rootId)) || check;
    const group = groups.get(root.id) ?? { root, checks: [] };
    group.checks.push(check);
    groups.set(root.id, group);
  }
  const rank = (c: CheckResult, root: CheckResult) => (c.id === root.id ? -1 : order.get(c.id)!);
  const byRoot = [...groups.values()]
    .map(({ root, checks }) => ({
      kind: 'checks' as const,
      root,
      checks: [...checks].sort((a, b) => rank(a, root) - rank(b, root)),
    }))
    // The largest group first: the reason most of the report waits on.
    .sort((a, b) => b.checks.length - a.checks.length || order.get(a.root.id)! - order.get(b.root.id)!);
  return [
    ...byRoot,
    ...(steps.length > 0 ? [{ kind: 'steps' as const, steps: STEP_NAMES.filter((s) => steps.includes(s)) }] : []),
    ...other,
  ];
}

/**
 * Why a group was not tested, in `tr`'s language: the root's own sentence, without the leading "Skipped:"
 * (the group stands under "Not tested" already, so it would say the skip twice). The prefix is the
 * language's own (`engine:outcome.skipped`), which every check's skip sentence shares (docs/i18n.md "Glossary").
 */
export function untestedReasonText(group: UntestedGroup, tr: Translator): string {
  if (group.kind === 'steps') return tr.t('report:stepsNotRun');
  if (group.kind === 'other') return withoutSkipped(group.reason, tr);
  return withoutSkipped(checkSummaryText(group.root, tr), tr);
}

/** What a group held back, one line per step: `Token: Stremio account, …` (an unknown entry: its id). */
export function untestedItems(group: UntestedGroup, tr: Translator): string[] {
  if (group.kind === 'steps') return [tr.t('report:list', { items: group.steps.map((s) => tr.t(`common:step.${s}`)) })];
  if (group.kind === 'other') return [group.id];
  return STEP_NAMES.flatMap((step) => {
    const own = group.checks.filter((c) => c.step === step);
    if (own.length === 0) return [];
    const titles = tr.t('report:list', { items: own.map((c) => checkTitleText(c, tr)) });
    return [tr.t('report:labelled', { label: tr.t(`common:step.${step}`), text: titles })];
  });
}

/** A character no translation holds, to find where `{{why}}` lands in a sentence. */
const MARK = '\u0000';

function withoutSkipped(text: string, tr: Translator): string {
  const [prefix = ''] = tr.t('engine:outcome.skipped', { why: MARK }).split(MARK);
  if (prefix.trim() === '' || !text.startsWith(prefix)) return text;
  const rest = text.slice(prefix.length);
  return `${rest.charAt(0).toLocaleUpperCase(tr.locale)}${rest.slice(1)}`;
}
