import { STREMIO_TRAKT_CALLBACK, STREMIO_TRAKT_CLIENT_ID } from '../../../clients/stremio/auth-url';
import { followSignInChain } from '../../../clients/trakt/sign-in-chain';
import { pkceInjectedAt, type ClientLink } from '../../../clients/trakt/sign-in-chain-reading';
import { endSentence } from './chain-report';
import type { EngineContext } from '../../../runtime/context';
import type { SignInEndpoint } from '../../../runtime/endpoint-hosts';
import { correctedSignInLink, type LinkProvenance } from './corrected-link-template';

/**
 * Verify before recommending: the same sign-in link on Trakt's other hosts is followed exactly like
 * the original, and offered only when it reaches Trakt's sign-in page without Trakt adding a PKCE
 * challenge (a link Stremio's server could not finish is no fix).
 */

/** One candidate link and what following it showed. */
export interface CandidateResult {
  /** The link with the real host name (holds the link's `state`, which the report redacts). */
  readonly url: string;
  readonly end: string;
  readonly works: boolean;
}

/** The outcome of verifying: the link to offer (or null) and every candidate tried. */
export interface Verification {
  readonly offered: string | null;
  readonly tried: readonly CandidateResult[];
  /** Why no link was tried at all, or null when candidates were followed. */
  readonly notTried: string | null;
}

// Trakt's docs since 2026-07-23 (trakt/trakt-api contracts/oauth) name auth.trakt.tv for OAuth; the
// website host worked for users before (trakt-api#646). The documented host is tried first.
const CANDIDATE_HOSTS: readonly SignInEndpoint[] = ['traktAuth', 'traktWeb'];

/** Follows the corrected link (corrected-link-template.ts) on the other Trakt hosts; `provenance` = where the link came from. */
export async function verifyCorrectedLink(
  ctx: EngineContext,
  link: ClientLink,
  provenance: LinkProvenance,
  options: { readonly signal: AbortSignal; readonly budgetMs: number },
): Promise<Verification> {
  if (provenance === 'other-account')
    return {
      offered: null,
      tried: [],
      notTried:
        'the pasted link is the sign-in link of another Stremio account than the one signed in, so no corrected link is offered for it',
    };
  // The template carries Stremio's client_id: a link for any other client has no corrected form.
  if (link.clientId !== STREMIO_TRAKT_CLIENT_ID || link.redirectUri !== STREMIO_TRAKT_CALLBACK)
    return {
      offered: null,
      tried: [],
      notTried:
        "the link does not carry Stremio's own client_id and return address, so no corrected link is offered for it",
    };
  const started = performance.now();
  const tried: CandidateResult[] = [];
  for (const endpoint of CANDIDATE_HOSTS) {
    const url = correctedSignInLink(endpoint, link, provenance);
    const budgetMs = options.budgetMs - (performance.now() - started);
    if (budgetMs <= 0) break;
    const chain = await followSignInChain(ctx, url, { signal: options.signal, budgetMs });
    const works = chain.end.kind === 'user-page' && pkceInjectedAt(chain) === null;
    tried.push({ url, end: endSentence(chain), works });
    if (works) return { offered: url, tried, notTried: null };
  }
  return { offered: null, tried, notTried: null };
}
