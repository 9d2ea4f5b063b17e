import i18next, { type i18n as I18n } from 'i18next';
import { DEFAULT_LOCALE, type Locale } from './locales';
import { NAMESPACES, loadLocaleResources, ENGLISH_RESOURCES } from './resources';
import { isMessage, type ListKey, type Message, type MessageKey, type MessageParam, type ParamsArgs } from './message';
import { INTL_FORMATTER_MODULE } from './formatters';

/** Translates keys and messages in one language (English where a text is missing). */
export interface Translator {
  readonly locale: Locale;
  /** The i18next instance (react-i18next's provider takes it). */
  readonly i18n: I18n;
  /** The text of `key` (`namespace:path`) with `params` (typed from the locale files; a date may be a Date). */
  t<K extends MessageKey>(key: K, ...params: ParamsArgs<K, number | string | Date>): string;
  /** The list of texts under `key` (a fix's steps), each with `params` (`context` picks a variant). */
  list(key: ListKey, params?: Readonly<Record<string, MessageParam>>): string[];
  /** A message's text (nested messages first; its key may come from a report); plain text passes through. */
  text(message: Message | string): string;
  /** A key made from data (a report's check id or problem code): its text with `params`, or null when this build has none. */
  known(key: string, params?: Readonly<Record<string, MessageParam>>): string | null;
  /** A list key made from data: its texts with `params`, or null when this build has none. */
  knownList(key: string, params?: Readonly<Record<string, MessageParam>>): string[] | null;
}

/** The i18next options every surface shares (window, CLI, engine). */
export function i18nextOptions(locale: Locale) {
  return {
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: false as const,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    // Plain text everywhere: React escapes what it renders, and the CLI and Markdown are not HTML.
    interpolation: { escapeValue: false },
    returnNull: false,
    returnEmptyString: false,
    initAsync: false,
    showSupportNotice: false,
  };
}

/** A fresh i18next instance with our Intl formats (shared/i18n/formatters.ts); `init` it with `i18nextOptions`. */
export function newI18nInstance(): I18n {
  return i18next.createInstance().use(INTL_FORMATTER_MODULE);
}

/** Wraps an initialised i18next instance as a Translator. */
export function translatorOf(i18n: I18n): Translator {
  const translator: Translator = {
    get locale() {
      return i18n.language as Locale;
    },
    i18n,
    t: (key, ...[params]) => say(key, params as Readonly<Record<string, TextParam>> | undefined),
    list: (key, params) => textsOf(key, params) ?? [],
    text: (message) => (isMessage(message) ? say(message.key, message.params) : message),
    known: (key, params) => (i18n.exists(key) ? say(key, params) : null),
    knownList: (key, params) => (i18n.exists(key) ? textsOf(key, params) : null),
  };
  const textsOf = (key: string, params?: Readonly<Record<string, MessageParam>>): string[] | null => {
    const value: unknown = i18n.t(key, { ...resolveParams(translator, params), returnObjects: true });
    return Array.isArray(value) ? value.map(String) : null;
  };
  const plain = plainTexts(i18n);
  /** Says any key: typed ones through `t`, a message's (which may come from a report) through `text`. */
  const say = (key: string, params: Readonly<Record<string, TextParam>> | undefined) => {
    if (params) return String(i18n.t(key, resolveParams(translator, params) ?? {}));
    const id = `${i18n.language}\0${key}`;
    let text = plain.get(id);
    if (text === undefined) {
      text = String(i18n.t(key, {}));
      plain.set(id, text);
    }
    return text;
  };
  return translator;
}

const plainTextsOf = new WeakMap<I18n, Map<string, string>>();

/**
 * The texts of keys said without parameters, per language, kept until the instance's texts change: the window says
 * the same names on every render (the stepper's, the buttons'), and each of i18next's `t` calls resolves the key,
 * its namespace, plurals and nesting again (docs/testing.md "Benchmarks").
 */
function plainTexts(i18n: I18n): Map<string, string> {
  let texts = plainTextsOf.get(i18n);
  if (!texts) {
    const kept = new Map<string, string>();
    const forget = () => kept.clear();
    i18n.store.on('added', forget);
    i18n.store.on('removed', forget);
    plainTextsOf.set(i18n, kept);
    texts = kept;
  }
  return texts;
}

/** A parameter as `t` and `text` take it: a message's, or a date given to `t`. */
type TextParam = MessageParam | Date;

function resolveParams(
  translator: Translator,
  params: Readonly<Record<string, TextParam>> | undefined,
): Record<string, unknown> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, isMessage(value) ? translator.text(value) : value]),
  );
}

/** A translator for `locale`, its texts loaded (English always, as the fallback). */
export async function createTranslator(locale: Locale = DEFAULT_LOCALE): Promise<Translator> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = { en: ENGLISH_RESOURCES };
  if (locale !== DEFAULT_LOCALE) resources[locale] = await loadLocaleResources(locale);
  const i18n = newI18nInstance();
  void i18n.init({ ...i18nextOptions(locale), resources });
  return translatorOf(i18n);
}

let english: Translator | undefined;

/**
 * The English translator, synchronously (English-only texts such as evidence, code that runs before a language
 * is known, tests). One shared instance: read it, never add texts to it or switch its language.
 */
export function englishTranslator(): Translator {
  if (!english) {
    const i18n = newI18nInstance();
    void i18n.init({ ...i18nextOptions(DEFAULT_LOCALE), resources: { en: ENGLISH_RESOURCES } });
    english = translatorOf(i18n);
  }
  return english;
}

/** Makes `locale`'s texts available to `i18n` and switches to it (the window's language menu). */
export async function switchLanguage(i18n: I18n, locale: Locale): Promise<void> {
  if (!i18n.hasResourceBundle(locale, 'common')) {
    const resources = await loadLocaleResources(locale);
    for (const [namespace, texts] of Object.entries(resources)) i18n.addResourceBundle(locale, namespace, texts);
  }
  await i18n.changeLanguage(locale);
}
