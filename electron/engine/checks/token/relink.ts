import { msg, type Message } from '../../../../shared/i18n/message';
import {
  CLOSED_LOOP_CHECK_IDS,
  POLL_EVERY_MS,
  RELINK_FIXES,
  RelinkDetailsSchema,
  WAIT_SECONDS,
  type RelinkDetails,
} from '../../../../shared/check-details/closed-loop';
import { traktExpiresAtMs, type TraktLink } from '../../clients/stremio/account';
import { stremioGetUser } from '../../clients/stremio/api-client';
import { catalogStepMessage } from '../../../../shared/i18n/report-text';
import { defineCheck, type CheckOutcome, type ConsultedResult } from '../../runtime/check';
import { runWatchLoop } from '../../runtime/watch-loop';
import { progressReporter } from '../../runtime/watch-progress';
import { usersSettingsCheck } from '../revoked/users-settings';
import { authRedirectCheck } from './auth-redirect';
import { SIGN_IN_CODES } from './sign-in/verdict';
import { stremioAccountCheck } from './stremio-account';
import { traktTokenCheck } from './trakt-token';

/** A poll's reading of the account: the link it holds, or that the read failed. */
type LinkRead = { readonly ok: true; readonly link: TraktLink | null } | { readonly ok: false; readonly why: string };

/** The catalog's steps of TRAKT_LINK_NOT_RENEWED, by position (shared/locales/<locale>/problems.json). */
const STEP = { mainProfile: 0, authenticate: 1, approve: 2, pasteError: 3 } as const;
const CANCELLED = msg('engine:outcome.stopped', { why: msg('engine:stopped.cancelled') });
const catalogStep = (index: number): Message => catalogStepMessage('TRAKT_LINK_NOT_RENEWED', index);

/**
 * The re-link watch (docs/architecture.md "Confirming a fix"), interactive and opt-in: while the user
 * authenticates again in Stremio, reads the account's Trakt link (`getUser`) at once and then every 5 s until
 * its `created_at` changes to a link valid now (pass: the findings a new link fixes are confirmed) or the wait
 * ends (TRAKT_LINK_NOT_RENEWED, with what to check first: the sign-in chain's verdict when it failed).
 */
export const relinkCheck = defineCheck<undefined, RelinkDetails>()({
  id: CLOSED_LOOP_CHECK_IDS.relink,
  step: 'token',
  dependsOn: [stremioAccountCheck, traktTokenCheck],
  // The sign-in chain's verdict ranks what to check; Trakt's refusal is waited for so a confirmation covers it.
  consults: [authRedirectCheck, usersSettingsCheck],
  codes: ['TRAKT_LINK_NOT_RENEWED'],
  details: RelinkDetailsSchema,
  interactive: true,
  // Opt-in: when nobody asked, that is its reason, whatever its dependencies did (not a second "needs a sign-in").
  runsWhenDepsSkipped: true,
  // Bounded by its own wait (at most 15 minutes) and cancellation, not the run's deadline.
  budgetMs: (ctx) => WAIT_SECONDS.max * 1000 + ctx.config.timeouts.probeMs + 5000,
  async run({ ctx, input, deps, signal }) {
    const options = input.relink;
    if (!options) return { verdict: 'skipped', summary: msg('checks-token:relink.optIn') };
    const account = deps.get(stremioAccountCheck);
    if (!account) return { verdict: 'skipped', summary: msg('checks-token:noAccount') };
    // The link the diagnosis read: a link already renewed since then is confirmed by the first poll.
    const before = deps.get(traktTokenCheck)?.link ?? account.session.user.trakt;
    const report = progressReporter(CLOSED_LOOP_CHECK_IDS.relink, options);
    report('started', 0);
    let after: TraktLink | null = null;
    let failed = 0;
    let lastFailure = '';
    const end = await runWatchLoop<{ link: TraktLink; atMs: number }>({
      waitMs: options.waitMs,
      everyMs: POLL_EVERY_MS,
      signal,
      poll: async () => {
        const read = await readLink(ctx, account.session.authKey, signal);
        if (!read.ok) {
          failed += 1;
          lastFailure = read.why;
          return { kind: 'continue' };
        }
        after = read.link;
        const nowMs = ctx.now();
        return renewed(before, read.link, nowMs)
          ? { kind: 'done', value: { link: read.link, atMs: nowMs } }
          : { kind: 'continue' };
      },
      onPolled: (polls) => report('polled', polls),
    });
    report('finished', end.polls, { seen: end.kind === 'done' });
    const details: RelinkDetails = {
      waitSeconds: Math.round(options.waitMs / 1000),
      polls: end.polls,
      failedPolls: failed,
      pollEverySeconds: POLL_EVERY_MS / 1000,
      before: datesOf(before),
      after: datesOf(end.kind === 'done' ? end.value.link : after),
      renewedAt: end.kind === 'done' ? new Date(end.value.atMs).toISOString() : null,
    };
    // The scheduler's own "stopped: cancelled" answers first; this only ends the loop cleanly.
    if (end.kind === 'cancelled') return { verdict: 'skipped', summary: CANCELLED, details };
    if (end.kind === 'done')
      return {
        verdict: 'pass',
        summary: msg('checks-token:relink.renewed', { at: traktExpiresAtMs(end.value.link) }),
        details,
        confirms: { codes: RELINK_FIXES, atMs: end.value.atMs },
      };
    // Not one answer: nothing was watched, so nothing can be said about the link.
    if (failed === end.polls) {
      // Why, for support (the log): the summary says that no read was answered, in the reader's language.
      ctx.log.log('warn', `token.relink: none of ${end.polls} account reads answered; the last: ${lastFailure}`);
      return {
        verdict: 'error',
        summary: msg('checks-token:relink.unreadable', { count: end.polls }),
        details,
      };
    }
    return notRenewed(details, deps.result(authRedirectCheck), options.waitMs);
  },
});

