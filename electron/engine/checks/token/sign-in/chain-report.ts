import type { SignInChain, SignInHop } from '../../../../../shared/check-details/sign-in-chain';
import { joinClauses } from '../../../../../shared/i18n/join';
import { msg, type Message, type MessageKey } from '../../../../../shared/i18n/message';
import { englishTranslator } from '../../../../../shared/i18n/translator';
import type { ChainEnd, ChainHopRecord, FollowedChain } from '../../../clients/trakt/sign-in-chain';
import {
  displayPath,
  hopPlace,
  lastHop,
  parameterNames,
  pkceInjectedAt,
} from '../../../clients/trakt/sign-in-chain-reading';

// The words of a followed sign-in chain as messages (docs/i18n.md "Token step"): what each hop changed and how the
// chain ended, said in the reader's language by the window, the text report and summary.md. The report keeps
// their English too (`change`, `end`), for support.

/** What a hop changed compared with the one before it: one message per note, none when nothing notable. */
function hopNotes(hop: ChainHopRecord, previous: ChainHopRecord | undefined, injected: boolean): Message[] {
  const notes: Message[] = [];
  if (injected) notes.push(msg('checks-token:chain.note.injected'));
  if (previous && previous.url.host !== hop.url.host)
    notes.push(msg('checks-token:chain.note.moved', { from: previous.url.host, to: hop.url.host }));
  if (previous) {
    const before = new Set(parameterNames(previous.url));
    // The challenge has its own note; Stremio's start link has no parameters to compare with.
    const added = parameterNames(hop.url).filter(
      (n) => !before.has(n) && !(injected && n.startsWith('code_challenge')),
    );
    if (added.length > 0 && before.size > 0)
      notes.push(msg('checks-token:chain.note.added', { names: added.join(', ') }));
  }
  if (!hop.requested && hop.failure === null) notes.push(msg('checks-token:chain.note.notRequested'));
  if (hop.page === 'sign-in') notes.push(msg('checks-token:chain.note.signInPage'));
  if (hop.page === 'consent') notes.push(msg('checks-token:chain.note.consentPage'));
  if (hop.page === 'cloudflare') notes.push(msg('checks-token:chain.note.cloudflare'));
  if (hop.failure) notes.push(msg('checks-token:chain.note.noAnswer', { error: hop.failure.message }));
  if (hop.truncated) notes.push(msg('checks-token:chain.note.truncated'));
  return notes;
}

/** The ends that may name where they happened. */
type AtEnd =
  | 'signInPage'
  | 'consentPage'
  | 'httpError'
  | 'cloudflare'
  | 'otherPage'
  | 'noLocation'
  | 'badLocation'
  | 'loop'
  | 'network';

/** How a chain ended, as one message; `place` is where (`host/path` of the last hop), when there was one. */
function endMessage(end: ChainEnd, place: string | null, hops: number): Message {
  // The ends said at a place take it as i18next context `at` (docs/i18n.md "Token step").
  const at = (key: AtEnd, params: Readonly<Record<string, string | number>> = {}): Message => {
    const full = `checks-token:chain.end.${key}` as const satisfies MessageKey;
    return { key: full, params: place ? { ...params, context: 'at', place } : params };
  };
  switch (end.kind) {
    case 'user-page':
      return at(end.page === 'sign-in' ? 'signInPage' : 'consentPage');
    case 'redirect-uri':
      if (end.error)
        return msg('checks-token:chain.end.redirectError', {
          error: end.error,
          ...(end.description ? { context: 'described', description: end.description } : {}),
        });
      return msg(end.hasCode ? 'checks-token:chain.end.redirectCode' : 'checks-token:chain.end.redirect');
    case 'http-error':
      return at('httpError', { status: end.status });
    case 'cloudflare':
      return at('cloudflare');
    case 'other-page':
      return at('otherPage', { status: end.status });
    case 'no-location':
      return at('noLocation', { status: end.status });
    case 'bad-location':
      return at('badLocation');
    case 'unknown-host':
      return msg('checks-token:chain.end.unknownHost', { host: end.host });
    case 'loop':
      return at('loop');
    case 'too-many-hops':
      return msg('checks-token:chain.end.tooManyHops', { count: hops });
    case 'network':
      return at('network', { error: end.message });
    case 'not-a-url':
      return msg('checks-token:chain.end.notAUrl');
    case 'handoff':
      return msg('checks-token:chain.end.handoff', { place: place ?? '?' });
  }
}

/** What a hop changed compared with the one before it, in plain English words (the report's `change`). */
function changeOf(notes: readonly Message[]): string {
  return notes.length > 0 ? englishTranslator().text(joinClauses(notes)) : '';
}

/** How a chain ended, as a message (`endMessage`). */
function endOf(chain: FollowedChain): Message {
  const last = lastHop(chain);
  return endMessage(chain.end, last ? hopPlace(last) : null, chain.hops.length);
}

/** One sentence saying how a chain ended, in English (the report's `end`, candidates' `end`). */
export function endSentence(chain: FollowedChain): string {
  return englishTranslator().text(endOf(chain));
}

/** The chain as a report carries it. */
export function reportChain(chain: FollowedChain): SignInChain {
  const injected = pkceInjectedAt(chain);
  const hops: SignInHop[] = chain.hops.map((hop, i) => {
    const notes = hopNotes(hop, chain.hops[i - 1], injected === i);
    return {
      host: hop.url.host,
      path: displayPath(hop),
      status: hop.status,
      parameters: parameterNames(hop.url),
      page: hop.page,
      server: hop.origin.server,
      cfRay: hop.origin.cfRay,
      xRuntime: hop.origin.xRuntime,
      ms: hop.ms,
      change: changeOf(notes),
      notes,
    };
  });
  const end = endOf(chain);
  return { hops, end: englishTranslator().text(end), endMessage: end };
}
