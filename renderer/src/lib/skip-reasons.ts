import { isMessage, type Message } from '../../../shared/i18n/message';
import type { CheckResult } from '../../../shared/report';
import { isStepName, type StepName } from '../../../shared/steps';

/** The account check's own "not signed in" summary: the root of every skip that waits for the sign-in. */
const NOT_SIGNED_IN = 'checks-token:stremio-account.noCredentials';
/** The scheduler's "it needs X, which was skipped/could not complete (why)" summaries. */
const NEEDS_KEYS: ReadonlySet<string> = new Set(['engine:outcome.needsSkipped', 'engine:outcome.needsFailed']);

/**
 * True when a check was skipped only because nobody signed in to Stremio: the account check itself, or a
 * check whose chain of skips starts there. The pasted-address check and the opt-in sign-in test have their
 * own reasons (nothing pasted, not started) and are not counted.
 */
export function needsSignIn(result: Pick<CheckResult, 'verdict' | 'message'>): boolean {
  if (result.verdict !== 'skipped' || !result.message) return false;
  return result.message.key === NOT_SIGNED_IN || rootReason(result.message)?.key === NOT_SIGNED_IN;
}

/** For "it needs X, which was skipped (why)": the why, as a message. */
function rootReason(message: Message): Message | null {
  const reason = message.params?.reason;
  return NEEDS_KEYS.has(message.key) && isMessage(reason) ? reason : null;
}

/**
 * Skips that say one thing in each step's words, grouped as one reason (the link on the account, which the
 * Token step reads): "the Trakt link has expired" from Revoked access and from Scrobbling is one line.
 */
const SAME_REASON: Readonly<Record<string, string>> = {
  'checks-revoked:users-settings.skipped.expired': 'link-expired',
  'checks-scrobbling:trakt-history.expired': 'link-expired',
  'checks-revoked:users-settings.skipped.notLinked': 'link-missing',
  'checks-scrobbling:trakt-history.notLinked': 'link-missing',
  'checks-scrobbling:library.notLinked': 'link-missing',
  'checks-revoked:users-settings.skipped.noClientId': 'no-client-id',
  'checks-scrobbling:trakt-history.noClientId': 'no-client-id',
};

/** The step of the check a skip names as its root (`checks-version:installs.title` → `version`), if any. */
function rootStep(message: Message): StepName | null {
  const check = message.params?.check;
  if (!NEEDS_KEYS.has(message.key) || !isMessage(check)) return null;
  const step = /^checks-([a-z]+):/.exec(check.key)?.[1] ?? '';
  return isStepName(step) ? step : null;
}

/** Why a check did not run, as the window groups it: one group per reason, with the step that can change it. */
export interface SkipReason {
  /** Equal for checks skipped for the same reason (the reason's own key and parameters). */
  readonly key: string;
  /** The sentence to show for the group: the root reason when a chain of skips names one, else the summary. */
  readonly message: Message | null;
  /** The step whose page can act on it: the root check's step, else the check's own. */
  readonly step: StepName;
}

/** The reason a skipped (or untested) check gives, for grouping. */
export function skipReason(result: Pick<CheckResult, 'step' | 'summary' | 'message'>): SkipReason {
  const { message } = result;
  if (!message) return { key: `text:${result.summary}`, message: null, step: result.step };
  const said = rootReason(message) ?? message;
  const same = SAME_REASON[said.key];
  if (same) return { key: same, message: said, step: 'token' };
  return { key: JSON.stringify(said), message: said, step: rootStep(message) ?? result.step };
}
