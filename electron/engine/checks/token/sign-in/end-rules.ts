import { msg, type Message } from '../../../../../shared/i18n/message';
import type { ChainEnd } from '../../../clients/trakt/sign-in-chain';
import { hopPlace } from '../../../clients/trakt/sign-in-chain-reading';
import type { ProblemObservation } from '../../../runtime/check';
import { PKCE_CONFIDENCE } from './parts';
import { reportTextFor } from './report-text';
import { fromSource } from './text';
import type { ChainVerdict, VerdictParts } from './types';

/**
 * One rule per way a sign-in chain can end (docs/sign-in-chain.md), each judged from what was observed and never
 * from the shape of an address: a 4xx on Trakt's API host, a 5xx, `error=` back at the redirect URI, Cloudflare's
 * block page, or a chain that reached Trakt's sign-in page. Whose host ended the chain decides whom a failure
 * blames: Stremio's (`AUTH_REDIRECT_FAILED`) or Trakt's (`TRAKT_AUTH_SERVER_ERROR`).
 */

/** A 4xx on Trakt's API host: the corrected link must be verified first (`wrongHostVerdict`, which reaches the network). */
export const WRONG_HOST = Symbol('wrong-host');

/** What a rule decides: a verdict, or that the wrong-host verdict must be worked out. */
export type EndRuleResult = ChainVerdict | typeof WRONG_HOST;

type EndOf<K extends ChainEnd['kind']> = Extract<ChainEnd, { kind: K }>;
/** The rule of one way to end. */
type EndRule<K extends ChainEnd['kind']> = (end: EndOf<K>, parts: VerdictParts) => EndRuleResult;

/**
 * Stremio's own server failed before handing over to Trakt: `summary` says it (from where the chain started),
 * `what` (English) in the evidence line.
 */
export function stremioFailed(parts: VerdictParts, summary: Message, what: string, confidence: number): ChainVerdict {
  return parts.result({
    verdict: 'fail',
    summary,
    problems: [{ code: 'AUTH_REDIRECT_FAILED', evidence: parts.evidence(`GET /trakt/auth/<id> ${what}`), confidence }],
    details: parts.details(),
  });
}

/** Trakt's sign-in is broken at its own host: no browser can reach the sign-in page. `summary` names the place. */
export function traktBroken(
  parts: VerdictParts,
  summary: (place: string) => Message,
  what: string,
  confidence: number,
): ChainVerdict {
  return parts.withPkce({
    verdict: 'fail',
    summary: summary(parts.place),
    problems: [{ code: 'TRAKT_AUTH_SERVER_ERROR', evidence: parts.evidence(`Trakt's sign-in ${what}`), confidence }],
    details: parts.details({
      reportText: reportTextFor(parts.reported, `Trakt's sign-in ${what}; no browser can reach the sign-in page.`),
    }),
  });
}

/** Stopped before Trakt on purpose (`stopAtTrakt`): Stremio handed over. */
export const handoffRule: EndRule<'handoff'> = (_end, parts) =>
  parts.result({
    verdict: 'pass',
    summary: fromSource(parts.source, 'checks-token:signInChain.handoff', { place: parts.place }),
    details: parts.details(),
  });

/** The start was no web address. */
export const notAUrlRule: EndRule<'not-a-url'> = (_end, parts) =>
  parts.result({ verdict: 'warn', summary: msg('checks-token:signInChain.notAUrl'), details: parts.details() });

/** No answer: Stremio's first hop unreachable is an error of this check; later, an unfinished chain. */
export const networkRule: EndRule<'network'> = (end, parts) => {
  const failed = { error: end.message, failedLayer: end.failure };
  if (parts.owner === 'stremio' && parts.lastIndex === 0)
    return parts.result({
      verdict: 'error',
      summary: msg('checks-token:signInChain.stremioUnreachable', { error: end.message }),
      details: parts.details(failed),
    });
  return parts.withPkce({
    verdict: 'warn',
    summary: msg('checks-token:signInChain.unfinished', { place: parts.place, error: end.message }),
    details: parts.details(failed),
  });
};

/** Cloudflare's block page (no Trakt server headers); its temporary ban (error 1015) says wait (trakt/trakt-api#922). */
export const cloudflareRule: EndRule<'cloudflare'> = ({ block }, parts) =>
  parts.withPkce({
    verdict: 'fail',
    summary: msg('checks-token:signInChain.cloudflare', { place: parts.last ? parts.place : 'Trakt' }),
    problems: [
      {
        code: 'CLOUDFLARE_BLOCKED',
        evidence: parts.evidence(
          block?.temporary
            ? `Cloudflare's temporary ban (error ${block.errorCode ?? '1015'}${block.words ? `, "${block.words}"` : ''}; cf-ray ${parts.last?.origin.cfRay ?? 'none'}, no x-runtime)`
            : `Cloudflare's block page (cf-ray ${parts.last?.origin.cfRay ?? 'none'}, no x-runtime)`,
        ),
        confidence: 0.9,
        ...(block?.temporary ? { variant: 'temporary' } : {}),
      },
    ],
    details: parts.details(),
  });

