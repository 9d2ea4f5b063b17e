import { msg, type Message, type MessageKey } from '../../../../shared/i18n/message';
import type { UsersSettingsClassification } from '../../clients/trakt/users-settings';
import type { NetFailureKind } from '../../net/http-client';

/** The network layer that failed, as people say it (the Connectivity step tells the details). */
const FAILURE = {
  timeout: 'checks-revoked:users-settings.failure.timeout',
  dns: 'checks-revoked:users-settings.failure.dns',
  tcp: 'checks-revoked:users-settings.failure.tcp',
  tls: 'checks-revoked:users-settings.failure.tls',
  'too-large': 'checks-revoked:users-settings.failure.tooLarge',
  aborted: 'checks-revoked:users-settings.failure.aborted',
  proxy: 'checks-revoked:users-settings.failure.proxy',
  other: 'checks-revoked:users-settings.failure.other',
} as const satisfies Readonly<Record<NetFailureKind, MessageKey>>;

/**
 * What a classified `/users/settings` answer (or another authenticated read classified by the same table)
 * says, as a locale message (docs/i18n.md "Messages, not sentences"): the one reading the Revoked-access
 * step, the Scrobbling step's history read and the differential sign-in test all say or nest, built from the
 * classification's facts so every language says it whole.
 */
export function usersSettingsSummary(c: UsersSettingsClassification): Message {
  switch (c.kind) {
    case 'ok': {
      const account = c.account;
      if (!account) return msg('checks-revoked:users-settings.acceptedUnreadable');
      const said = {
        plan: account.vip
          ? msg('checks-revoked:users-settings.planVip')
          : msg('checks-revoked:users-settings.planFree'),
      };
      if (!account.limits) return msg('checks-revoked:users-settings.accepted', said);
      return msg('checks-revoked:users-settings.acceptedWithLimits', {
        ...said,
        lists: msg('checks-revoked:users-settings.lists', { count: account.limits.listCount }),
        items: msg('checks-revoked:users-settings.items', { count: account.limits.listItemCount }),
      });
    }
    case 'unauthorized':
      return msg('checks-revoked:users-settings.unauthorized');
    case 'cloudflare-blocked':
      return msg('checks-revoked:users-settings.cloudflareBlocked');
    case 'app-unapproved':
      return msg('checks-revoked:users-settings.appUnapproved');
    case 'account-deactivated':
      return msg('checks-revoked:users-settings.accountDeactivated');
    case 'account-locked':
      return msg('checks-revoked:users-settings.accountLocked');
    case 'vip-required':
      return msg('checks-revoked:users-settings.vipRequired');
    case 'account-limit':
      return msg('checks-revoked:users-settings.accountLimit');
    case 'rate-limited': {
      const seconds = c.rateLimit?.retryAfterSeconds ?? null;
      return seconds === null
        ? msg('checks-revoked:users-settings.rateLimited')
        : msg('checks-revoked:users-settings.rateLimitedRetry', { ms: seconds * 1000 });
    }
    case 'outage':
      return msg('checks-revoked:users-settings.outage', { status: c.status ?? 0 });
    case 'unexpected':
      if (c.unreadableBody === 'too-large')
        return msg('checks-revoked:users-settings.historyTooLarge', { size: c.maxBytes ?? 0 });
      if (c.unreadableBody === 'not-a-list') return msg('checks-revoked:users-settings.historyNotAList');
      return msg('checks-revoked:users-settings.unexpected', { status: c.status ?? 0 });
    case 'unreachable':
      return msg('checks-revoked:users-settings.unreachable', { why: msg(FAILURE[c.failedLayer ?? 'other']) });
  }
}
