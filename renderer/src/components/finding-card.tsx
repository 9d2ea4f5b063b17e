import { useId, type ReactNode } from 'react';
import type { Finding } from '../../../shared/report';
import { findingText } from '../../../shared/i18n/report-text';
import { useTr } from '../i18n/use-tr';
import { Disclosure } from './disclosure';
import { FixView } from './fix-view';
import { IncidentNote } from './incident-note';
import { SeverityBadge } from './verdict-badge';

/**
 * One finding, in the order a reader needs it: what it means (explanation), what to do (every fix step, its
 * buttons in place), then the evidence, confidence and check ids behind "Technical details" (support material,
 * English by design). `children` go under the fix (room for a follow-up action).
 */
export function FindingCard({
  finding,
  bundle,
  children,
}: {
  readonly finding: Finding;
  /** The bundle export, under the fix step that says to send it (the Summary); elsewhere that step leads there. */
  readonly bundle?: ReactNode;
  readonly children?: ReactNode;
}) {
  const { t, tr } = useTr();
  const titleId = useId();
  const text = findingText(finding, tr);
  return (
    <article
      className={`finding severity-border-${finding.severity}`}
      data-finding={finding.problem}
      data-resolved={finding.resolution ? 'true' : undefined}
      aria-labelledby={titleId}
    >
      <header className="finding-head">
        <SeverityBadge severity={finding.severity} />
        <h3 id={titleId} className="finding-title">
          {text.title}
        </h3>
      </header>
      {finding.resolution && (
        // The closed loop saw the fix take effect (docs/architecture.md "Confirming a fix").
        <p className="finding-resolution" data-testid="finding-resolution">
          {t('wizard:finding.resolved', { at: Date.parse(finding.resolution.confirmedAt) })}
        </p>
      )}
      <p className="finding-explanation">{text.explanation}</p>
      {finding.incident && (
        // An announcement's text is already its explanation; a matched finding shows the incident's own.
        <IncidentNote incident={finding.incident} showBody={finding.problem !== 'KNOWN_INCIDENT'} />
      )}
      <FixView fix={text.fix} problem={finding.problem} variant={finding.variant} bundle={bundle}>
        {children}
      </FixView>
      <Disclosure
        label={t('wizard:technical.title')}
        className="finding-details"
        testId="finding-details"
        // In the page while closed (hidden): support tools and copy-paste find the evidence text.
        keepMounted
      >
        <div className="evidence" data-technical="">
          <h4>{t('wizard:finding.evidence')}</h4>
          <ul>
            {finding.evidence.map((line, i) => (
              <li key={i}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
          <p className="muted small">{t('wizard:finding.confidence', { value: finding.confidence })}</p>
          {finding.checks && finding.checks.length > 0 && (
            <p className="muted small">
              {t('wizard:finding.checks')}{' '}
              {finding.checks.map((id, i) => (
                <span key={id}>
                  {i > 0 && ', '}
                  <code>{id}</code>
                </span>
              ))}
            </p>
          )}
          <p className="muted small">
            {t('wizard:finding.code')} <code>{finding.problem}</code>
          </p>
        </div>
      </Disclosure>
    </article>
  );
}