/** An error status: Stremio's server, Trakt's 5xx, the API host's 4xx (trakt-api#646), or another Trakt status. */
export const httpErrorRule: EndRule<'http-error'> = ({ status }, parts) => {
  if (parts.owner === 'stremio')
    return stremioFailed(
      parts,
      fromSource(parts.source, 'checks-token:signInChain.stremioFailed.status', { status }),
      `answered HTTP ${status}`,
      0.9,
    );
  if (status >= 500)
    return traktBroken(
      parts,
      (place) => msg('checks-token:signInChain.traktBroken.status', { place, status }),
      `answers HTTP ${status} at ${parts.place}`,
      0.9,
    );
  if (parts.last?.endpoint === 'traktApi') return WRONG_HOST;
  return parts.withPkce({
    verdict: 'warn',
    summary: msg('checks-token:signInChain.traktStatus', { status, place: parts.place }),
    details: parts.details(),
  });
};

/** Back at the redirect URI: Trakt's `error=`, Stremio's callback pasted, or a good return. */
export const redirectUriRule: EndRule<'redirect-uri'> = (end, parts) => {
  if (end.error) return rejectedRule(end.error, end.description, parts);
  if (parts.source === 'pasted' && parts.lastIndex === 0)
    return parts.result({
      verdict: 'fail',
      summary: msg('checks-token:signInChain.pastedCallback'),
      problems: [
        {
          code: 'AUTH_REDIRECT_FAILED',
          evidence: `${parts.checkId}: the pasted address is Stremio's callback ${parts.last ? hopPlace(parts.last) : ''}`,
          confidence: 0.6,
        },
      ],
      details: parts.details(),
    });
  return parts.withPkce({
    verdict: 'pass',
    summary: end.hasCode
      ? fromSource(parts.source, 'checks-token:signInChain.returnsWithCode')
      : fromSource(parts.source, 'checks-token:signInChain.returns'),
    details: parts.details(),
  });
};

/**
 * Trakt's new stack (better-auth's oauth-provider `PKCERequirementErrors`) refusing a link without a PKCE challenge
 * that asks for `offline_access` (MunifTanjim/stremthru#571): the same 2026 PKCE requirement as an injected challenge.
 */
const PKCE_REQUIRED = /pkce is required when requesting offline_access scope/i;

/** What a refusal at the redirect URI is evidence of: Trakt's PKCE requirement, or a refusal of another kind. */
function rejectionObservation(error: string, description: string | null, parts: VerdictParts): ProblemObservation {
  const evidence = parts.evidence(
    `Trakt answered error=${error}${description ? ` error_description="${description}"` : ''}`,
  );
  if (PKCE_REQUIRED.test(description ?? ''))
    return {
      code: 'TRAKT_AUTH_PKCE_INJECTED',
      evidence: `${evidence}: Trakt requires a PKCE challenge the sign-in link does not carry`,
      confidence: PKCE_CONFIDENCE,
      variant: 'required',
      alsoPossible: ['TRAKT_AUTH_REJECTED'],
    };
  return {
    code: 'TRAKT_AUTH_REJECTED',
    evidence,
    confidence: 0.95,
    // Another PKCE complaint is the same 2026 migration seen from the other side, less certainly.
    ...(/pkce/i.test(description ?? '') ? { alsoPossible: ['TRAKT_AUTH_PKCE_INJECTED' as const] } : {}),
  };
}

/** Trakt refused the authorize request with `error=` at the redirect URI. */
function rejectedRule(error: string, description: string | null, parts: VerdictParts): ChainVerdict {
  return parts.withPkce({
    verdict: 'fail',
    summary: description
      ? msg('checks-token:signInChain.rejectedDescribed', { error, description })
      : msg('checks-token:signInChain.rejected', { error }),
    problems: [rejectionObservation(error, description, parts)],
    details: parts.details({
      error,
      errorDescription: description,
      reportText: reportTextFor(
        parts.reported,
        `Trakt refuses the authorize request Stremio's server builds: error=${error}${description ? ` (${description})` : ''}.`,
      ),
    }),
  });
}

/** Stremio's start page answered without sending the browser on to Trakt (a page, or a redirect to nowhere). */
function stremioDidNotRedirect(parts: VerdictParts, status: number): ChainVerdict {
  return stremioFailed(
    parts,
    fromSource(parts.source, 'checks-token:signInChain.stremioFailed.noRedirect', { status }),
    `answered HTTP ${status} without redirecting to Trakt`,
    0.8,
  );
}

