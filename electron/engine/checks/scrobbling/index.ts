import type { AnyCheck } from '../../runtime/check';
import { addonsCheck } from './addons';
import { appLimitCheck } from './app-limit';
import { comparisonCheck } from './comparison';
import { eventsPathCheck } from './events-path';
import { libraryCheck } from './library';
import { liveScrobbleCheck } from './live';
import { traktHistoryCheck } from './trakt-history';

/** The Scrobbling step's checks, in report order. */
export const SCROBBLING_CHECKS: readonly AnyCheck[] = [
  addonsCheck,
  libraryCheck,
  traktHistoryCheck,
  eventsPathCheck,
  appLimitCheck,
  comparisonCheck,
  liveScrobbleCheck,
];
