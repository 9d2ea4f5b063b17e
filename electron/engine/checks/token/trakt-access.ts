import type { TraktLink } from '../../clients/stremio/account';
import { readStremioClientId } from '../../clients/stremio/sign-in-link';
import type { CheckDeps } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import { stremioAccountCheck } from './stremio-account';
import { traktTokenCheck } from './trakt-token';

/** What a read of Trakt with Stremio's link needs, or why it cannot be made. */
export type TraktAccess =
  | { readonly ok: true; readonly link: TraktLink; readonly clientId: string }
  | { readonly ok: false; readonly why: 'not-linked' | 'expired' | 'no-client-id' };

/**
 * The Trakt link Stremio holds (when not expired by time) and Stremio's public client_id, read from
 * Stremio's side of its sign-in link so that a Trakt read does not wait for the Token step's whole
 * sign-in chain (docs/sign-in-chain.md). The checks calling it depend on the account and token checks.
 */
export async function traktAccess(
  ctx: EngineContext,
  deps: CheckDeps<typeof stremioAccountCheck | typeof traktTokenCheck>,
  signal: AbortSignal,
): Promise<TraktAccess> {
  const token = deps.get(traktTokenCheck);
  if (!token?.link || token.state === 'not-linked') return { ok: false, why: 'not-linked' };
  if (token.state === 'expired') return { ok: false, why: 'expired' };
  const account = deps.get(stremioAccountCheck);
  const clientId = account
    ? await readStremioClientId(ctx, account.session.user.id, { signal, budgetMs: ctx.config.timeouts.probeMs })
    : null;
  if (!clientId) return { ok: false, why: 'no-client-id' };
  return { ok: true, link: token.link, clientId };
}
