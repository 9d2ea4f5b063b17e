import { TOOL_VERSION } from '../../../shared/tool-version';

export { TOOL_VERSION };

declare const __TRAKT_CLIENT_ID__: string | undefined;

/** The Trakt client id baked in by the release workflow (`TRAKT_CLIENT_ID`), empty in a checkout. */
export const BUILD_TRAKT_CLIENT_ID: string = typeof __TRAKT_CLIENT_ID__ === 'string' ? __TRAKT_CLIENT_ID__ : '';

/** The User-Agent of every request: Cloudflare blocks requests without one (trakt/trakt-api#670). */
export const USER_AGENT = `stremio-trakt-doctor/${TOOL_VERSION}`;
