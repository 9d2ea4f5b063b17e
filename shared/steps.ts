import { ENGLISH_RESOURCES } from './i18n/resources';

/** The wizard's diagnostic steps, in the order they run and appear (docs/architecture.md "Steps"). */
export const STEP_NAMES = ['version', 'cache', 'connectivity', 'token', 'revoked', 'scrobbling'] as const;

/** A diagnostic step name, as used by `--steps` and the report's `step` field. */
export type StepName = (typeof STEP_NAMES)[number];

/** The steps' English titles (English-only texts: docs/problems.md); every other text says `common:step.<name>`. */
export const STEP_TITLES: Readonly<Record<StepName, string>> = ENGLISH_RESOURCES.common?.step as Record<
  StepName,
  string
>;

/** True when `value` names a step. */
export function isStepName(value: string): value is StepName {
  return (STEP_NAMES as readonly string[]).includes(value);
}
