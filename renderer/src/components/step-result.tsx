import type { StepName } from '../../../shared/steps';
import { checkSummaryText } from '../../../shared/i18n/report-text';
import { useTr } from '../i18n/use-tr';
import type { Translator } from '../../../shared/i18n/translator';
import { skipReason } from '../lib/skip-reasons';
import type { StepView } from '../lib/step-view';
import type { StepRun } from '../store/step-run';
import { CheckRowView } from './check-row';
import { FindingCard } from './finding-card';
import { FoldedChecks } from './folded-checks';
import { RunStatus } from './run-status';
import { SignInLine } from './sign-in-line';

/**
 * How a finished step opens: with what it found (`status`), with its one passing verdict (`headline`), with the
 * sign-in it waits for, or with the one reason all its checks were skipped for (`skipped`).
 */
export type ResultLead = 'status' | 'headline' | 'sign-in' | 'skipped';

/** Which of these a step's page opens with (see StepResult). */
export function resultLead(run: StepRun, view: StepView): ResultLead {
  if (run.status !== 'done' || run.cancelled || view.findings.length > 0 || view.attention.length > 0) return 'status';
  if (view.headline) return 'headline';
  if (view.signIn.length > 0) return 'sign-in';
  const reasons = new Set(view.skipped.map((r) => skipReason(r.result).key));
  return reasons.size === 1 ? 'skipped' : 'status';
}

/** The sentence of a lead that is one check's summary: the headline's, or the one skip reason's. */
function leadSentence(lead: ResultLead, view: StepView, tr: Translator): string | null {
  if (lead === 'headline' && view.headline) return checkSummaryText(view.headline.result, tr);
  const [first] = view.skipped;
  if (lead !== 'skipped' || !first) return null;
  const { message } = skipReason(first.result);
  return message ? tr.text(message) : first.result.summary;
}

/**
 * A step's result, one outcome first and every fact once (docs/architecture.md "Surfaces"): the status (or
 * the one passing verdict, or the sign-in it waits for), the findings with their fixes, the checks that
 * need attention, then one line each for the checks waiting for the sign-in, skipped ones and passed ones.
 */
export function StepResult({
  step,
  run,
  view,
}: {
  readonly step: StepName;
  readonly run: StepRun;
  readonly view: StepView;
}) {
  const { t, tr } = useTr();
  const lead = resultLead(run, view);
  const sentence = leadSentence(lead, view, tr);
  const onTokenStep = step === 'token';
  return (
    <div className="step-result" data-lead={lead} data-status={run.status}>
      {lead === 'status' && <RunStatus step={step} run={run} view={view} />}
      {sentence !== null && (
        <div
          className={`run-status outcome ${lead === 'headline' ? 'tone-good' : 'tone-neutral'}`}
          data-status="done"
          data-testid="step-headline"
        >
          <p className="run-status-text" data-testid="run-status-text">
            {sentence}
          </p>
        </div>
      )}
      {view.findings.length > 0 && (
        <div className="findings">
          {view.findings.map((finding) => (
            <FindingCard key={finding.problem} finding={finding} />
          ))}
        </div>
      )}
      {view.attention.length > 0 && (
        <ul className="check-list" aria-label={t('wizard:step.attentionLabel', { step: t(`common:step.${step}`) })}>
          {view.attention.map((row) => (
            <CheckRowView key={row.id} row={row} />
          ))}
        </ul>
      )}
      {view.signIn.length > 0 && (
        <SignInLine count={view.signIn.length} onTokenStep={onTokenStep} primary={lead === 'sign-in' && !onTokenStep} />
      )}
      {run.status === 'done' && (
        <div className="fold-lines">
          <FoldedChecks
            testId="skipped-checks"
            rows={lead === 'skipped' ? [] : view.skipped}
            label={t('wizard:step.skippedChecks', { count: view.skipped.length })}
          />
          <FoldedChecks
            testId="passed-checks"
            rows={view.passed}
            label={
              view.headline
                ? t('wizard:step.otherPassed', { count: view.passed.length })
                : t('wizard:step.passed', { count: view.passed.length })
            }
          />
        </div>
      )}
    </div>
  );
}
