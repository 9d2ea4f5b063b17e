import type { StepName } from '../../../shared/steps';
import { STEP_NAMES } from '../../../shared/steps';
import { CheckRowView } from '../components/check-row';
import { NavBar } from '../components/nav-bar';
import { PageHeading } from '../components/page-heading';
import { PanelSlot } from '../components/panel-slot';
import { StepResult, resultLead } from '../components/step-result';
import { TechnicalDetails } from '../components/technical-details';
import { useTr } from '../i18n/use-tr';
import { stepAnswered } from '../lib/step-answered';
import { STEP_INFO } from '../lib/step-info';
import { stepView } from '../lib/step-view';
import { ownStepView } from '../store/step-run';
import { useStepRun, useWizard } from '../store/use-wizard';

/**
 * A diagnostic step (docs/architecture.md "Surfaces"): one outcome and one primary action. The result leads
 * (findings with their fixes, or the one passing verdict), the rest is one line each (waiting for the
 * sign-in, skipped, passed), and every row with its timing and id waits under "Technical details".
 */
export function StepPage({ step }: { readonly step: StepName }) {
  const { t } = useTr();
  const run = ownStepView(useStepRun(step), step);
  const rerunStep = useWizard((s) => s.rerunStep);
  const cancelStep = useWizard((s) => s.cancelStep);
  const busy = run.status === 'running' || run.status === 'waiting';
  const view = stepView(step, run.rows, run.report?.findings ?? []);
  const answered = stepAnswered(run);
  const stepName = t(`common:step.${step}`);
  // The page's own primary action: the Token step's ways in, or "Go to Token" where everything waits for it.
  const ownPrimary = (step === 'token' && !answered) || resultLead(run, view) === 'sign-in';
  return (
    <section className="page step" aria-labelledby="page-title" data-step={step}>
      <p className="eyebrow" data-testid="step-position">
        {t('wizard:step.position', { n: STEP_NAMES.indexOf(step) + 1, count: STEP_NAMES.length })}
      </p>
      <PageHeading>{stepName}</PageHeading>
      <p className="lead">{t(STEP_INFO[step].intro)}</p>
      {!answered && <PanelSlot page={step} placement="lead" />}
      <PanelSlot page={step} placement="before-checks" />
      <StepResult step={step} run={run} view={view} />
      {answered && <PanelSlot page={step} placement="lead" />}
      <PanelSlot page={step} placement="after-checks" />
      {run.rows.length > 0 && (
        <TechnicalDetails>
          <ul className="check-list" aria-busy={busy} aria-label={t('wizard:step.checksLabel', { step: stepName })}>
            {run.rows.map((row) => (
              <CheckRowView key={row.id} row={row} technical />
            ))}
          </ul>
          <PanelSlot page={step} placement="technical" />
        </TechnicalDetails>
      )}
      <NavBar primaryNext={!ownPrimary}>
        {busy ? (
          <button
            type="button"
            className="button button-secondary"
            data-testid="cancel"
            onClick={() => void cancelStep(step)}
            disabled={run.cancelled}
          >
            {t('wizard:nav.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            data-testid="rerun"
            onClick={() => void rerunStep(step)}
          >
            {run.status === 'idle' ? t('wizard:nav.run') : t('wizard:nav.rerun')}
          </button>
        )}
      </NavBar>
    </section>
  );
}
