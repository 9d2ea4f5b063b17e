import type { OAuthProgressEvent } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { useWizard } from '../store/use-wizard';
import type { MessageKey } from '../../../shared/i18n/message';

/** The wizard's words for each phase (the CLI prints the same steps). */
const PHASE_KEYS = {
  starting: 'wizard:oauth.phaseStarting',
  'waiting-for-browser': 'wizard:oauth.phaseBrowser',
  'waiting-for-device': 'wizard:oauth.phaseDevice',
  exchanging: 'wizard:oauth.phaseExchanging',
  verifying: 'wizard:oauth.phaseVerifying',
  revoking: 'wizard:oauth.phaseRevoking',
  finished: 'wizard:oauth.phaseFinished',
} as const satisfies Readonly<Record<OAuthProgressEvent['phase'], MessageKey>>;

/** A running test: its phase, the device code to type (with the page to type it on), until when it waits, Cancel. */
export function OAuthProgress({
  progress,
  cancelling,
  onCancel,
}: {
  readonly progress: OAuthProgressEvent | null;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}) {
  const { t } = useTr();
  const openUrl = useWizard((s) => s.openUrl);
  const phase = progress?.phase ?? 'starting';
  return (
    <div data-testid="oauth-progress" data-phase={phase}>
      <p>
        <span aria-hidden="true" className="spinner" /> {t(PHASE_KEYS[phase])}
      </p>
      {progress?.phase === 'waiting-for-device' && progress.userCode && (
        <div className="notice" data-testid="oauth-device-code">
          <p>{t('wizard:oauth.enterCode')}</p>
          <p className="page-title">
            <code>{progress.userCode}</code>
          </p>
          {progress.verificationUrl && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => void openUrl(progress.verificationUrl ?? '')}
            >
              {t('wizard:fix.open', { host: progress.verificationUrl })}
            </button>
          )}
        </div>
      )}
      {progress?.waitUntil && (
        <p className="small muted">{t('wizard:oauth.waitsUntil', { time: new Date(progress.waitUntil) })}</p>
      )}
      <button type="button" className="button button-ghost" disabled={cancelling} onClick={onCancel}>
        {cancelling ? t('wizard:run.cancelling') : t('wizard:nav.cancel')}
      </button>
    </div>
  );
}
