import type { ReactNode } from 'react';
import { useTr } from '../i18n/use-tr';
import { Disclosure } from './disclosure';

/**
 * "Technical details": where timings, check ids, protocol layers, headers and English support text wait
 * (docs/i18n.md "The window"). `data-technical` marks it for the language tests: only here may a page show
 * text that stays English by design.
 */
export function TechnicalDetails({ children, testId }: { readonly children: ReactNode; readonly testId?: string }) {
  const { t } = useTr();
  return (
    <div className="technical-details" data-technical="">
      <Disclosure label={t('wizard:technical.title')} testId={testId ?? 'technical-details'} keepMounted>
        {children}
      </Disclosure>
    </div>
  );
}
