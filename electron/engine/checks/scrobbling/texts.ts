import { msg, type Message } from '../../../../shared/i18n/message';

/**
 * Joins of the Scrobbling step's locale messages (`checks-scrobbling`, docs/i18n.md): whole sentences and
 * clauses are nested messages, so each language keeps its own punctuation and order instead of English glue.
 */

/**
 * Two sentences, one after the other. (Parameter names avoid Intl's option names — `second`, `month`, … —
 * since i18next hands every parameter to the Intl formatters as options.)
 */
export function sentences(first: Message, next: Message): Message {
  return msg('checks-scrobbling:joined', { first, next });
}

/** Clauses of one sentence separated by semicolons (at least one). */
export function clauses(parts: readonly [Message, ...Message[]]): Message {
  return chain('checks-scrobbling:clauses', parts);
}

/** Items of a short list separated by commas (at least one). */
export function items(parts: readonly [Message, ...Message[]]): Message {
  return chain('checks-scrobbling:items', parts);
}

function chain(key: string, [first, ...rest]: readonly [Message, ...Message[]]): Message {
  return rest.length === 0 ? first : msg(key, { first, rest: chain(key, rest as [Message, ...Message[]]) });
}

/** The last watch Trakt recorded, as a clause; without one: Trakt has none (`none`), or it was not read (`unknown`). */
export function lastWatch(lastMs: number | null, without: 'none' | 'unknown' = 'none'): Message {
  if (lastMs !== null) return msg('checks-scrobbling:lastWatch.at', { at: lastMs });
  return without === 'none' ? msg('checks-scrobbling:lastWatch.none') : msg('checks-scrobbling:lastWatch.unknown');
}
