import { msg, type Message } from './message';

/**
 * Joins of whole messages (docs/i18n.md "Messages, not sentences"): several sentences, the clauses of one
 * sentence, the items of a short list. Each join is a nested message (`{{first}}<separator>{{rest}}`), so every
 * language keeps its own punctuation (French spaces its semicolon) and every part is said again in the
 * reader's language. Lists of plain names use `{{names, list}}` (Intl) instead.
 */

/** Several full sentences, one after the other (at least one). */
export function joinSentences(parts: readonly Message[]): Message {
  return chain('common:join.sentences', parts);
}

/** The clauses of one sentence, separated by semicolons (at least one). */
export function joinClauses(parts: readonly Message[]): Message {
  return chain('common:join.clauses', parts);
}

/** The items of a short list, separated by commas (at least one). */
export function joinItems(parts: readonly Message[]): Message {
  return chain('common:join.items', parts);
}

function chain(
  key: 'common:join.sentences' | 'common:join.clauses' | 'common:join.items',
  parts: readonly Message[],
): Message {
  const [first, ...rest] = parts;
  if (!first) throw new Error('nothing to join');
  return rest.length === 0 ? first : msg(key, { first, rest: chain(key, rest) });
}