/** Trakt's sign-in or consent page: the chain works. */
export const userPageRule: EndRule<'user-page'> = (_end, parts) =>
  parts.withPkce({
    verdict: 'pass',
    summary: fromSource(parts.source, 'checks-token:signInChain.reaches', { count: parts.lastIndex + 1 }),
    details: parts.details(),
  });

/** A page that is not Trakt's sign-in. */
export const otherPageRule: EndRule<'other-page'> = ({ status }, parts) => {
  if (parts.owner === 'stremio') return stremioDidNotRedirect(parts, status);
  return parts.withPkce({
    verdict: 'warn',
    summary: fromSource(parts.source, 'checks-token:signInChain.otherPage', { place: parts.place }),
    details: parts.details(),
  });
};

/** A redirect without a Location. */
export const noLocationRule: EndRule<'no-location'> = ({ status }, parts) => {
  if (parts.owner === 'stremio') return stremioDidNotRedirect(parts, status);
  return traktBroken(
    parts,
    (place) => msg('checks-token:signInChain.traktBroken.noLocation', { place, status }),
    `redirects without saying where (HTTP ${status} at ${parts.place})`,
    0.6,
  );
};

/** A redirect to something that is not a web address. */
export const badLocationRule: EndRule<'bad-location'> = (end, parts) => {
  const location = JSON.stringify(end.location);
  if (parts.owner === 'stremio')
    return stremioFailed(
      parts,
      fromSource(parts.source, 'checks-token:signInChain.stremioFailed.badLocation', { location }),
      `redirected to something that is not a web address (Location: ${location})`,
      0.85,
    );
  return traktBroken(
    parts,
    (place) => msg('checks-token:signInChain.traktBroken.badLocation', { place }),
    `redirects to something that is not a web address at ${parts.place}`,
    0.6,
  );
};

/** A redirect loop. */
export const loopRule: EndRule<'loop'> = (_end, parts) =>
  parts.owner === 'stremio'
    ? stremioFailed(
        parts,
        fromSource(parts.source, 'checks-token:signInChain.stremioFailed.loop'),
        'redirects in a loop',
        0.85,
      )
    : traktBroken(
        parts,
        (place) => msg('checks-token:signInChain.traktBroken.loop', { place }),
        `redirects in a loop at ${parts.place}`,
        0.6,
      );

/** More redirects than a browser follows. */
export const tooManyHopsRule: EndRule<'too-many-hops'> = (_end, parts) => {
  const count = parts.lastIndex + 1;
  if (parts.owner === 'stremio')
    return stremioFailed(
      parts,
      fromSource(parts.source, 'checks-token:signInChain.stremioFailed.tooManyHops', { count }),
      `redirected more than ${count} times`,
      0.8,
    );
  return traktBroken(
    parts,
    () => msg('checks-token:signInChain.traktBroken.tooManyHops', { count }), // the text names no place
    `redirects more than ${count} times without reaching its sign-in page`,
    0.6,
  );
};

/** A redirect to a host that is no Stremio or Trakt address (recorded, not followed). */
export const unknownHostRule: EndRule<'unknown-host'> = ({ host }, parts) => {
  if (parts.owner === 'stremio')
    return stremioFailed(
      parts,
      fromSource(parts.source, 'checks-token:signInChain.stremioFailed.unknownHost', { host }),
      `redirects to ${host} instead of Trakt's sign-in page`,
      0.6,
    );
  if (parts.owner === null)
    return parts.result({
      verdict: 'warn',
      summary: fromSource(parts.source, 'checks-token:signInChain.unknownPage', { host }),
      details: parts.details(),
    });
  return parts.withPkce({
    verdict: 'warn',
    summary: msg('checks-token:signInChain.unknownTraktHost', { host }),
    details: parts.details(),
  });
};

/** Every end's rule. */
const END_RULES: { readonly [K in ChainEnd['kind']]: EndRule<K> } = {
  handoff: handoffRule,
  'not-a-url': notAUrlRule,
  network: networkRule,
  cloudflare: cloudflareRule,
  'http-error': httpErrorRule,
  'redirect-uri': redirectUriRule,
  'user-page': userPageRule,
  'other-page': otherPageRule,
  'no-location': noLocationRule,
  'bad-location': badLocationRule,
  loop: loopRule,
  'too-many-hops': tooManyHopsRule,
  'unknown-host': unknownHostRule,
};

/** Judges how a chain ended by its end's rule. */
export function judgeEnd(end: ChainEnd, parts: VerdictParts): EndRuleResult {
  // Correlated by `kind`: the table holds the rule of each end's own kind.
  const rule = END_RULES[end.kind] as EndRule<ChainEnd['kind']>;
  return rule(end, parts);
}
