import { useEffect, useState } from 'react';
import type { Credentials } from '../../../shared/ipc';
import { Disclosure } from '../components/disclosure';
import { useTr } from '../i18n/use-tr';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { stepAnswered } from '../lib/step-answered';
import { ownStepView } from '../store/step-run';
import { useStepRun, useWizard } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import { TokenCredentialsForm, type CredentialsSubmit } from './token-credentials-form';
import { TokenLocalSignIn } from './token-local-sign-in';
import { TokenPasteUrl } from './token-paste-url';
import { useLocalProfiles } from './use-local-profiles';

/** Sign-in kinds that hold no secret in the renderer and may be reused for a later analysis. */
type StoredSignIn = Extract<Credentials, { kind: 'remembered' } | { kind: 'local-profile' }>;

/**
 * The Token step's ways in, as a numbered path (docs/architecture.md "Steps": Token): 1 paste the address of
 * the error page (no account needed), 2 or use the Stremio app on this computer, 3 or sign in. Once the
 * account was read or an address analysed, the result leads the page and these fold into one line.
 */
export function TokenSignInPanel(_props: PanelProps) {
  const { t } = useTr();
  const appInfo = useWizard((s) => s.appInfo);
  const refreshAppInfo = useWizard((s) => s.refreshAppInfo);
  const runStep = useWizard((s) => s.runStep);
  const signInAction = useWizard((s) => s.signIn);
  const symptom = useWizard((s) => s.symptom);
  const tokenRun = useStepRun('token');
  const busy = tokenRun.status === 'running' || tokenRun.status === 'waiting';
  const answered = stepAnswered(ownStepView(tokenRun, 'token'));
  const profiles = useLocalProfiles();
  const [mode, setMode] = useState<'password' | 'auth-key'>('password');
  const [consent, setConsent] = useState(false);
  const [stored, setStored] = useState<StoredSignIn | null>(null);
  const [forgotten, setForgotten] = useState(false);

  useEffect(() => {
    if (!appInfo) void refreshAppInfo();
  }, [appInfo, refreshAppInfo]);

  // One sign-in, one run: the service re-runs exactly the checks that depend on the account (the Token
  // step's, and those of Revoked access and Cache once they ran), so Stremio sees one login.
  const signIn = async (credentials: Credentials, rememberIt: boolean) => {
    await signInAction({ credentials, ...(rememberIt ? { rememberAuthKey: true } : {}) });
    if (rememberIt) await refreshAppInfo();
  };
  const signInStored = (credentials: StoredSignIn) => {
    setStored(credentials);
    void signIn(credentials, false);
  };
  const onCredentials = ({ credentials, remember }: CredentialsSubmit) => {
    setStored(remember ? { kind: 'remembered' } : null);
    void signIn(credentials, remember);
  };
  const forget = () =>
    void callSafely(() => doctorApi()['credentials:forget']({})).then(() => {
      setForgotten(true);
      void refreshAppInfo();
    });

  const ways = (
    <ol className="token-ways">
      <li data-way="paste">
        <h4>{t('wizard:token.wayPaste')}</h4>
        <TokenPasteUrl
          busy={busy}
          autoFocus={!answered && symptom === 'auth-error'}
          onAnalyse={(url) => void runStep('token', { authUrl: url, ...(stored ? { credentials: stored } : {}) })}
        />
      </li>
      <li data-way="local">
        <h4>{t('wizard:token.localTitle')}</h4>
        <TokenLocalSignIn
          appInfo={appInfo}
          profiles={profiles}
          consent={consent}
          onConsent={setConsent}
          method={mode}
          busy={busy}
          onUseProfile={(profile) => signInStored({ kind: 'local-profile', profileId: profile.id })}
          onUseRemembered={() => signInStored({ kind: 'remembered' })}
          onForget={forgotten ? null : forget}
        />
      </li>
      <li data-way="sign-in">
        <h4>{t('wizard:token.waySignIn')}</h4>
        <Disclosure label={t('wizard:token.moreWays')} testId="token-more-sign-in" keepMounted>
          <TokenCredentialsForm
            appInfo={appInfo}
            consent={consent}
            busy={busy}
            mode={mode}
            onMode={setMode}
            onSubmit={onCredentials}
          />
        </Disclosure>
      </li>
    </ol>
  );
  return (
    <div data-testid="token-sign-in" data-answered={answered}>
      {answered ? (
        <Disclosure label={t('wizard:token.waysAgain')} testId="token-ways-again" keepMounted>
          {ways}
        </Disclosure>
      ) : (
        <div className="card token-lead">
          <h3>{t('wizard:token.leadTitle')}</h3>
          <p>{t('wizard:token.leadText')}</p>
          {ways}
        </div>
      )}
    </div>
  );
}
