/**
 * Stremio's sign-in start link names an account in its path: `/trakt/auth/<user _id>` (docs/sign-in-chain.md).
 * One matcher for every place that reads or shows such a path — the pasted address, the chain's hops, the
 * network trace — whatever case the path is written in and whatever follows the id (issue 20 N3).
 */
const ACCOUNT_PATH = /^(\/trakt\/auth\/)([^/]+)(\/.*)?$/i;

/** The shown form of an account's start path. */
export const MASKED_ACCOUNT_PATH = '/trakt/auth/<id>';

/**
 * The account id segment of a path as it is written (percent-escapes and all) and decoded, or null when
 * the path is no start link. Both forms name the account, so both are registered as secrets.
 */
export function accountIdOfPath(pathname: string): { readonly raw: string; readonly decoded: string } | null {
  const raw = ACCOUNT_PATH.exec(pathname)?.[2];
  if (!raw) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the raw segment is all there is.
  }
  return { raw, decoded };
}

/** `pathname` with the account id of a start link replaced by `<id>` (and what followed it dropped); other paths as they are. */
export function maskAccountPath(pathname: string): string {
  return ACCOUNT_PATH.test(pathname) ? MASKED_ACCOUNT_PATH : pathname;
}
