import type { StepName } from '../../../shared/steps';
import { useTr } from '../i18n/use-tr';
import { STEP_INFO } from '../lib/step-info';
import { ipcErrorText } from '../lib/ipc-error-text';
import type { StepView } from '../lib/step-view';
import type { StepRun } from '../store/step-run';

/** The status sentence of a finished step with something to report, and its tone. */
function reportText(view: StepView, t: ReturnType<typeof useTr>['t']): { text: string; tone: string } {
  // The words of the sidebar and the cards: a critical finding is a problem, a warning is a warning.
  const problems = view.findings.filter((f) => f.severity === 'critical').length;
  const warnings = view.findings.filter((f) => f.severity === 'warning').length;
  const count = (verdict: string) => view.attention.filter((r) => r.result.verdict === verdict).length;
  if (problems > 0) return { text: t('wizard:run.problems', { count: problems }), tone: 'bad' };
  if (warnings > 0) return { text: t('wizard:run.warnings', { count: warnings }), tone: 'warn' };
  if (count('fail') > 0) return { text: t('wizard:run.checksFailed', { count: count('fail') }), tone: 'bad' };
  if (count('error') > 0) return { text: t('wizard:run.doneButErrors', { count: count('error') }), tone: 'warn' };
  if (count('warn') > 0) return { text: t('wizard:run.doneButWarnings', { count: count('warn') }), tone: 'warn' };
  if (view.findings.length > 0)
    return { text: t('wizard:run.notes', { count: view.findings.length }), tone: 'neutral' };
  return { text: t('wizard:run.allSkipped', { count: view.skipped.length + view.signIn.length }), tone: 'warn' };
}

/**
 * The step's status line: progress while running, why it could not run, or (finished) what it found in one
 * sentence. Not a live region itself: the window's one live region (live-region.tsx) announces finished
 * checks and steps.
 */
export function RunStatus({
  step,
  run,
  view,
}: {
  readonly step: StepName;
  readonly run: StepRun;
  readonly view: StepView;
}) {
  const { t } = useTr();
  const stepName = t(`common:step.${step}`);
  const done = run.rows.filter((r) => r.state === 'done').length;
  let text: string;
  let tone = 'neutral';
  if (run.status === 'idle')
    text = run.cancelled
      ? t('wizard:run.cancelledBeforeStart')
      : t('wizard:run.idle', { checks: t(STEP_INFO[step].checks) });
  else if (run.status === 'waiting') text = t('wizard:run.waiting');
  else if (run.status === 'running')
    text = run.cancelled ? t('wizard:run.cancelling') : t('wizard:run.progress', { done, count: run.rows.length });
  else if (run.status === 'failed') {
    tone = 'bad';
    text = t('wizard:run.failed', {
      step: stepName,
      error: run.error ? ipcErrorText(run.error, t) : t('wizard:run.unknownError'),
    });
  } else if (run.cancelled) text = t('wizard:run.cancelled', { count: done });
  else ({ text, tone } = reportText(view, t));
  const running = run.status === 'running' || run.status === 'waiting';
  return (
    <div className={`run-status tone-${tone}`} data-status={run.status}>
      <p className="run-status-text" data-testid="run-status-text">
        {text}
      </p>
      {running && (
        <div
          className="progress"
          role="progressbar"
          aria-label={t('wizard:run.progressLabel', { step: stepName })}
          aria-valuemin={0}
          aria-valuemax={Math.max(run.rows.length, 1)}
          aria-valuenow={done}
          aria-valuetext={t('wizard:run.progressValue', { done, count: run.rows.length })}
        >
          <div className="progress-bar indeterminate" />
        </div>
      )}
    </div>
  );
}
