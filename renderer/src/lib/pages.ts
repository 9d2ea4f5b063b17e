import { STEP_NAMES, type StepName } from '../../../shared/steps';

/** A page of the wizard: the welcome, one per diagnostic step (shared/steps.ts), and the summary. */
export type WizardPage = 'welcome' | StepName | 'summary';

/** Every page in order (docs/architecture.md "Surfaces"). */
export const WIZARD_PAGES: readonly WizardPage[] = ['welcome', ...STEP_NAMES, 'summary'];

/** The key of a page's title. */
type PageTitleKey = 'wizard:page.welcome' | 'wizard:page.summary' | `common:step.${StepName}`;

/** The key of the title shown in the stepper and the page heading (steps: `common:step.*`). */
export function pageTitleKey(page: WizardPage): PageTitleKey {
  if (page === 'welcome') return 'wizard:page.welcome';
  if (page === 'summary') return 'wizard:page.summary';
  return `common:step.${page}`;
}

/** True when the page is a diagnostic step (it runs checks). */
export function isStepPage(page: WizardPage): page is StepName {
  return page !== 'welcome' && page !== 'summary';
}
