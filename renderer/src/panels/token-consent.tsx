import { useTr } from '../i18n/use-tr';

/** Exactly which requests the Token, Revoked-access and Scrobbling steps make with the user's sign-in (docs/architecture.md "Privacy"). */
export function TokenConsentText({ method }: { readonly method: 'password' | 'auth-key' | 'stored' }) {
  const { t } = useTr();
  return (
    <div className="notice privacy" data-testid="token-consent">
      <p>{t('wizard:consent.intro')}</p>
      <ol className="plain-steps">
        {method === 'password' ? (
          <li>
            <code>POST https://api.strem.io/api/login</code> — {t('wizard:consent.login')}
          </li>
        ) : (
          <li>
            <code>POST https://api.strem.io/api/getUser</code> —{' '}
            {method === 'auth-key' ? t('wizard:consent.getUserAuthKey') : t('wizard:consent.getUserStored')}
          </li>
        )}
        <li>
          <code>GET https://www.strem.io/trakt/auth/&lt;{t('wizard:consent.accountId')}&gt;</code> —{' '}
          {t('wizard:consent.traktAuth')}
        </li>
        <li>
          <code>GET https://api.trakt.tv/users/settings</code> — {t('wizard:consent.usersSettings')}
        </li>
        <li>
          <code>POST https://api.strem.io/api/addonCollectionGet</code>,{' '}
          <code>POST https://api.strem.io/api/datastoreGet</code>,{' '}
          <code>GET https://api.trakt.tv/users/me/history</code>,{' '}
          <code>GET https://api.trakt.tv/sync/last_activities</code> — {t('wizard:consent.scrobbling')}
        </li>
        <li>
          <code>POST https://api.strem.io/api/events</code> — {t('wizard:consent.events')}
        </li>
        <li>{t('wizard:consent.cache')}</li>
        <li>
          <code>GET https://api.trakt.tv/users/me/watching</code> — {t('wizard:consent.closedLoop')}
        </li>
      </ol>
      <p className="small muted">{t('wizard:consent.never')}</p>
    </div>
  );
}
