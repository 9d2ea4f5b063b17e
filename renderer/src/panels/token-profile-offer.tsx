import type { LocalProfile } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { profileUnreadableText } from '../lib/answer-reason-text';

/** The Stremio profiles found on this computer: offers "use the account Stremio is signed in with", says plainly which cannot be read. */
export function TokenProfileOffer({
  profiles,
  busy,
  onUse,
}: {
  readonly profiles: readonly LocalProfile[];
  readonly busy: boolean;
  readonly onUse: (profile: LocalProfile) => void;
}) {
  const { t } = useTr();
  if (profiles.length === 0) return null;
  return (
    <div data-testid="token-profiles">
      <ul className="plain-steps">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <strong>{profile.shell}</strong>{' '}
            {profile.readable && profile.signedIn && (
              <button type="button" className="button button-secondary" disabled={busy} onClick={() => onUse(profile)}>
                {t('wizard:token.useProfile')}
              </button>
            )}
            {profile.readable && !profile.signedIn && <span className="muted">{t('wizard:token.signedOut')}</span>}
            {!profile.readable && (
              <span className="muted">
                {t('wizard:token.unreadable', { reason: profileUnreadableText(profile, t) })}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="small muted">{t('wizard:token.profileReadOnly')}</p>
    </div>
  );
}
