import type { i18n as I18n } from 'i18next';
import { checkTitleKey } from '../../shared/i18n/check-keys';
import type { Message } from '../../shared/i18n/message';
import { defineCheck, type CheckHandle, type CheckSpec, type CheckDetails } from '../../electron/engine/runtime/check';
import { createEngineContext, type EngineContext } from '../../electron/engine/runtime/context';

/*
 * Words of fake checks in scheduler tests: a check's summary is a locale message and its title a locale key
 * (docs/i18n.md), so the tests register their own tiny bundle — `test:say` says its text as it is, and each
 * fake check's title key says the title the test gave it — on the contexts they run in.
 */

const TITLES = new Map<string, string>();
const INSTANCES = new Set<{ readonly i18n: I18n; readonly locale: string }>();

function addTitle(target: { readonly i18n: I18n; readonly locale: string }, key: string, title: string): void {
  const [namespace = '', path = ''] = key.split(':');
  target.i18n.addResource(target.locale, namespace, path, title);
}

/** A fake check's summary: `text` as it is, through the test bundle. */
export function say(text: string): Message {
  // A key registered at run time: a message object, as a report's messages are (the compiler knows only shipped keys).
  return { key: 'test:say', params: { text } };
}

/** Registers the test bundle (and every fake check's title) on `ctx`'s translator. */
export function withTestTexts<C extends Pick<EngineContext, 'translator'>>(ctx: C): C {
  const target = { i18n: ctx.translator.i18n, locale: ctx.translator.locale };
  target.i18n.addResource(target.locale, 'test', 'say', '{{text}}');
  for (const [key, title] of TITLES) addTitle(target, key, title);
  INSTANCES.add(target);
  return ctx;
}

/** `createEngineContext` with the test bundle registered. */
export async function testContext(...args: Parameters<typeof createEngineContext>): Promise<EngineContext> {
  return withTestTexts(await createEngineContext(...args));
}

/** Names the title of the fake check `id` (its title key's text on every test context). */
export function testTitle(id: string, title: string): void {
  const key = checkTitleKey(id);
  TITLES.set(key, title);
  for (const target of INSTANCES) addTitle(target, key, title);
}

/** `defineCheck` for a fake check whose title the test names (registered as its title key's text). */
export function testCheck<Data = undefined, Details extends object = CheckDetails, WindowOnly = never>(
  spec: CheckSpec<Data, Details, WindowOnly> & { readonly title: string },
): CheckHandle<Data, Details, WindowOnly> {
  const { title, ...rest } = spec;
  testTitle(spec.id, title);
  return defineCheck<Data, Details, WindowOnly>()(rest);
}
