import type { SignInChain, SignInHop } from '../check-details/sign-in-chain';
import { joinClauses } from './join';
import type { Translator } from './translator';

// The sign-in chain said in the reader's language (docs/i18n.md "Token step"): what each hop changed and how the
// chain ended. A chain reported before these were messages (or by an older build) says its English words.

/** What a hop changed, in `tr`'s language; empty when nothing notable. */
export function hopChangeText(hop: SignInHop, tr: Translator): string {
  return hop.notes ? (hop.notes.length > 0 ? tr.text(joinClauses(hop.notes)) : '') : hop.change;
}

/** How the chain ended, in `tr`'s language. */
export function chainEndText(chain: SignInChain, tr: Translator): string {
  return chain.endMessage ? tr.text(chain.endMessage) : chain.end;
}

/** One hop as a line of text: number, host and path, status, time, and what it changed. */
export function hopText(hop: SignInHop, index: number, tr: Translator): string {
  const status =
    hop.status === null
      ? tr.t(hop.page === 'no-answer' ? 'checks-token:chain.status.noAnswer' : 'checks-token:chain.status.notRequested')
      : String(hop.status);
  const timing = hop.ms === null ? '' : ` (${tr.t('checks-token:chain.time', { ms: hop.ms })})`;
  const change = hopChangeText(hop, tr);
  return `${index + 1}. ${hop.host}${hop.path} → ${status}${timing}${change ? ` — ${change}` : ''}`;
}
