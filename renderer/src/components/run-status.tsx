import type { StepName } from '../../../shared/steps';
import { useTr } from '../i18n/use-tr';
import { STEP_INFO } from '../lib/step-info';
import { runErrorText } from '../lib/run-error';
import type { StepRun } from '../store/step-run';

/** Counts of a run's finished rows by verdict. */
function tally(run: StepRun) {
  const done = run.rows.flatMap((r) => (r.state === 'done' ? [r.result.verdict] : []));
  const count = (v: string) => done.filter((d) => d === v).length;
  return {
    done: done.length,
    total: run.rows.length,
    fail: count('fail'),
    warn: count('warn'),
    error: count('error'),
    skipped: count('skipped'),
  };
}

/**
 * The step's status line: progress while running, a plain verdict when done. Not a live region itself: the
 * window's one live region (live-region.tsx) announces finished checks and steps.
 */
export function RunStatus({ step, run }: { readonly step: StepName; readonly run: StepRun }) {
  const { t } = useTr();
  const c = tally(run);
  const stepName = t(`common:step.${step}`);
  let text: string;
  let tone = 'neutral';
  if (run.status === 'idle')
    text = run.cancelled
      ? t('wizard:run.cancelledBeforeStart')
      : t('wizard:run.idle', { checks: t(STEP_INFO[step].checks) });
  else if (run.status === 'waiting') text = t('wizard:run.waiting');
  else if (run.status === 'running')
    text = run.cancelled ? t('wizard:run.cancelling') : t('wizard:run.progress', { done: c.done, count: c.total });
  else if (run.status === 'failed') {
    tone = 'bad';
    text = t('wizard:run.failed', {
      step: stepName,
      error: run.error ? runErrorText(run.error, t) : t('wizard:run.unknownError'),
    });
  } else {
    const findings = run.report?.findings ?? [];
    const problems = findings.filter((f) => f.severity !== 'info').length;
    const notes = findings.length - problems;
    const ran = c.done - c.skipped;
    const noteText = notes > 0 ? ` ${t('wizard:run.notes', { count: notes })}` : '';
    if (run.cancelled) text = t('wizard:run.cancelled', { count: c.done });
    else if (problems > 0) {
      tone = 'bad';
      text = t('wizard:run.problems', { count: problems });
    } else if (ran === 0 && step === 'token') {
      // Nothing ran because nothing is signed in: an invitation, not a grey wall of "skipped".
      tone = 'neutral';
      text = t('wizard:run.tokenInvite');
    } else if (ran === 0) {
      tone = 'warn';
      text = `${t('wizard:run.allSkipped', { count: c.done })}${noteText || ` ${t('wizard:run.eachRowSaysWhy')}`}`;
    } else if (c.error > 0) {
      tone = 'warn';
      text = `${t('wizard:run.doneButErrors', { count: c.error })}${noteText}`;
    } else if (c.warn > 0) {
      tone = 'warn';
      text = `${t('wizard:run.doneButWarnings', { count: c.warn })}${noteText}`;
    } else {
      tone = 'good';
      text = `${c.skipped > 0 ? t('wizard:run.fineSomeSkipped', { count: ran, skipped: c.skipped }) : t('wizard:run.allFine', { count: ran })}${noteText}`;
    }
  }
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
          aria-valuemax={Math.max(c.total, 1)}
          aria-valuenow={c.done}
          aria-valuetext={t('wizard:run.progressValue', { done: c.done, count: c.total })}
        >
          <div className="progress-bar indeterminate" />
        </div>
      )}
    </div>
  );
}
