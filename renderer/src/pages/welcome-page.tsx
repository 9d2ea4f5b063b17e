import { useState } from 'react';
import { useWizard } from '../store/use-wizard';
import { PageHeading } from '../components/page-heading';
import { GlobeIcon, KeyIcon, LockIcon } from '../components/icons';
import { useTr } from '../i18n/use-tr';
import { SYMPTOMS, type Symptom } from '../lib/symptoms';
import type { MessageKey } from '../../../shared/i18n/message';

/** The words of each answer to "What happened?". */
const SYMPTOM_KEYS = {
  'auth-error': 'wizard:welcome.symptomAuthError',
  stopped: 'wizard:welcome.symptomStopped',
  scrobbles: 'wizard:welcome.symptomScrobbles',
  everything: 'wizard:welcome.symptomEverything',
} as const satisfies Readonly<Record<Symptom, MessageKey>>;

/**
 * The first page: what happened (it picks the step that answers it first; Start still runs every step ahead),
 * and the privacy promise. Kept light: it is the first paint.
 */
export function WelcomePage() {
  const { t } = useTr();
  const begin = useWizard((s) => s.begin);
  const [symptom, setSymptom] = useState<Symptom>('everything');
  return (
    <section className="page welcome" aria-labelledby="page-title">
      <PageHeading>{t('wizard:welcome.title')}</PageHeading>
      <p className="lead">{t('wizard:welcome.lead')}</p>
      <form
        className="card symptoms"
        onSubmit={(event) => {
          event.preventDefault();
          begin(symptom);
        }}
      >
        <fieldset>
          <legend>
            <h3>{t('wizard:welcome.whatHappened')}</h3>
          </legend>
          {SYMPTOMS.map((s) => (
            <label key={s} className="symptom" data-symptom={s}>
              <input type="radio" name="symptom" value={s} checked={symptom === s} onChange={() => setSymptom(s)} />{' '}
              {t(SYMPTOM_KEYS[s])}
            </label>
          ))}
        </fieldset>
        <p className="small muted">{t('wizard:welcome.runsAll')}</p>
        <div className="nav-bar">
          <span />
          <button type="submit" className="button button-primary" data-testid="start">
            {t('wizard:welcome.start')} <span aria-hidden="true">→</span>
          </button>
        </div>
      </form>
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
      <p className="muted small">{t('wizard:welcome.unofficial')}</p>
    </section>
  );
}
