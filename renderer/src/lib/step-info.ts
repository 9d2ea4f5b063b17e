import type { StepName } from '../../../shared/steps';
import type { MessageKey } from '../../../shared/i18n/message';

/**
 * What each step is for, in plain words (wizard namespace): the page intro, and what its checks look at (the
 * empty state before they run).
 */
export const STEP_INFO = {
  version: { intro: 'wizard:stepInfo.version.intro', checks: 'wizard:stepInfo.version.checks' },
  cache: { intro: 'wizard:stepInfo.cache.intro', checks: 'wizard:stepInfo.cache.checks' },
  connectivity: { intro: 'wizard:stepInfo.connectivity.intro', checks: 'wizard:stepInfo.connectivity.checks' },
  token: { intro: 'wizard:stepInfo.token.intro', checks: 'wizard:stepInfo.token.checks' },
  revoked: { intro: 'wizard:stepInfo.revoked.intro', checks: 'wizard:stepInfo.revoked.checks' },
  scrobbling: { intro: 'wizard:stepInfo.scrobbling.intro', checks: 'wizard:stepInfo.scrobbling.checks' },
} as const satisfies Readonly<Record<StepName, { readonly intro: MessageKey; readonly checks: MessageKey }>>;
