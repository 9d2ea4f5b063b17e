import { isMessage, msg, type Message } from '../../../shared/i18n/message';
import type { ReconcileRule, Reconciliation } from './reconciliation';

// The Trakt link's findings weighed against each other and against the clock (docs/architecture.md
// "Findings agree"): the Token step judges the link by this computer's clock, Trakt by its own.

const TOKEN_CHECK_ID = 'token.trakt-token';
const CLOCK_CHECK_ID = 'connectivity.clock';
const REVOKED_CHECK_ID = 'revoked.users-settings';

/** The link as `token.trakt-token` read it: its expiry, and this computer's time when it read it. */
interface LinkReading {
  readonly expiresAtMs: number;
  readonly localNowMs: number;
  readonly expiredByTime: boolean;
}

function linkReading(session: Reconciliation): LinkReading | null {
  const details = session.result(TOKEN_CHECK_ID)?.details;
  if (!details || details.linked !== true || typeof details.expiresAt !== 'string') return null;
  const expiresAtMs = Date.parse(details.expiresAt);
  if (!Number.isFinite(expiresAtMs)) return null;
  if (typeof details.remainingMs === 'number')
    return { expiresAtMs, localNowMs: expiresAtMs - details.remainingMs, expiredByTime: false };
  if (typeof details.expiredAgoMs === 'number')
    return { expiresAtMs, localNowMs: expiresAtMs + details.expiredAgoMs, expiredByTime: true };
  return null;
}

/** How far the servers' clock is ahead of this computer's (negative: behind), when the clock check found skew. */
interface Skew {
  readonly seconds: number;
  /** "72 hours", said in the reader's language (the clock check's own phrase). */
  readonly amount: Message;
}

function clockSkew(session: Reconciliation): Skew | null {
  if (session.observed('CLOCK_SKEW').length === 0) return null;
  const clock = session.result(CLOCK_CHECK_ID);
  const seconds = clock?.details.medianSkewSeconds;
  const amount = clock?.message?.params?.amount;
  return typeof seconds === 'number' && isMessage(amount) ? { seconds, amount } : null;
}

/**
 * This computer's clock is ahead, and only by its time has the link expired: by the servers' time it is still
 * valid. Stremio reads the same clock, so it shows the link as expired too, and authenticating again would not
 * help — setting the clock does. The clock becomes the critical finding; the expiry is not one.
 */
const expiredOnlyByThisClock: ReconcileRule = (session) => {
  const link = linkReading(session);
  const skew = clockSkew(session);
  if (!link?.expiredByTime || !skew || session.observed('TRAKT_TOKEN_EXPIRED').length === 0) return;
  const serversNow = link.localNowMs + skew.seconds * 1000;
  if (link.expiresAtMs <= serversNow) return;
  const until = new Date(link.expiresAtMs).toISOString();
  session.drop('TRAKT_TOKEN_EXPIRED');
  session.raise(
    'CLOCK_SKEW',
    'critical',
    `the Trakt link looks expired only by this computer's clock: by the servers' clock it is valid until ${until}, and Stremio reads the same wrong clock`,
    TOKEN_CHECK_ID,
  );
  session.restate(
    TOKEN_CHECK_ID,
    'warn',
    msg('checks-token:trakt-token.expiredByClock', { at: link.expiresAtMs, amount: skew.amount }),
  );
};

/**
 * This computer's clock is behind, and by the servers' time the link has already expired, though by this
 * clock it looks valid: Trakt refuses it for that. The link is expired (a finding of its own), not "valid".
 */
const expiredByTheServersClock: ReconcileRule = (session) => {
  const link = linkReading(session);
  const skew = clockSkew(session);
  if (!link || link.expiredByTime || !skew) return;
  const serversNow = link.localNowMs + skew.seconds * 1000;
  if (link.expiresAtMs > serversNow) return;
  const at = new Date(link.expiresAtMs).toISOString();
  session.drop('TRAKT_TOKEN_EXPIRING');
  session.add(TOKEN_CHECK_ID, {
    code: 'TRAKT_TOKEN_EXPIRED',
    evidence: `${TOKEN_CHECK_ID}: user.trakt expired at ${at} by the servers' clock; this computer's clock is ${Math.abs(skew.seconds)} s behind, so it looks valid here`,
    confidence: 0.9,
  });
  session.restate(
    TOKEN_CHECK_ID,
    'fail',
    msg('checks-token:trakt-token.expiredByServersClock', { at: link.expiresAtMs, amount: skew.amount }),
  );
};

/**
 * Trakt refuses (401) a link that has expired: the expiry explains the refusal, so it is one finding (the
 * link expired), not a second one claiming the access was removed on Trakt although the link had not expired.
 */
const refusedBecauseExpired: ReconcileRule = (session) => {
  if (session.observed('TRAKT_TOKEN_EXPIRED').length === 0) return;
  if (session.observed('TRAKT_TOKEN_REVOKED').length === 0) return;
  session.reassign('TRAKT_TOKEN_REVOKED', 'TRAKT_TOKEN_EXPIRED', 'the link had expired, which is why Trakt refuses it');
  session.reword(
    REVOKED_CHECK_ID,
    'checks-revoked:users-settings.unauthorizedRemoved',
    'checks-revoked:users-settings.unauthorizedExpired',
  );
};

/**
 * Trakt refuses (401) a link that is valid by time: the link is dead now, so "valid for 6 more days" (a pass)
 * and "expires soon, re-authenticate then" (a finding) both contradict the refusal.
 */
const refusedWhileValid: ReconcileRule = (session) => {
  if (session.observed('TRAKT_TOKEN_REVOKED').length === 0) return;
  const link = linkReading(session);
  const token = session.result(TOKEN_CHECK_ID);
  if (!link || link.expiredByTime || !token || (token.verdict !== 'pass' && token.verdict !== 'warn')) return;
  session.drop('TRAKT_TOKEN_EXPIRING');
  session.restate(TOKEN_CHECK_ID, 'warn', msg('checks-token:trakt-token.validButRefused', { at: link.expiresAtMs }));
};

/** The Trakt link's rules, the clock's reading first (it decides whether the link has expired at all). */
export const LINK_RULES: readonly ReconcileRule[] = [
  expiredOnlyByThisClock,
  expiredByTheServersClock,
  refusedBecauseExpired,
  refusedWhileValid,
];
