import { useEffect, useState } from 'react';
import { Disclosure } from '../components/disclosure';
import { useTr } from '../i18n/use-tr';
import { useWizard } from '../store/use-wizard';
import { OAuthClientIdForm } from './oauth-client-id-form';
import { deferred } from './deferred';
import { OAuthProgress } from './oauth-progress';
import type { PanelProps } from './panel-types';
import { useOAuthTest } from './use-oauth-test';
import { ipcErrorText } from '../lib/ipc-error-text';

// The verdict shows minutes after the card (the test waits for the user): its code loads with the deferred panels.
const OAuthResult = deferred('OAuthResult');

/**
 * The opt-in differential sign-in test card of the Token step (docs/architecture.md "Steps"): explains
 * the test, warns about the one-community-app limit, runs the session's interactive check, shows live
 * progress (and the device code to type), offers Cancel, and shows the verdict with its findings.
 */
export function OAuthSignInTestCard(_props: PanelProps) {
  const { t } = useTr();
  const appInfo = useWizard((s) => s.appInfo);
  const refreshAppInfo = useWizard((s) => s.refreshAppInfo);
  const { state, start, cancel } = useOAuthTest();
  const [understood, setUnderstood] = useState(false);

  useEffect(() => {
    if (!appInfo) void refreshAppInfo();
  }, [appInfo, refreshAppInfo]);

  const configured = appInfo?.traktClientIdConfigured ?? false;
  const running = state.kind === 'running';
  return (
    // Optional and slower: behind a disclosure, so the Token step keeps one primary action (docs/i18n.md "The window").
    <Disclosure label={t('wizard:oauth.title')} testId="oauth-test-disclosure" initiallyOpen={running} keepMounted>
      <div className="card" data-testid="oauth-test" data-state={state.kind}>
        <p>{t('wizard:oauth.intro')}</p>
        <p className="notice" data-testid="oauth-limit-warning">
          {t('wizard:oauth.limit')}
        </p>
        {!configured && <OAuthClientIdForm onSaved={refreshAppInfo} />}
        {!running && (
          <>
            <label>
              <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />{' '}
              {t('wizard:oauth.understand')}
            </label>
            <p>
              <button
                type="button"
                className="button button-secondary"
                disabled={!understood || !configured}
                onClick={() => void start('auto')}
              >
                {t('wizard:oauth.start')}
              </button>{' '}
              <button
                type="button"
                className="button button-secondary"
                disabled={!understood || !configured}
                onClick={() => void start('device')}
              >
                {t('wizard:oauth.device')}
              </button>
            </p>
          </>
        )}
        {running && <OAuthProgress progress={state.progress} cancelling={state.cancelling} onCancel={cancel} />}
        {state.kind === 'failed' && (
          <p role="alert" data-testid="oauth-error">
            {t('wizard:oauth.failed', { error: ipcErrorText(state.error, t) })}
          </p>
        )}
        {state.kind === 'done' && <OAuthResult result={state.result} findings={state.findings} />}
      </div>
    </Disclosure>
  );
}
