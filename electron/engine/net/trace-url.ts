import { maskAccountPath } from '../core/account-path';

/** A query parameter name as the trace shows it; anything else (a value passed as a name) is `…`. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_.[\]-]{0,39}$/;
/** The base a relative `Location` is read against: only its path and names are kept, never this host. */
const RELATIVE = 'https://relative.invalid';

/**
 * An address as the network trace keeps it (the request's URL and a `Location`): scheme, host and port,
 * the path with a start link's account id masked, and the names of its query parameters — never a value
 * and never the fragment, where a `code`, a `state` or a whole nested sign-in link (percent-encoded once
 * or twice) would ride along (issue 20 N10). A relative `Location` stays relative.
 */
export function traceUrlShape(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw, RELATIVE);
  } catch {
    return '(not a web address)';
  }
  // Another scheme (an app link, `javascript:`) is named, never shown: its path is opaque.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol}…`;
  const names = [...new Set(url.searchParams.keys())].map((name) => (PARAMETER_NAME.test(name) ? name : '…'));
  const origin = url.origin === RELATIVE ? '' : url.origin;
  return `${origin}${maskAccountPath(url.pathname)}${names.length > 0 ? `?${names.join('&')}` : ''}`;
}
