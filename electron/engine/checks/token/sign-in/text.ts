import { msgWith, type ContextKey, type Message, type ParamsOf } from '../../../../../shared/i18n/message';
import type { ChainSource } from './types';

/** A summary whose texts vary by where the chain started (`…_stremio` / `…_pasted`). */
export type SourceKey = ContextKey<ChainSource>;

/** The parameters of a source summary besides its source. */
export type SourceParams<K extends SourceKey> = Omit<ParamsOf<K>, 'context'>;

/**
 * A sign-in chain summary whose subject is where the chain started: the source is its i18next `context`
 * (`…_stremio` / `…_pasted`), so each language says "Stremio's Trakt sign-in link …" or "The pasted
 * address …" as one whole sentence rather than a subject glued to a predicate (docs/i18n.md).
 */
export function fromSource<K extends SourceKey>(
  source: ChainSource,
  key: K,
  ...[params]: Record<never, never> extends SourceParams<K> ? [params?: SourceParams<K>] : [params: SourceParams<K>]
): Message {
  // `params` and the source are together the key's parameters (the call sites are checked against both).
  return msgWith(key, { ...params, context: source } as ParamsOf<K>);
}
