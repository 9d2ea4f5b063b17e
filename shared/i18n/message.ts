import type { LocaleListKey, LocaleTexts } from './locale-texts.generated';

/**
 * A parameter of a message: a value, a list of values (`{{hosts, list}}`: Intl's list in each language), or
 * another message translated in the same language first.
 */
export type MessageParam = string | number | boolean | readonly string[] | Message;

/** A key the code may say (`namespace:path`), typed from the locale files (docs/i18n.md "Typed keys"). */
export type MessageKey = keyof LocaleTexts;

/** A key whose value is a list of texts (a fix's steps). */
export type ListKey = LocaleListKey;

/** What each kind of parameter takes; `When` is what a date may be (JSON-safe in a message, a Date too in a text). */
interface ParamValues<When> {
  /** Said as text: a value, or a nested message said in the same language first. */
  readonly text: string | number | Message;
  readonly count: number;
  readonly number: number;
  readonly duration: number;
  readonly bytes: number;
  readonly datetime: When;
  readonly list: readonly string[];
  readonly clause: string | Message;
}

type Vars<K extends MessageKey> = LocaleTexts[K]['vars'];
type ValueOf<Kind, When> = Kind extends keyof ParamValues<When> ? ParamValues<When>[Kind] : never;

/** The parameters of `key`'s text, each of its kind, and its i18next `context` when it has variants. */
export type ParamsOf<K extends MessageKey, When = number | string> = {
  readonly [V in keyof Vars<K>]: ValueOf<Vars<K>[V], When>;
} & Readonly<Pick<LocaleTexts[K], 'context' & keyof LocaleTexts[K]>>;

/** The keys among `K` whose text requires a parameter. */
type NeedingParams<K extends MessageKey> = K extends MessageKey
  ? Record<never, never> extends ParamsOf<K>
    ? never
    : K
  : never;

/**
 * The arguments after a key: its parameters, which may be left out only when none of the keys `K` requires one (so a
 * key picked from a loosely typed table must be typed by the table's own keys: `as const satisfies`).
 */
export type ParamsArgs<K extends MessageKey, When = number | string> = [NeedingParams<K>] extends [never]
  ? [params?: ParamsOf<K, When>]
  : [params: ParamsOf<K, When>];

/** A key whose texts vary by an i18next `context` of type `C` (`…_stremio` / `…_pasted`). */
export type ContextKey<C extends string> = {
  [K in MessageKey]: LocaleTexts[K] extends { readonly context: C } ? K : never;
}[MessageKey];

/**
 * A translatable text: a locale key (`namespace:path`) and its parameters. The engine returns these instead
 * of sentences so each surface (window, CLI, bundle) says them in its own language (docs/i18n.md).
 */
export interface Message {
  readonly key: string;
  readonly params?: Readonly<Record<string, MessageParam>>;
}

/**
 * A message for `key` with `params` (interpolated as `{{name}}`; `count` selects the plural form). The key and its
 * parameters are checked against the English locale files at compile time.
 */
export function msg<K extends MessageKey>(key: K, ...[params]: ParamsArgs<K>): Message {
  return params ? { key, params: params as Readonly<Record<string, MessageParam>> } : { key };
}

/**
 * `msg` for a helper generic in its key that assembles the parameters itself (a source's context, a hop's place):
 * the helper's own signature is what its callers are checked against.
 */
export function msgWith<K extends MessageKey>(key: K, params: ParamsOf<K>): Message {
  return { key, params: params as Readonly<Record<string, MessageParam>> };
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
