import type { StepLevel } from './step-view';
import type { MessageKey } from '../../../shared/i18n/message';

/**
 * The word of each step level: the same keys the badges use (common:verdict.*, common:severity.*), so the
 * sidebar, a finding's badge and a check's badge never name one fact with three words.
 */
export const LEVEL_KEYS = {
  problem: 'common:verdict.fail',
  warning: 'common:verdict.warn',
  note: 'common:severity.info',
  'could-not-test': 'common:verdict.error',
  'needs-sign-in': 'wizard:outcome.needsSignIn',
  skipped: 'common:verdict.skipped',
  pass: 'common:verdict.pass',
} as const satisfies Readonly<Record<StepLevel, MessageKey>>;

/** The icon of each level (beside its word, never instead of it). */
export const LEVEL_ICONS: Readonly<Record<StepLevel, string>> = {
  problem: '✕',
  warning: '!',
  note: 'i',
  'could-not-test': '?',
  'needs-sign-in': '→',
  skipped: '–',
  pass: '✓',
};
