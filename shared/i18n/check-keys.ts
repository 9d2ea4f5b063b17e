import type { Message } from './message';

/**
 * The locale key of a check's title: `token.stremio-account` → `checks-token:stremio-account.title`
 * (one namespace per step; docs/i18n.md). The window, the CLI and the engine name checks the same way.
 */
export function checkTitleKey(checkId: string): string {
  const dot = checkId.indexOf('.');
  return `checks-${checkId.slice(0, dot)}:${checkId.slice(dot + 1)}.title`;
}

/**
 * A check's title as a message. Its key is made from the id at run time (any check, fake ones in tests included),
 * so it is not checked by the compiler: `tests/i18n/keys-used.test.ts` proves every registered check's exists.
 */
export function checkTitleMessage(checkId: string): Message {
  return { key: checkTitleKey(checkId) };
}
