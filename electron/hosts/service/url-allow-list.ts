import type { Config } from '../../engine/core/config';
import { STREMIO_TRAKT_CALLBACK, STREMIO_TRAKT_CLIENT_ID } from '../../engine/clients/stremio/auth-url';

/**
 * The addresses the wizard may open in the system browser: `shell.openExternal` never with untrusted
 * content (Electron security checklist items 14–15). https only; the host matched on the parsed host
 * name, never by prefix ("https://trakt.tv.attacker.com" must not pass), and the path against the pages
 * a fix really links to — an allowed host alone would let a planted report open any page of it (a
 * download on github.com, an add-on install link on Stremio's site). A host is allowed on one port only
 * (the default one, or a configured endpoint's own), and Trakt's authorize page only for a known app and
 * return address (issue 20 N9): a compromised renderer cannot send the user's Trakt consent to another
 * app or another address.
 */

/** One allowed destination: a host name, its one port (`''` = https's default) and the paths (whole, after URL normalisation) opened on it. */
export interface AllowedDestination {
  readonly host: string;
  readonly port: string;
  readonly paths: readonly RegExp[];
}

/** The apps and return addresses an authorize link may name: Stremio's own, and the wizard's sign-in test. */
export interface AuthorizeClients {
  readonly clientIds: readonly string[];
  readonly redirectUris: readonly string[];
}

/** What `refuseToOpen` checks a URL against. */
export interface OpenRules {
  readonly destinations: readonly AllowedDestination[];
  readonly authorize: AuthorizeClients;
}

const AUTHORIZE_PATH = '/oauth/authorize';
/** The parameters an authorize link the wizard builds may carry (the corrected link, the PKCE sign-in test), each once. */
const AUTHORIZE_PARAMETERS = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'code_challenge',
  'code_challenge_method',
]);

/** Trakt's sign-in and account pages: the authorize page (corrected link, sign-in test), device activation, connected apps. */
const TRAKT_PATHS = [
  /^\/oauth\/authorize$/,
  /^\/oauth\/authorized_applications$/,
  /^\/oauth\/applications$/,
  /^\/activate(\/[A-Za-z0-9]{1,32})?$/,
  /^\/auth\/signin$/,
];
/** Stremio's own sign-in start link for an account (`/trakt/auth/<id>`). */
const STREMIO_WEB_PATHS = [/^\/trakt\/auth\/[^/]+$/];

const FIXED: readonly AllowedDestination[] = [
  { host: 'trakt.tv', port: '', paths: TRAKT_PATHS },
  { host: 'auth.trakt.tv', port: '', paths: TRAKT_PATHS },
  { host: 'app.trakt.tv', port: '', paths: [/^\/settings\/apps(\/connected)?$/] },
  { host: 'www.stremio.com', port: '', paths: [/^\/downloads$/, /^\/acc-settings$/] },
  { host: 'stremio.com', port: '', paths: [/^\/downloads$/, /^\/acc-settings$/] },
  { host: 'www.strem.io', port: '', paths: STREMIO_WEB_PATHS },
  {
    host: 'github.com',
    port: '',
    paths: [
      // The wizard's own release pages (the update check), never a release asset.
      /^\/stremio-trakt-doctor\/stremio-trakt-doctor\/releases(\/latest|\/tag\/[A-Za-z0-9._-]+)?$/,
      // Public issue and pull-request pages the findings and the signed incidents feed cite
      // (trakt/trakt-api#887, MunifTanjim/stremthru#571, Stremio/stremio-bugs#1999): pages, never downloads.
      /^\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/(issues|pull)\/\d+$/,
    ],
  },
];

/** A configured endpoint as a destination: its host on its own port. */
function endpoint(url: string, paths: readonly RegExp[]): AllowedDestination {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: parsed.port, paths };
}

/**
 * The rules of this configuration: the fixed destinations plus the configured Trakt and Stremio web hosts,
 * and the authorize clients — Stremio's, and the wizard's own (`wizardClientId`: the settings' or the
 * config's) with its loopback return address.
 */
export function openRules(config: Config, wizardClientId: string | null): OpenRules {
  return {
    destinations: [
      ...FIXED,
      endpoint(config.endpoints.traktWeb, TRAKT_PATHS),
      endpoint(config.endpoints.traktAuth, TRAKT_PATHS),
      endpoint(config.endpoints.stremioWeb, STREMIO_WEB_PATHS),
    ],
    authorize: {
      clientIds: [STREMIO_TRAKT_CLIENT_ID, ...(wizardClientId ? [wizardClientId] : [])],
      redirectUris: [STREMIO_TRAKT_CALLBACK, `http://127.0.0.1:${config.trakt.redirectPort}/callback`],
    },
  };
}

/** Why `url` may not be opened, or null when it may. */
export function refuseToOpen(url: string, rules: OpenRules): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a URL';
  }
  if (parsed.protocol !== 'https:') return 'only https addresses are opened';
  if (parsed.username || parsed.password) return 'addresses with credentials are not opened';
  const onHost = rules.destinations.filter((d) => d.host === parsed.hostname);
  if (onHost.length === 0) return `${parsed.hostname} is not on the list of sites the wizard opens`;
  const onPort = onHost.filter((d) => d.port === parsed.port);
  if (onPort.length === 0) return `${parsed.hostname} is opened on its own port only, not ${parsed.port}`;
  if (!onPort.some((d) => d.paths.some((path) => path.test(parsed.pathname))))
    return `${parsed.hostname}${parsed.pathname.slice(0, 100)} is not an address the wizard opens`;
  return parsed.pathname === AUTHORIZE_PATH ? refuseAuthorize(parsed.searchParams, rules.authorize) : null;
}

/** Why an authorize link may not be opened: an unknown app or return address, an unknown or repeated parameter. */
function refuseAuthorize(query: URLSearchParams, clients: AuthorizeClients): string | null {
  const names = [...query.keys()];
  if (names.some((name) => !AUTHORIZE_PARAMETERS.has(name)) || new Set(names).size !== names.length)
    return 'a sign-in link with other or repeated parameters is not opened';
  if (query.get('response_type') !== 'code') return 'a sign-in link that does not ask for a code is not opened';
  if (!clients.clientIds.includes(query.get('client_id') ?? ''))
    return "a sign-in link for an app other than Stremio's or the wizard's is not opened";
  if (!clients.redirectUris.includes(query.get('redirect_uri') ?? ''))
    return "a sign-in link that returns anywhere but Stremio or the wizard's own loopback address is not opened";
  return null;
}
