import { msg, type Message } from '../../../../shared/i18n/message';

/**
 * Several full sentences said one after the other, each translated on its own (docs/i18n.md: no sentence is
 * built from English fragments). `messages` must not be empty.
 */
export function sentences(messages: readonly Message[]): Message {
  return joined('checks-connectivity:sentences', messages);
}

/** Several clauses of one sentence, separated as each language separates them (`a; b`, French `a ; b`). */
export function clauses(messages: readonly Message[]): Message {
  return joined('checks-connectivity:clauses', messages);
}

function joined(key: string, messages: readonly Message[]): Message {
  const [first, ...rest] = messages;
  if (!first) throw new Error('nothing to join');
  return rest.length === 0 ? first : msg(key, { first, rest: joined(key, rest) });
}

/** The host names of `hosts`, for a `{{hosts, list}}` parameter (Intl's list in each language). */
export function hostNames(hosts: readonly { readonly host: string }[]): string[] {
  return hosts.map((h) => h.host);
}
