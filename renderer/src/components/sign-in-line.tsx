import { useTr } from '../i18n/use-tr';
import { useWizard } from '../store/use-wizard';

/**
 * "6 checks need your Stremio sign-in → Go to Token": every check waiting for the account said once, with
 * the one action that unblocks them. On the Token step itself the sign-in is right there: no button.
 */
export function SignInLine({
  count,
  onTokenStep,
  primary,
}: {
  readonly count: number;
  readonly onTokenStep: boolean;
  /** The page's primary action (nothing else on the page could run). */
  readonly primary: boolean;
}) {
  const { t } = useTr();
  const goTo = useWizard((s) => s.goTo);
  return (
    <div className={primary ? 'sign-in-line outcome' : 'sign-in-line'} data-testid="sign-in-line">
      <p>{onTokenStep ? t('wizard:signIn.countHere', { count }) : t('wizard:signIn.count', { count })}</p>
      {!onTokenStep && (
        <button
          type="button"
          className={primary ? 'button button-primary' : 'button button-secondary'}
          data-testid="go-to-token"
          onClick={() => goTo('token')}
        >
          {t('wizard:signIn.goToToken', { step: t('common:step.token') })} <span aria-hidden="true">→</span>
        </button>
      )}
    </div>
  );
}
