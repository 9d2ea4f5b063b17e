import { useState } from 'react';
import type { AppInfo, Credentials } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { secretStorageText } from '../lib/answer-reason-text';

/** What the form sends: the credentials and whether to remember the auth key. */
export interface CredentialsSubmit {
  readonly credentials: Credentials;
  readonly remember: boolean;
}

/**
 * The third way in: e-mail and password, or an auth key. The password lives only in this form until it is
 * sent, and is cleared at once. While "Sign in and check" cannot be pressed, the form says why.
 */
export function TokenCredentialsForm({
  appInfo,
  consent,
  busy,
  mode,
  onMode,
  onSubmit,
}: {
  readonly appInfo: AppInfo | null;
  readonly consent: boolean;
  readonly busy: boolean;
  readonly mode: 'password' | 'auth-key';
  readonly onMode: (mode: 'password' | 'auth-key') => void;
  readonly onSubmit: (submit: CredentialsSubmit) => void;
}) {
  const { t } = useTr();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [authKey, setAuthKey] = useState('');
  const [remember, setRemember] = useState(false);
  const storage = appInfo?.secretStorage;
  const canRemember = Boolean(storage?.available);
  const filled = mode === 'password' ? email.trim().length >= 3 && password.length > 0 : authKey.trim().length >= 8;
  const ready = consent && filled;
  const submit = () => {
    const credentials: Credentials =
      mode === 'password'
        ? { kind: 'password', email: email.trim(), password }
        : { kind: 'auth-key', authKey: authKey.trim() };
    setPassword('');
    setAuthKey('');
    onSubmit({ credentials, remember: remember && canRemember });
  };
  return (
    <form
      className="card"
      data-testid="token-sign-in-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) submit();
      }}
    >
      <fieldset>
        <legend>{t('wizard:token.signInWith')}</legend>
        <label>
          <input type="radio" name="token-mode" checked={mode === 'password'} onChange={() => onMode('password')} />{' '}
          {t('wizard:token.modePassword')}
        </label>{' '}
        <label>
          <input type="radio" name="token-mode" checked={mode === 'auth-key'} onChange={() => onMode('auth-key')} />{' '}
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
            reason: secretStorageText(storage, t),
          })}
        </p>
      )}
      {!consent && <p className="small muted">{t('wizard:token.agreeFirst')}</p>}
      <button type="submit" className="button button-secondary" disabled={busy || !ready}>
        {t('wizard:token.submit')}
      </button>
    </form>
  );
}
