import { msg } from '../../shared/i18n/message';
import type { Translator } from '../../shared/i18n/translator';

/*
 * Message keys and their parameters are typed from the locale files (docs/i18n.md "Typed keys"). `npm run typecheck`
 * compiles this file: the `right` calls must compile, and each `@ts-expect-error` line must fail — if one ever
 * compiles (the typing let a wrong key or parameter through), TypeScript reports the directive as unused and the
 * type check fails. Never run; only compiled.
 */

declare const tr: Translator;

/** Calls the typing must accept. */
export const right = [
  msg('checks-token:oauth-differential.worked', { how: msg('checks-token:oauth-differential.modeDevice') }),
  msg('checks-connectivity:http.pass', { count: 3, ms: 120 }),
  msg('checks-token:signInChain.handoff', { place: 'trakt.tv/oauth/authorize', context: 'stremio' }),
  msg('cli:oauth.waitingForBrowser'),
  msg('cli:oauth.waitingForBrowser', { context: 'until', until: 0 }),
  tr.t('wizard:cache.failed', { error: 'EACCES' }),
  tr.t('wizard:scrobbling.date', { date: new Date(0) }),
  tr.list('problems:CLOCK_SKEW.fix.steps'),
];

/** Calls the typing must refuse, one reason each. */
export const wrong = [
  // @ts-expect-error a key no locale file has
  msg('checks-token:oauth-differential.noSuchKey'),
  // @ts-expect-error a required parameter missing (`ms`)
  msg('checks-connectivity:http.pass', { count: 3 }),
  // @ts-expect-error a count that is no number
  msg('checks-connectivity:http.pass', { count: 'three', ms: 1 }),
  // @ts-expect-error a parameter the text does not take
  msg('common:join.items', { first: 'a', rest: 'b', extra: 1 }),
  // @ts-expect-error the required context missing (the text exists only per source)
  msg('checks-token:signInChain.handoff', { place: 'x' }),
  // @ts-expect-error a context no text exists for
  msg('checks-token:signInChain.handoff', { place: 'x', context: 'elsewhere' }),
  // @ts-expect-error a Date in a message (a message stays JSON)
  msg('checks-connectivity:http.pass', { count: 1, ms: new Date() }),
  // @ts-expect-error the window's parameter missing
  tr.t('wizard:cache.failed'),
  // @ts-expect-error a window key no locale file has
  tr.t('wizard:nope'),
  // @ts-expect-error a text where a list is expected
  tr.list('wizard:cache.failed'),
];
