import { useWizard } from '../store/use-wizard';
import { PageHeading } from '../components/page-heading';
import { GlobeIcon, KeyIcon, LockIcon } from '../components/icons';
import { useTr } from '../i18n/use-tr';

/** The first page: what the tool does, for whom, and the privacy promise. */
export function WelcomePage() {
  const { t } = useTr();
  const next = useWizard((s) => s.next);
  return (
    <section className="page welcome" aria-labelledby="page-title">
      <PageHeading>{t('wizard:welcome.title')}</PageHeading>
      <p className="lead">{t('wizard:welcome.lead')}</p>
      <div className="cards">
        <div className="card">
          <h3>{t('wizard:welcome.whatHappens')}</h3>
          <ol className="plain-steps">
            <li>{t('wizard:welcome.happens1')}</li>
            <li>{t('wizard:welcome.happens2')}</li>
            <li>{t('wizard:welcome.happens3')}</li>
          </ol>
        </div>
        <div className="card privacy">
          <h3>{t('wizard:welcome.privacy')}</h3>
          <ul className="promise">
            <li>
              <LockIcon /> <span>{t('wizard:welcome.privacyUpload')}</span>
            </li>
            <li>
              <KeyIcon /> <span>{t('wizard:welcome.privacyPassword')}</span>
            </li>
            <li>
              <GlobeIcon /> <span>{t('wizard:welcome.privacyHosts')}</span>
            </li>
          </ul>
        </div>
      </div>
      <p className="muted">{t('wizard:welcome.unofficial')}</p>
      <div className="nav-bar">
        <span />
        <button type="button" className="button button-primary" data-testid="start" onClick={next}>
          {t('wizard:welcome.start')} <span aria-hidden="true">→</span>
        </button>
      </div>
    </section>
  );
}
