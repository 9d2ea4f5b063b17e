import type { SignInChain } from '../../../../../shared/check-details/sign-in-chain';
import { hopText } from '../../../../../shared/i18n/sign-in-chain-text';
import { englishTranslator } from '../../../../../shared/i18n/translator';
import { sanitizeNetworkText } from '../../../../../shared/network-text';

/**
 * A ready-to-paste report for Stremio (or Trakt) when nothing on this computer fixes the sign-in: what
 * was observed, hop by hop, and what it means. Hosts, paths, statuses and parameter names only.
 */
export function reportTextFor(chain: SignInChain, meaning: string): string {
  return (
    [
      "Stremio's Trakt sign-in fails. Stremio Trakt Doctor followed the Authenticate link without cookies:",
      ...chain.hops.map((hop, i) => `  ${hopText(hop, i, englishTranslator())}`),
      `  ends: ${chain.end}`,
      meaning,
      'The diagnostic bundle is attached.',
    ]
      // One line per part: a server's error_description in `ends` cannot add a line of its own.
      .map(sanitizeNetworkText)
      .join('\n')
  );
}

/** What an injected challenge means, for the report text. */
export const PKCE_MEANING =
  "Trakt adds a PKCE code_challenge to Stremio's authorize link, which carries none; Stremio's server exchanges the code at www.strem.io/trakt/auth_cb without a code_verifier, so the exchange fails after the user presses Yes (see trakt/trakt-api#887, Radarr/Radarr#11579, MunifTanjim/stremthru#571).";