/** The account's link now, or why it could not be read (English, for the evidence). */
async function readLink(
  ctx: Parameters<typeof stremioGetUser>[0],
  authKey: string,
  signal: AbortSignal,
): Promise<LinkRead> {
  const answer = await stremioGetUser(ctx, authKey, signal);
  if (answer.ok) return { ok: true, link: answer.value.user.trakt };
  return { ok: false, why: answer.kind };
}

/** A new link: `created_at` changed (or a link appeared) and it is valid now (stremio-core `Profile::has_trakt`). */
function renewed(before: TraktLink | null, after: TraktLink | null, nowMs: number): after is TraktLink {
  if (!after || traktExpiresAtMs(after) <= nowMs) return false;
  return before === null || after.createdAt !== before.createdAt;
}

function datesOf(link: TraktLink | null): RelinkDetails['before'] {
  return link
    ? {
        createdAt: new Date(link.createdAt * 1000).toISOString(),
        expiresAt: new Date(traktExpiresAtMs(link)).toISOString(),
      }
    : null;
}

/**
 * TRAKT_LINK_NOT_RENEWED with what to check, most likely first: a sign-in chain that fails from this computer
 * (re-authenticating cannot work until it is fixed), then the main profile, Trakt's approval page, trying
 * again, and the error page's address; a chain that reached Trakt's sign-in page is said last.
 */
function notRenewed(
  details: RelinkDetails,
  chain: ConsultedResult | undefined,
  waitMs: number,
): CheckOutcome<undefined, RelinkDetails> {
  const failure = chain?.problems.find((code) => SIGN_IN_CODES.includes(code));
  const steps: Message[] = [
    ...(failure ? [msg('checks-token:relink.chainFailed', { problem: msg(`problems:${failure}.title`) })] : []),
    catalogStep(STEP.mainProfile),
    catalogStep(STEP.approve),
    catalogStep(STEP.authenticate),
    catalogStep(STEP.pasteError),
    ...(chain?.verdict === 'pass' ? [msg('checks-token:relink.chainPassed')] : []),
  ];
  const chainSaid = failure
    ? `the sign-in chain check found ${failure}`
    : chain
      ? `the sign-in chain check: ${chain.verdict}`
      : 'the sign-in chain was not checked';
  return {
    verdict: 'warn',
    summary: msg('checks-token:relink.notRenewed', { ms: waitMs, count: details.polls }),
    problems: [
      {
        code: 'TRAKT_LINK_NOT_RENEWED',
        evidence: `token.relink: user.trakt.created_at stayed ${details.before?.createdAt ?? 'absent (not linked)'} over ${details.polls} getUser reads in ${Math.round(waitMs / 1000)} s; ${chainSaid}`,
        confidence: details.failedPolls === 0 ? 0.9 : 0.7,
        ...(failure ? { alsoPossible: [failure] } : {}),
        fixSteps: steps,
      },
    ],
    details,
  };
}
