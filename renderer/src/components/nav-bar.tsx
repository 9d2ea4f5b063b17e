import type { ReactNode } from 'react';
import { useTr } from '../i18n/use-tr';
import { WIZARD_PAGES, pageTitleKey } from '../lib/pages';
import { useWizard } from '../store/use-wizard';

/** Back / (middle actions) / Next, in focus order; Next names the page it leads to and is the page's one primary action. */
export function NavBar({
  children,
  primaryNext = true,
}: {
  readonly children?: ReactNode;
  readonly primaryNext?: boolean;
}) {
  const { t } = useTr();
  const page = useWizard((s) => s.page);
  const back = useWizard((s) => s.back);
  const next = useWizard((s) => s.next);
  const index = WIZARD_PAGES.indexOf(page);
  const previous = WIZARD_PAGES[index - 1];
  const following = WIZARD_PAGES[index + 1];
  return (
    <div className="nav-bar">
      {previous ? (
        <button type="button" className="button button-ghost" data-testid="back" onClick={back}>
          <span aria-hidden="true">←</span> {t('wizard:nav.back')}
        </button>
      ) : (
        <span />
      )}
      <div className="nav-actions">
        {children}
        {following && (
          <button
            type="button"
            className={primaryNext ? 'button button-primary' : 'button button-secondary'}
            data-testid="next"
            onClick={next}
          >
            {t('wizard:nav.next', { page: t(pageTitleKey(following)) })} <span aria-hidden="true">→</span>
          </button>
        )}
      </div>
    </div>
  );
}
