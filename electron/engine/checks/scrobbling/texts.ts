import { msg, type Message } from '../../../../shared/i18n/message';

/** The last watch Trakt recorded, as a clause; without one: Trakt has none (`none`), or it was not read (`unknown`). */
export function lastWatch(lastMs: number | null, without: 'none' | 'unknown' = 'none'): Message {
  if (lastMs !== null) return msg('checks-scrobbling:lastWatch.at', { at: lastMs });
  return without === 'none' ? msg('checks-scrobbling:lastWatch.none') : msg('checks-scrobbling:lastWatch.unknown');
}
