import type { StepName } from '../../../shared/steps';
import { STEP_NAMES } from '../../../shared/steps';
import { CheckRowView } from '../components/check-row';
import { Disclosure } from '../components/disclosure';
import { FindingCard } from '../components/finding-card';
import { NavBar } from '../components/nav-bar';
import { PageHeading } from '../components/page-heading';
import { PanelSlot } from '../components/panel-slot';
import { RunStatus } from '../components/run-status';
import { useTr } from '../i18n/use-tr';
import { STEP_INFO } from '../lib/step-info';
import { ownStepView, type CheckRow } from '../store/step-run';
import { useStepRun, useWizard } from '../store/use-wizard';

/** Steps whose own panel is the page's one primary action (Token: analyse the pasted address); Next steps back. */
const PANEL_LEADS: ReadonlySet<StepName> = new Set(['token']);

/** A diagnostic step: intro, live check rows, the step's findings with their fixes, its panels, and navigation. */
export function StepPage({ step }: { readonly step: StepName }) {
  const { t } = useTr();
  const run = ownStepView(useStepRun(step), step);
  const rerunStep = useWizard((s) => s.rerunStep);
  const cancelStep = useWizard((s) => s.cancelStep);
  const busy = run.status === 'running' || run.status === 'waiting';
  const findings = run.report?.findings ?? [];
  const stepName = t(`common:step.${step}`);
  // Before a sign-in the Token step's account checks are all skipped: their list is support detail, not the
  // page's opening (the panel's invitation is).
  const allSkipped = !busy && run.rows.length > 0 && run.rows.every(isSkipped);
  const list = (
    <ul className="check-list" aria-busy={busy} aria-label={t('wizard:step.checksLabel', { step: stepName })}>
      {run.rows.map((row) => (
        <CheckRowView key={row.id} row={row} />
      ))}
    </ul>
  );
  return (
    <section className="page step" aria-labelledby="page-title" data-step={step}>
      <p className="eyebrow">
        {t('wizard:step.position', { n: STEP_NAMES.indexOf(step) + 1, count: STEP_NAMES.length })}
      </p>
      <PageHeading>{stepName}</PageHeading>
      <p className="lead">{t(STEP_INFO[step].intro)}</p>
      <RunStatus step={step} run={run} />
      <PanelSlot page={step} placement="before-checks" />
      {findings.length > 0 && (
        <>
          <h3 className="section-title">{t('wizard:step.findings', { count: findings.length })}</h3>
          <div className="findings">
            {findings.map((finding) => (
              <FindingCard key={finding.problem} finding={finding} />
            ))}
          </div>
        </>
      )}
      {run.rows.length > 0 &&
        (allSkipped && PANEL_LEADS.has(step) ? (
          <Disclosure label={t('wizard:step.skippedChecks', { count: run.rows.length })} testId="skipped-checks">
            {list}
          </Disclosure>
        ) : (
          <>
            <h3 className="section-title">{t('wizard:step.checks')}</h3>
            {list}
          </>
        ))}
      <PanelSlot page={step} placement="after-checks" />
      <NavBar primaryNext={!PANEL_LEADS.has(step)}>
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

function isSkipped(row: CheckRow): boolean {
  return row.state === 'done' && row.result.verdict === 'skipped';
}
