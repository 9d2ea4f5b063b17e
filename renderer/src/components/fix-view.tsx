import { useState, type ReactNode } from 'react';
import type { Fix, FixAction } from '../../../shared/report';
import { useTr } from '../i18n/use-tr';
import { fixButtons } from '../lib/fix-buttons';
import { ipcErrorText } from '../lib/ipc-error-text';
import { pageTitleKey } from '../lib/pages';
import { useWizard } from '../store/use-wizard';
import type { OpenUrlOutcome } from '../store/wizard-store';

/** The label of a fix's action: the catalog's, else "Open <host>" or "Run <step> again". */
function actionLabel(action: FixAction, t: ReturnType<typeof useTr>['t']): string {
  if (action.label) return action.label;
  return action.kind === 'open-url'
    ? t('wizard:fix.open', { host: hostOf(action.url) ?? t('wizard:fix.thePage') })
    : t('wizard:fix.rerun', { step: t(pageTitleKey(action.step)) });
}

/** The fix's one safe action as a button (open an allow-listed URL, or re-run a step), with what it did. */
function FixActionButton({ action }: { readonly action: FixAction }) {
  const { t } = useTr();
  const openUrl = useWizard((s) => s.openUrl);
  const rerunStep = useWizard((s) => s.rerunStep);
  const goTo = useWizard((s) => s.goTo);
  const page = useWizard((s) => s.page);
  const [outcome, setOutcome] = useState<OpenUrlOutcome | null>(null);
  const onAction = async () => {
    if (action.kind === 'open-url') {
      setOutcome(null);
      setOutcome(await openUrl(action.url));
    } else {
      if (page !== action.step) goTo(action.step);
      void rerunStep(action.step);
    }
  };
  return (
    <div className="fix-action">
      <button
        type="button"
        className="button button-secondary"
        data-action={action.kind}
        onClick={() => void onAction()}
      >
        {actionLabel(action, t)}
        {action.kind === 'open-url' && <span aria-hidden="true"> ↗</span>}
      </button>
      {outcome && (
        <span role="status" className={outcome.opened ? 'fix-feedback ok' : 'fix-feedback refused'}>
          {outcome.opened
            ? t('wizard:fix.opened')
            : t('wizard:fix.notOpened', { reason: ipcErrorText(outcome.error, t) })}
        </span>
      )}
    </div>
  );
}

/**
 * Under an "export the bundle" step away from the export itself: the way to it (the Summary; on the Summary,
 * its one export button further down).
 */
function ToSummaryButton() {
  const { t } = useTr();
  const goTo = useWizard((s) => s.goTo);
  const page = useWizard((s) => s.page);
  const onClick = () => {
    if (page !== 'summary') return goTo('summary');
    const button = document.querySelector<HTMLElement>('[data-testid="bundle-export-button"]');
    button?.scrollIntoView({ block: 'center' });
    button?.focus();
  };
  return (
    <div className="fix-action">
      <button type="button" className="button button-secondary" data-action="to-bundle" onClick={onClick}>
        {t('wizard:fix.toBundle')}
      </button>
    </div>
  );
}

/**
 * A fix as one sequence: its title and every numbered step, each button under the step it belongs to (the
 * fix's action; the bundle export where a step says to send it). `bundle` is the export itself (the Summary);
 * elsewhere that step leads to the Summary. `children` go under the whole fix (room for a follow-up action).
 */
export function FixView({
  fix,
  problem,
  variant,
  bundle,
  children,
}: {
  readonly fix: Fix;
  /** The finding's problem code: places the buttons among the steps. */
  readonly problem?: string;
  /** The catalog wording the finding's evidence chose (its steps differ from the default's). */
  readonly variant?: string;
  readonly bundle?: ReactNode;
  readonly children?: ReactNode;
}) {
  const { t } = useTr();
  const place = problem ? fixButtons(problem, fix, variant) : { action: fix.steps.length - 1, bundle: null };
  const action = fix.action;
  const under = (index: number) => (
    <>
      {action && place.action === index && <FixActionButton action={action} />}
      {place.bundle === index && (bundle ?? <ToSummaryButton />)}
    </>
  );
  return (
    <div className="fix" data-testid="fix">
      <h4 className="fix-title">{t('wizard:fix.howTo', { title: fix.title })}</h4>
      {fix.steps.length > 0 && (
        <ol className="fix-steps">
          {fix.steps.map((step, i) => (
            <li key={i}>
              <span className="fix-step-text">{step}</span>
              {under(i)}
            </li>
          ))}
        </ol>
      )}
      {action && (fix.steps.length === 0 || place.action === null) && <FixActionButton action={action} />}
      {children}
    </div>
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
