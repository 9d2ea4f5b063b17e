import { CLOSED_LOOP_CHECK_IDS } from './closed-loop-limits';

/*
 * The check ids of the steps whose details carry schemas, free of zod (as closed-loop-limits.ts): the window's
 * first chunk names checks by these, and the schemas load with the panels that parse details
 * (docs/testing.md "Benchmarks"). Each step's details module re-exports its ids.
 */

/** The Connectivity step's check ids, in report order (the window names checks by these, never by literal). */
export const CONNECTIVITY_CHECK_IDS = {
  proxy: 'connectivity.proxy',
  dns: 'connectivity.dns',
  tcp: 'connectivity.tcp',
  tls: 'connectivity.tls',
  http: 'connectivity.http',
  clock: 'connectivity.clock',
  captivePortal: 'connectivity.captive-portal',
  summary: 'connectivity.summary',
  incidents: 'connectivity.incidents',
} as const;

/** The Scrobbling step's check ids, in report order (the window names checks by these, never by literal). */
export const SCROBBLING_CHECK_IDS = {
  addons: 'scrobbling.addons',
  library: 'scrobbling.library',
  traktHistory: 'scrobbling.trakt-history',
  eventsPath: 'scrobbling.events-path',
  appLimit: 'scrobbling.app-limit',
  comparison: 'scrobbling.comparison',
  liveScrobble: CLOSED_LOOP_CHECK_IDS.liveScrobble,
} as const;

/** The Token step's check ids, in report order (the window names checks by these, never by literal). */
export const TOKEN_CHECK_IDS = {
  stremioAccount: 'token.stremio-account',
  traktToken: 'token.trakt-token',
  authRedirect: 'token.auth-redirect',
  pastedUrl: 'token.pasted-url',
  oauthDifferential: 'token.oauth-differential',
  pkceEvidence: 'token.pkce-evidence',
  relink: CLOSED_LOOP_CHECK_IDS.relink,
} as const;
