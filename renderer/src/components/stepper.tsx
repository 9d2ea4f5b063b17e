import { useTr } from '../i18n/use-tr';
import { WIZARD_PAGES, isStepPage, pageTitleKey, type WizardPage } from '../lib/pages';
import { ownStepView, stepOutcome, type StepOutcome } from '../store/step-run';
import { useWizard } from '../store/use-wizard';
import type { MessageKey } from '../../../shared/i18n/message';

const OUTCOME_KEYS = {
  'not-run': 'wizard:outcome.notRun',
  waiting: 'wizard:outcome.waiting',
  running: 'wizard:outcome.running',
  failed: 'wizard:outcome.failed',
  pass: 'wizard:outcome.pass',
  warn: 'wizard:outcome.warn',
  fail: 'wizard:outcome.fail',
  error: 'wizard:outcome.error',
  skipped: 'wizard:outcome.skipped',
} as const satisfies Readonly<Record<StepOutcome, MessageKey>>;
const OUTCOME_ICON: Readonly<Record<StepOutcome, string>> = {
  'not-run': '',
  waiting: '…',
  running: '',
  failed: '?',
  pass: '✓',
  warn: '!',
  fail: '✕',
  error: '?',
  skipped: '–',
};

/** The stepper: every page, where you are (aria-current) and each step's state; any page can be opened. */
export function Stepper() {
  const { t } = useTr();
  const page = useWizard((s) => s.page);
  const steps = useWizard((s) => s.steps);
  const goTo = useWizard((s) => s.goTo);
  const outcomeOf = (p: WizardPage): StepOutcome | null =>
    isStepPage(p) ? stepOutcome(ownStepView(steps[p], p)) : null;
  return (
    <nav className="stepper" aria-label={t('wizard:nav.steps')}>
      <ol>
        {WIZARD_PAGES.map((p, index) => {
          const outcome = outcomeOf(p);
          const current = p === page;
          return (
            <li key={p} className={current ? 'current' : undefined}>
              <button
                type="button"
                className="stepper-item"
                data-page={p}
                data-outcome={outcome ?? undefined}
                aria-current={current ? 'step' : undefined}
                onClick={() => goTo(p)}
              >
                <span className={`stepper-dot outcome-${outcome ?? 'page'}`} aria-hidden="true">
                  {outcome === 'running' ? (
                    <span className="spinner" />
                  ) : (
                    (outcome && OUTCOME_ICON[outcome]) || index + 1
                  )}
                </span>
                <span className="stepper-label">
                  {t(pageTitleKey(p))}
                  {outcome && <span className="stepper-state">{t(OUTCOME_KEYS[outcome])}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
