import type { OAuthProgress } from '../../engine/runtime/oauth-types';
import type { Translator } from '../../../shared/i18n/translator';

/**
 * One line of the differential sign-in test's progress for stderr, in the CLI's language (docs/i18n.md).
 * A wait with an end says until when (UTC, as the device code's expiry is given).
 */
export function oauthProgressLine(progress: OAuthProgress, tr: Translator): string {
  const until = progress.waitUntil ? Date.parse(progress.waitUntil) : NaN;
  const context = Number.isFinite(until) ? { context: 'until' as const, until } : {};
  switch (progress.phase) {
    case 'waiting-for-browser':
      return tr.t('cli:oauth.waitingForBrowser', context);
    case 'waiting-for-device':
      return tr.t('cli:oauth.waitingForDevice', {
        ...context,
        url: progress.verificationUrl ?? tr.t('cli:oauth.activationPage'),
        code: progress.userCode ?? '?',
      });
    default:
      return tr.t(`cli:oauth.${progress.phase}`);
  }
}
