import { useState } from 'react';
import { readDetails } from '../../../shared/check-details/details-schema';
import { OAuthNoCallbackDetailsSchema } from '../../../shared/check-details/token';
import { checkSummaryText, findingText } from '../../../shared/i18n/report-text';
import { PROBLEMS } from '../../../shared/problems';
import type { CheckResult, Finding } from '../../../shared/report';
import { FindingCard } from '../components/finding-card';
import { FixView } from '../components/fix-view';
import { VerdictBadge } from '../components/verdict-badge';
import { useTr } from '../i18n/use-tr';

/** The answers offered when no reply came back from the browser (the test cannot see the browser's page). */
const BROWSER_ANSWERS = [
  { id: 'redirect-mismatch', label: 'wizard:oauth.answerMismatch' },
  { id: 'other-error', label: 'wizard:oauth.answerOther' },
  { id: 'not-finished', label: 'wizard:oauth.answerNotFinished' },
] as const;

/** What the user says the browser showed; the redirect mismatch has the catalog's fix. */
function BrowserQuestion() {
  const { t, tr } = useTr();
  const [answer, setAnswer] = useState<(typeof BROWSER_ANSWERS)[number]['id'] | null>(null);
  const info = PROBLEMS.OAUTH_REDIRECT_MISMATCH;
  const mismatch = findingText(
    {
      problem: 'OAUTH_REDIRECT_MISMATCH',
      title: info.title,
      explanation: info.explanation,
      fix: { title: info.fix.title, steps: [...info.fix.steps] },
      severity: 'warning',
      confidence: 1,
      evidence: [],
    },
    tr,
  );
  return (
    <fieldset data-testid="oauth-ask-browser">
      <legend>{t('wizard:oauth.whatShown')}</legend>
      {BROWSER_ANSWERS.map((option) => (
        <label key={option.id}>
          <input
            type="radio"
            name="oauth-browser-answer"
            checked={answer === option.id}
            onChange={() => setAnswer(option.id)}
          />{' '}
          {t(option.label)}
        </label>
      ))}
      {answer === 'redirect-mismatch' && (
        <div data-problem="OAUTH_REDIRECT_MISMATCH">
          <h4>{mismatch.title}</h4>
          <p>{mismatch.explanation}</p>
          <FixView fix={mismatch.fix} problem="OAUTH_REDIRECT_MISMATCH" />
        </div>
      )}
      {answer === 'other-error' && <p>{t('wizard:oauth.answerOtherHelp', { field: t('wizard:token.pasteLabel') })}</p>}
      {answer === 'not-finished' && <p>{t('wizard:oauth.answerNotFinishedHelp')}</p>}
    </fieldset>
  );
}

/** A finished test: its verdict and summary, what the browser showed when no reply came back, and its findings. */
export function OAuthResult({
  result,
  findings,
}: {
  readonly result: CheckResult;
  readonly findings: readonly Finding[];
}) {
  const { tr } = useTr();
  return (
    <div data-testid="oauth-result" data-verdict={result.verdict}>
      <p>
        <VerdictBadge verdict={result.verdict} /> {checkSummaryText(result, tr)}
      </p>
      {readDetails(result.details, OAuthNoCallbackDetailsSchema) !== null && <BrowserQuestion />}
      {findings.map((finding) => (
        <FindingCard key={finding.problem} finding={finding} />
      ))}
    </div>
  );
}
