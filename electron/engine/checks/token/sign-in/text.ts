import { msg, type Message, type MessageParam } from '../../../../../shared/i18n/message';
import type { ChainSource } from './types';

/**
 * A sign-in chain summary whose subject is where the chain started: the source is its i18next `context`
 * (`…_stremio` / `…_pasted`), so each language says "Stremio's Trakt sign-in link …" or "The pasted
 * address …" as one whole sentence rather than a subject glued to a predicate (docs/i18n.md).
 */
export function fromSource(
  source: ChainSource,
  key: string,
  params: Readonly<Record<string, MessageParam>> = {},
): Message {
  return msg(key, { ...params, context: source });
}
