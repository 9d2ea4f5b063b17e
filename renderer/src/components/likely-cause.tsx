import type { ReactNode } from 'react';
import type { Finding } from '../../../shared/report';
import { useTr } from '../i18n/use-tr';
import { FindingCard } from './finding-card';

/** The Summary's opening: the most likely cause and the whole fix for it, every step with its button in place. */
export function LikelyCause({ finding, bundle }: { readonly finding: Finding; readonly bundle?: ReactNode }) {
  const { t } = useTr();
  return (
    <section className="likely-cause" data-testid="likely-cause" data-likely-cause={finding.problem}>
      <h3 className="section-title">
        {finding.severity === 'info' ? t('wizard:summary.firstNote') : t('wizard:summary.likelyCause')}
      </h3>
      <FindingCard finding={finding} bundle={bundle} />
    </section>
  );
}
