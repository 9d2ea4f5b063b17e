import { msg, type Message } from '../../../../shared/i18n/message';

/**
 * Several messages said as one list: `pair` is a locale key `"{{first}}, {{rest}}"` (each language its own
 * separator), folded from the right so every item stays a message the window can say again (docs/i18n.md).
 */
export function messageList(items: readonly Message[], pair: string): Message {
  const [first, ...rest] = items;
  if (!first) throw new Error('messageList needs at least one item');
  return rest.length === 0 ? first : msg(pair, { first, rest: messageList(rest, pair) });
}
