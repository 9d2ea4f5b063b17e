import { useState } from 'react';
import type { IpcError } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { ipcErrorText } from '../lib/ipc-error-text';

/** Asks for the wizard's own Trakt client id when the build has none (`settings:set-trakt-client-id`). */
export function OAuthClientIdForm({ onSaved }: { readonly onSaved: () => Promise<void> }) {
  const { t } = useTr();
  const [clientId, setClientId] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const save = async () => {
    const answer = await callSafely(() => doctorApi()['settings:set-trakt-client-id']({ clientId: clientId.trim() }));
    setError(answer.ok ? null : answer.error);
    if (answer.ok) await onSaved();
  };
  return (
    <form
      data-testid="oauth-client-id"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <p className="small muted">
        {t('wizard:oauth.noClientId')} <code>http://127.0.0.1:41287/callback</code>
      </p>
      <label htmlFor="oauth-client-id-input">{t('wizard:oauth.clientId')}</label>{' '}
      <input
        id="oauth-client-id-input"
        value={clientId}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => setClientId(event.target.value)}
      />{' '}
      <button type="submit" className="button button-secondary" disabled={clientId.trim().length < 8}>
        {t('wizard:oauth.save')}
      </button>
      {error && (
        <p className="small" role="alert">
          {ipcErrorText(error, t)}
        </p>
      )}
    </form>
  );
}
