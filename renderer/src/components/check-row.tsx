import { isProblemCode } from '../../../shared/problems';
import { checkSummaryText, checkTitleText } from '../../../shared/i18n/report-text';
import { useTr } from '../i18n/use-tr';
import { problemText } from '../lib/problem-text';
import type { CheckRow } from '../store/step-run';
import { DetailsView } from './details-view';
import { Disclosure } from './disclosure';
import { RunningBadge, VerdictBadge } from './verdict-badge';

/**
 * One check row: running, or its verdict, plain summary and problem explanations. Under "Technical details"
 * (`technical`) it also shows its timing, its recorded details and its id. Title, summary and problems are
 * said from their keys (docs/i18n.md), so a language switch re-says them.
 */
export function CheckRowView({ row, technical = false }: { readonly row: CheckRow; readonly technical?: boolean }) {
  const { t, tr } = useTr();
  if (row.state === 'running') {
    return (
      <li className="check-row running" data-check={row.id} aria-busy="true">
        <div className="check-head">
          <RunningBadge />
          <span className="check-title">{checkTitleText({ id: row.id, title: row.title }, tr)}</span>
        </div>
      </li>
    );
  }
  const { result } = row;
  const problems = result.problems.filter(isProblemCode).map((code) => ({ code, text: problemText(code, tr) }));
  return (
    <li className={`check-row verdict-${result.verdict}`} data-check={row.id} data-verdict={result.verdict}>
      <div className="check-head">
        <VerdictBadge verdict={result.verdict} />
        <span className="check-title">{checkTitleText(result, tr)}</span>
        {technical && (
          <span className="check-duration muted">{t('wizard:check.duration', { ms: result.durationMs })}</span>
        )}
      </div>
      <p className="check-summary">{checkSummaryText(result, tr)}</p>
      {!technical &&
        problems.map(({ code, text }) => (
          <div className="problem" key={code} data-problem={code}>
            <strong>{t('wizard:check.problemTitle', { title: text.title })}</strong> {text.explanation}
          </div>
        ))}
      {technical && (
        <Disclosure label={t('wizard:check.details')} className="check-details-toggle">
          <div className="check-details">
            <DetailsView details={result.details} />
            <p className="muted small">
              {t('wizard:check.id')} <code>{result.id}</code>
            </p>
          </div>
        </Disclosure>
      )}
    </li>
  );
}
