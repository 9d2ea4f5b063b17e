import { PROBLEMS, isProblemCode } from '../../../shared/problems';
import { ENGLISH_RESOURCES } from '../../../shared/i18n/resources';
import type { Fix } from '../../../shared/report';

/**
 * Which numbered step of a fix each button belongs under, so the whole fix reads as one sequence with its
 * buttons in place: the fix's action (open a page, run a step again), and the bundle export where a step
 * says to send it. The positions are read from the catalog's English steps, which every language keeps in
 * the same order and number (tests/i18n/locales-complete.test.ts), so they hold in any language.
 */
export interface FixButtons {
  /** The step under which the fix's one action goes. */
  readonly action: number | null;
  /** The step that says to export the diagnostic bundle (its Export button goes under it). */
  readonly bundle: number | null;
}

const BUNDLE_STEP = /export the diagnostic bundle/i;
const RERUN_STEP = /\b(run|start) (this step|the test|the wizard) again\b/i;
/** Words of the step an open-url action belongs to, per allow-listed page. */
const PAGE_WORDS: readonly (readonly [RegExp, RegExp])[] = [
  [/app\.trakt\.tv\/settings\/apps/, /connected apps/i],
  [/stremio\.com\/acc-settings/, /account settings/i],
  [/stremio\.com\/downloads/, /download|install/i],
];

/** The first step matching `pattern`, or null. */
function firstMatch(steps: readonly string[], pattern: RegExp): number | null {
  const index = steps.findIndex((step) => pattern.test(step));
  return index === -1 ? null : index;
}

/** The catalog's English steps of `problem` in the wording `variant` chose (docs/i18n.md "Problems"), else its default. */
function englishSteps(problem: string, variant: string | undefined): readonly string[] {
  if (!isProblemCode(problem)) return [];
  const entry = ENGLISH_RESOURCES.problems?.[problem] as { fix?: Record<string, unknown> } | undefined;
  const own = variant ? entry?.fix?.[`steps_${variant}`] : undefined;
  return Array.isArray(own) ? (own as string[]) : PROBLEMS[problem].fix.steps;
}

/**
 * Where a finding's buttons go among its fix's steps (`fix` is the finding's fix, in any language; `variant` the
 * catalog wording its evidence chose).
 */
export function fixButtons(problem: string, fix: Fix, variant?: string): FixButtons {
  const english = englishSteps(problem, variant);
  // A fix a check wrote itself (or a build older than the catalog) may not line up: its buttons go last.
  const aligned = english.length === fix.steps.length && fix.steps.length > 0;
  const last = fix.steps.length > 0 ? fix.steps.length - 1 : null;
  const bundle = aligned ? firstMatch(english, BUNDLE_STEP) : null;
  const action = fix.action;
  if (!action) return { action: null, bundle };
  if (!aligned) return { action: last, bundle };
  if (action.kind === 'rerun-step') return { action: firstMatch(english, RERUN_STEP) ?? last, bundle };
  const words = PAGE_WORDS.find(([url]) => url.test(action.url))?.[1];
  return { action: (words ? firstMatch(english, words) : null) ?? 0, bundle };
}
