import { useEffect, useState } from 'react';
import type { Credentials, LocalProfile } from '../../../shared/ipc';
import { Disclosure } from '../components/disclosure';
import { useTr } from '../i18n/use-tr';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { useStepRun, useWizard } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import { TokenConsentText } from './token-consent';
import { TokenPasteUrl } from './token-paste-url';
import { TokenProfileOffer } from './token-profile-offer';

/** Sign-in kinds that hold no secret in the renderer and may be reused for a later analysis. */
type StoredSignIn = Extract<Credentials, { kind: 'remembered' } | { kind: 'local-profile' }>;

/**
 * The Token step's sign-in, fastest path first: paste the address of the 400 page (no account needed), or
 * (after consent to the exact requests) use the profile Stremio keeps on this computer or a remembered
 * sign-in. E-mail + password / auth key and the request list wait behind disclosures. The password lives
 * only in this form until it is sent, and is cleared at once.
 */
export function TokenSignInPanel(_props: PanelProps) {
  const { t } = useTr();
  const appInfo = useWizard((s) => s.appInfo);
  const refreshAppInfo = useWizard((s) => s.refreshAppInfo);
  const runStep = useWizard((s) => s.runStep);
  const signInAction = useWizard((s) => s.signIn);
  const tokenRun = useStepRun('token');
  const busy = tokenRun.status === 'running' || tokenRun.status === 'waiting';
  const [mode, setMode] = useState<'password' | 'auth-key'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [authKey, setAuthKey] = useState('');
  const [consent, setConsent] = useState(false);
  const [remember, setRemember] = useState(false);
  const [stored, setStored] = useState<StoredSignIn | null>(null);
  const [forgotten, setForgotten] = useState(false);
  const [profiles, setProfiles] = useState<readonly LocalProfile[]>([]);

  useEffect(() => {
    if (!appInfo) void refreshAppInfo();
  }, [appInfo, refreshAppInfo]);

  useEffect(() => {
    let live = true;
    void callSafely(() => doctorApi()['profiles:discover']({})).then((answer) => {
      if (live && answer.ok) setProfiles(answer.value.profiles);
    });
    return () => {
      live = false;
    };
  }, []);

  const storage = appInfo?.secretStorage;
  const canRemember = Boolean(storage?.available);

  // One sign-in, one run: the service re-runs exactly the checks that depend on the account (the Token
  // step's, and those of Revoked access and Cache once they ran), so Stremio sees one login.
  const signIn = async (credentials: Credentials, rememberIt: boolean) => {
    await signInAction({ credentials, ...(rememberIt ? { rememberAuthKey: true } : {}) });
    if (rememberIt) await refreshAppInfo();
  };

  const onSubmit = () => {
    const credentials: Credentials =
      mode === 'password'
        ? { kind: 'password', email: email.trim(), password }
        : { kind: 'auth-key', authKey: authKey.trim() };
    const rememberIt = remember && canRemember;
    setPassword('');
    setAuthKey('');
    setStored(rememberIt ? { kind: 'remembered' } : null);
    void signIn(credentials, rememberIt);
  };

  const signInStored = (credentials: StoredSignIn) => {
    setStored(credentials);
    void signIn(credentials, false);
  };

  const formReady =
    consent && (mode === 'password' ? email.trim().length >= 3 && password.length > 0 : authKey.trim().length >= 8);
  return (
    <div data-testid="token-sign-in">
      <div className="card token-lead">
        <h3>{t('wizard:token.leadTitle')}</h3>
        <p>{t('wizard:token.leadText')}</p>
        <TokenPasteUrl
          busy={busy}
          onAnalyse={(url) => void runStep('token', { authUrl: url, ...(stored ? { credentials: stored } : {}) })}
        />
        <div className="fast-path" data-testid="token-local">
          <h4>{t('wizard:token.localTitle')}</h4>
          <p className="small muted">{t('wizard:token.localHint')}</p>
          <label>
            <input type="checkbox" checked={consent} onChange={(event) => setConsent(event.target.checked)} />{' '}
            {t('wizard:token.agree')}
          </label>
          <Disclosure label={t('wizard:token.whichRequests')} keepMounted>
            <TokenConsentText method={mode} />
          </Disclosure>

          {consent && (
            <TokenProfileOffer
              profiles={profiles}
              busy={busy}
              onUse={(profile: LocalProfile) => signInStored({ kind: 'local-profile', profileId: profile.id })}
            />
          )}

          {consent && appInfo?.rememberedAuthKey && !forgotten && (
            <p>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy}
                onClick={() => signInStored({ kind: 'remembered' })}
              >
                {t('wizard:token.useRemembered')}
              </button>{' '}
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  void callSafely(() => doctorApi()['credentials:forget']({})).then(() => {
                    setForgotten(true);
                    void refreshAppInfo();
                  })
                }
              >
                {t('wizard:token.forget')}
              </button>
            </p>
          )}
        </div>
      </div>

      <Disclosure label={t('wizard:token.moreWays')} testId="token-more-sign-in" keepMounted>
        <form
          className="card"
          data-testid="token-sign-in-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (formReady) onSubmit();
          }}
        >
          <fieldset>
            <legend>{t('wizard:token.signInWith')}</legend>
            <label>
              <input
                type="radio"
                name="token-mode"
                checked={mode === 'password'}
                onChange={() => setMode('password')}
              />{' '}
              {t('wizard:token.modePassword')}
            </label>{' '}
            <label>
              <input
                type="radio"
                name="token-mode"
                checked={mode === 'auth-key'}
                onChange={() => setMode('auth-key')}
              />{' '}
              {t('wizard:token.modeAuthKey')}
            </label>
          </fieldset>
          {mode === 'password' ? (
            <>
              <label htmlFor="token-email">{t('wizard:token.email')}</label>
              <input
                id="token-email"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
              <label htmlFor="token-password">{t('wizard:token.password')}</label>
              <input
                id="token-password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </>
          ) : (
            <>
              <label htmlFor="token-auth-key">{t('wizard:token.authKey')}</label>
              <input
                id="token-auth-key"
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={authKey}
                onChange={(event) => setAuthKey(event.target.value)}
              />
            </>
          )}
          <label>
            <input
              type="checkbox"
              checked={remember && canRemember}
              disabled={!canRemember}
              onChange={(event) => setRemember(event.target.checked)}
            />{' '}
            {t('wizard:token.remember')}
          </label>
          {!canRemember && storage && (
            <p className="small muted" data-testid="remember-unavailable">
              {t('wizard:token.rememberUnavailable', {
                reason: storage.reason ?? t('wizard:token.storeUnsafe', { backend: storage.backend }),
              })}
            </p>
          )}
          {!consent && <p className="small muted">{t('wizard:token.agreeFirst')}</p>}
          <button type="submit" className="button button-secondary" disabled={busy || !formReady}>
            {t('wizard:token.submit')}
          </button>
        </form>
      </Disclosure>
    </div>
  );
}
