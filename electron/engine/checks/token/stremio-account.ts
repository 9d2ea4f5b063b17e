import { TOKEN_CHECK_IDS } from '../../../../shared/check-details/token';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type CheckOutcome } from '../../runtime/check';
import {
  stremioGetUser,
  stremioLogin,
  type StremioApiResult,
  type StremioSession,
} from '../../clients/stremio/api-client';
import type { StremioAccountData } from './token-data';

/**
 * Signs in to the Stremio account with the credentials the user gave (wizard form, remembered key,
 * local profile, or the CLI's environment) and reads the user, including `user.trakt`
 * (stremio-core `request.rs`: `login` / `getUser`). Without credentials it is skipped, so every check that
 * needs the account is skipped with that reason (docs/architecture.md "Interfaces").
 */
export const stremioAccountCheck = defineCheck<StremioAccountData>()({
  id: TOKEN_CHECK_IDS.stremioAccount,
  step: 'token',
  dependsOn: [],
  codes: ['STREMIO_NOT_SIGNED_IN', 'STREMIO_AUTH_INVALID', 'SERVICE_OUTAGE'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, input, signal }) {
    const credentials = input.credentials;
    if (!credentials) {
      return {
        verdict: 'skipped',
        summary: msg('checks-token:stremio-account.noCredentials'),
        problems: [
          {
            code: 'STREMIO_NOT_SIGNED_IN',
            evidence:
              'token.stremio-account: no Stremio credentials (wizard sign-in, STREMIO_AUTH_KEY, or STREMIO_EMAIL + STREMIO_PASSWORD)',
            confidence: 1,
          },
        ],
        details: { signedIn: false },
      };
    }
    const via = credentials.kind === 'password' ? 'login' : 'getUser';
    const result =
      credentials.kind === 'password'
        ? await stremioLogin(ctx, credentials.email, credentials.password, signal)
        : await stremioGetUser(ctx, credentials.authKey, signal);
    return outcomeOf(result, via);
  },
});

function outcomeOf(
  result: StremioApiResult<StremioSession>,
  via: StremioAccountData['via'],
): CheckOutcome<StremioAccountData> {
  const where = `POST /api/${via}`;
  if (result.ok) {
    const { user } = result.value;
    const data: StremioAccountData = { session: result.value, via };
    return {
      verdict: 'pass',
      // `context` names how it signed in: e-mail and password (`login`) or a saved auth key (`getUser`).
      summary: user.trakt
        ? msg('checks-token:stremio-account.signedIn', { context: via })
        : msg('checks-token:stremio-account.signedInNoLink', { context: via }),
      details: {
        signedIn: true,
        via,
        traktLinkPresent: user.trakt !== null,
        status: result.outcome.ok ? result.outcome.status : null,
      },
      data,
    };
  }
  switch (result.kind) {
    case 'rejected':
      return {
        verdict: 'fail',
        summary: msg('checks-token:stremio-account.rejected', { error: result.message }),
        problems: [
          {
            code: 'STREMIO_AUTH_INVALID',
            evidence: `token.stremio-account: ${where} answered error${result.code === null ? '' : ` ${result.code}`} "${result.message}"`,
            confidence: 0.95,
          },
        ],
        details: { signedIn: false, via, stremioError: result.message, stremioErrorCode: result.code },
      };
    case 'unreachable':
      return {
        verdict: 'error',
        summary: result.outcome.ok
          ? msg('checks-token:stremio-account.unreachableNoAnswer')
          : msg('checks-token:stremio-account.unreachable', { error: result.outcome.message }),
        details: {
          signedIn: false,
          via,
          error: result.outcome.ok ? null : result.outcome.message,
          failedLayer: result.outcome.ok ? null : result.outcome.kind,
        },
      };
    case 'http-status': {
      const outage = result.status >= 500;
      return {
        verdict: 'error',
        summary: outage
          ? msg('checks-token:stremio-account.outage', { status: result.status })
          : msg('checks-token:stremio-account.httpStatus', { status: result.status }),
        ...(outage
          ? {
              problems: [
                {
                  code: 'SERVICE_OUTAGE' as const,
                  evidence: `token.stremio-account: ${where} on Stremio's API answered ${result.status}`,
                  confidence: 0.8,
                },
              ],
            }
          : {}),
        details: { signedIn: false, via, status: result.status },
      };
    }
    case 'malformed':
      return {
        verdict: 'error',
        summary: msg('checks-token:stremio-account.malformed', { reason: result.why }),
        details: {
          signedIn: false,
          via,
          reason: result.reason,
          status: result.outcome.ok ? result.outcome.status : null,
        },
      };
  }
}
