/**
 * A parameter of a message: a value, a list of values (`{{hosts, list}}`: Intl's list in each language), or
 * another message translated in the same language first.
 */
export type MessageParam = string | number | boolean | readonly string[] | Message;

/**
 * A translatable text: a locale key (`namespace:path`) and its parameters. The engine returns these instead
 * of sentences so each surface (window, CLI, bundle) says them in its own language (docs/i18n.md).
 */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/** A message for `key` with `params` (interpolated as `{{name}}`; `count` selects the plural form). */
export function msg(key: string, params?: Readonly<Record<string, MessageParam>>): Message {
  return params ? { key, params } : { key };
}

/** True when `value` is a message rather than plain text. */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';
}

/** The same message with every string parameter (nested ones too) passed through `map` (redaction). */
export function mapMessageStrings(message: Message, map: (text: string) => string): Message {
  if (!message.params) return message;
  const params: Record<string, MessageParam> = {};
  for (const [name, value] of Object.entries(message.params))
    params[name] =
      typeof value === 'string'
        ? map(value)
        : Array.isArray(value)
          ? value.map((item: string) => map(item))
          : isMessage(value)
            ? mapMessageStrings(value, map)
            : value;
  return { key: message.key, params };
}
