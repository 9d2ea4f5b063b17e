import type { AppInfo, LocalProfile } from '../../../shared/ipc';
import { Disclosure } from '../components/disclosure';
import { useTr } from '../i18n/use-tr';
import { TokenConsentText } from './token-consent';
import { TokenProfileOffer } from './token-profile-offer';

/**
 * The second way in: the sign-in Stremio keeps on this computer (or a remembered one), after consent to the
 * exact requests. The consent also covers the third way (e-mail and password, or an auth key).
 */
export function TokenLocalSignIn({
  appInfo,
  profiles,
  consent,
  onConsent,
  method,
  busy,
  onUseProfile,
  onUseRemembered,
  onForget,
}: {
  readonly appInfo: AppInfo | null;
  readonly profiles: readonly LocalProfile[];
  readonly consent: boolean;
  readonly onConsent: (agreed: boolean) => void;
  /** How the account would be read (which requests the consent text lists). */
  readonly method: 'password' | 'auth-key';
  readonly busy: boolean;
  readonly onUseProfile: (profile: LocalProfile) => void;
  readonly onUseRemembered: () => void;
  /** Forgets the remembered sign-in; absent once forgotten. */
  readonly onForget: (() => void) | null;
}) {
  const { t } = useTr();
  return (
    <div className="fast-path" data-testid="token-local">
      <p className="small muted">{t('wizard:token.localHint')}</p>
      <label>
        <input type="checkbox" checked={consent} onChange={(event) => onConsent(event.target.checked)} />{' '}
        {t('wizard:token.agree')}
      </label>
      <Disclosure label={t('wizard:token.whichRequests')} keepMounted>
        <TokenConsentText method={method} />
      </Disclosure>
      {consent && <TokenProfileOffer profiles={profiles} busy={busy} onUse={onUseProfile} />}
      {consent && appInfo?.rememberedAuthKey && onForget && (
        <p>
          <button type="button" className="button button-secondary" disabled={busy} onClick={onUseRemembered}>
            {t('wizard:token.useRemembered')}
          </button>{' '}
          <button type="button" className="link-button" onClick={onForget}>
            {t('wizard:token.forget')}
          </button>
        </p>
      )}
    </div>
  );
}
