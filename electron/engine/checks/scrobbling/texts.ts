import { msg, type Message } from '../../../../shared/i18n/message';

/** The last watch Trakt recorded, as a clause (the comparison says it; the history read keeps it in its details). */
export function lastWatch(lastMs: number | null): Message {
  return lastMs !== null
    ? msg('checks-scrobbling:lastWatch.at', { at: lastMs })
    : msg('checks-scrobbling:lastWatch.none');
}
