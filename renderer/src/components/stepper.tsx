import { memo } from 'react';
import { STEP_NAMES } from '../../../shared/steps';
import { useTr } from '../i18n/use-tr';
import { LEVEL_ICONS, LEVEL_KEYS } from '../lib/levels';
import { WIZARD_PAGES, isStepPage, pageTitleKey, type WizardPage } from '../lib/pages';
import { stepState, type StepState } from '../lib/step-state';
import { useWizard } from '../store/use-wizard';
import type { MessageKey } from '../../../shared/i18n/message';

/** The words of the states that are not levels (a run in progress or that could not run). */
const RUN_STATE_KEYS = {
  'not-run': 'wizard:outcome.notRun',
  waiting: 'wizard:outcome.waiting',
  running: 'wizard:outcome.running',
  failed: 'wizard:outcome.failed',
} as const satisfies Readonly<Record<string, MessageKey>>;

/** A state's word: the level vocabulary of the badges and cards, or the run state's. */
function stateKey(
  state: StepState,
): (typeof RUN_STATE_KEYS)[keyof typeof RUN_STATE_KEYS] | (typeof LEVEL_KEYS)[keyof typeof LEVEL_KEYS] {
  return state in RUN_STATE_KEYS
    ? RUN_STATE_KEYS[state as keyof typeof RUN_STATE_KEYS]
    : LEVEL_KEYS[state as keyof typeof LEVEL_KEYS];
}

/** What a page's dot shows: the step's number (the same as its page's "Step n of 6"), or its state's icon. */
function dotOf(page: WizardPage, state: StepState | null): string {
  if (!isStepPage(page)) return page === 'welcome' ? '•' : '≡';
  const number = String(STEP_NAMES.indexOf(page) + 1);
  if (state === null || state === 'not-run' || state === 'running') return number;
  if (state === 'waiting') return '…';
  if (state === 'failed') return '?';
  return LEVEL_ICONS[state];
}

/** The stepper: every page, where you are (aria-current) and each step's state; any page can be opened. */
export function Stepper() {
  const { t } = useTr();
  const page = useWizard((s) => s.page);
  const steps = useWizard((s) => s.steps);
  const goTo = useWizard((s) => s.goTo);
  return (
    <nav className="stepper" aria-label={t('wizard:nav.steps')}>
      <ol>
        {WIZARD_PAGES.map((p) => (
          <StepperItem
            key={p}
            page={p}
            state={isStepPage(p) ? stepState(p, steps[p]) : null}
            current={p === page}
            goTo={goTo}
          />
        ))}
      </ol>
    </nav>
  );
}

/** One page of the stepper; re-rendered only when its own state or currency changes (opening a page touches two). */
const StepperItem = memo(function StepperItem({
  page,
  state,
  current,
  goTo,
}: {
  readonly page: WizardPage;
  readonly state: StepState | null;
  readonly current: boolean;
  readonly goTo: (page: WizardPage) => void;
}) {
  const { t } = useTr();
  return (
    <li className={current ? 'current' : undefined}>
      <button
        type="button"
        className="stepper-item"
        data-page={page}
        data-outcome={state ?? undefined}
        aria-current={current ? 'step' : undefined}
        onClick={() => goTo(page)}
      >
        <span
          className={`stepper-dot outcome-${state ?? 'page'}`}
          aria-hidden="true"
          data-number={isStepPage(page) ? STEP_NAMES.indexOf(page) + 1 : undefined}
        >
          {state === 'running' ? <span className="spinner" /> : dotOf(page, state)}
        </span>
        <span className="stepper-label">
          {t(pageTitleKey(page))}
          {state && <span className="stepper-state">{t(stateKey(state))}</span>}
        </span>
      </button>
    </li>
  );
});
