import { TOKEN_CHECK_IDS } from '../../../shared/check-details/token';
import { useTr } from '../i18n/use-tr';
import { useStepReport, useWizard } from '../store/use-wizard';
import type { PanelProps } from './panel-types';

/** On a page whose checks read the account (Revoked access, Scrobbling): says they use the Token step's sign-in, and leads there when it is missing. */
export function TokenRevokedNote({ page }: PanelProps) {
  const { t } = useTr();
  const report = useStepReport(page === 'summary' ? 'token' : page);
  const goTo = useWizard((s) => s.goTo);
  const account = report?.checks.find((c) => c.id === TOKEN_CHECK_IDS.stremioAccount);
  if (!account || account.verdict === 'pass') return null;
  return (
    <div className="notice" data-testid="token-revoked-note">
      <p>{t('wizard:token.needsSignIn')}</p>
      <button type="button" className="button button-secondary" onClick={() => goTo('token')}>
        {t('wizard:token.goToToken')}
      </button>
    </div>
  );
}
