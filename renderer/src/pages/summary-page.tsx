import { useState } from 'react';
import type { Finding, Report } from '../../../shared/report';
import { VERDICTS } from '../../../shared/verdicts';
import { isOpenCritical } from '../../../shared/severity';
import { STEP_NAMES, isStepName } from '../../../shared/steps';
import { renderSummaryMarkdown } from '../../../shared/summary-markdown';
import { checkSummaryText, checkTitleText, findingText } from '../../../shared/i18n/report-text';
import { FindingCard } from '../components/finding-card';
import { FixView } from '../components/fix-view';
import { NavBar } from '../components/nav-bar';
import { PageHeading } from '../components/page-heading';
import { PanelSlot } from '../components/panel-slot';
import { VerdictBadge } from '../components/verdict-badge';
import { useTr } from '../i18n/use-tr';
import { copyText } from '../lib/copy-text';
import { knownSinceText } from '../lib/known-since';
import { useSessionReport, useWizard } from '../store/use-wizard';

/** The Summary: the most likely cause and the one thing to do next, then every finding, what could not be tested, and Copy summary. */
export function SummaryPage() {
  const { t } = useTr();
  const report = useSessionReport();
  const steps = useWizard((s) => s.steps);
  const goTo = useWizard((s) => s.goTo);
  const pending = STEP_NAMES.filter((step) => steps[step].status === 'running' || steps[step].status === 'waiting');
  return (
    <section className="page summary" aria-labelledby="page-title">
      <PageHeading>{t('wizard:page.summary')}</PageHeading>
      {pending.length > 0 && (
        <p className="notice" data-testid="summary-pending">
          {t('wizard:summary.pending', { steps: pending.map((s) => t(`common:step.${s}`)) })}
        </p>
      )}
      {!report ? (
        <div className="empty-state">
          <p>{t('wizard:summary.empty')}</p>
          <button type="button" className="button button-primary" onClick={() => goTo('version')}>
            {t('wizard:summary.startWithVersion')}
          </button>
        </div>
      ) : (
        <SummaryBody report={report} />
      )}
      <PanelSlot page="summary" placement="before-checks" />
      <PanelSlot page="summary" placement="after-checks" />
      <NavBar />
    </section>
  );
}

/** The top-ranked finding and its first fix step (or its action): the one thing to read and do first. */
function LikelyCause({ finding }: { readonly finding: Finding }) {
  const { t, tr } = useTr();
  const text = findingText(finding, tr);
  const [first] = text.fix.steps;
  return (
    <div className="likely-cause" data-testid="likely-cause" data-likely-cause={finding.problem}>
      <h3 className="section-title">
        {finding.severity === 'info' ? t('wizard:summary.firstNote') : t('wizard:summary.likelyCause')}
      </h3>
      <p className="likely-cause-title">{text.title}</p>
      <p>{text.explanation}</p>
      <h4>{t('wizard:summary.doNext')}</h4>
      <FixView fix={{ ...text.fix, steps: first ? [first] : [] }} />
    </div>
  );
}

function SummaryBody({ report }: { readonly report: Report }) {
  const { t, tr } = useTr();
  const [copied, setCopied] = useState<{ readonly ok: boolean; readonly markdown: string } | null>(null);
  // A finding the closed loop confirmed fixed is neither the likely cause nor critical any more.
  const critical = report.findings.filter(isOpenCritical).length;
  // The most important finding a known incident explains: the first thing the user should read.
  const known = report.findings.find((f) => f.incident)?.incident;
  const open = report.findings.filter((f) => !f.resolution);
  const top = open.find((f) => f.severity !== 'info') ?? open[0];
  const titles = new Map(report.checks.map((c) => [c.id, checkTitleText(c, tr)]));
  // An untested check's reason is its summary (said again in the window's language); a step that never ran says so.
  const reasons = new Map(report.checks.map((c) => [c.id, checkSummaryText(c, tr)]));
  const reasonOf = (u: Report['untested'][number]) =>
    reasons.get(u.check) ?? (isStepName(u.check) ? t('wizard:summary.stepNotRun') : u.reason);
  const counts = VERDICTS.map((v) => [v, report.checks.filter((c) => c.verdict === v).length] as const).filter(
    ([, n]) => n > 0,
  );

  const onCopy = async () => {
    const markdown = renderSummaryMarkdown(report, tr);
    setCopied({ ok: await copyText(markdown), markdown });
  };

  return (
    <>
      {known && (
        <p className="verdict-banner-incident" data-testid="known-incident-headline">
          {t('wizard:summary.incidentHeadline', { since: knownSinceText(known, t), title: known.title })}
        </p>
      )}
      {top && <LikelyCause finding={top} />}
      <div
        className={`verdict-banner ${critical > 0 ? 'tone-bad' : report.findings.length > 0 ? 'tone-warn' : 'tone-good'}`}
      >
        <p className="verdict-banner-title">
          {report.findings.length === 0
            ? t('wizard:summary.noProblems')
            : critical > 0
              ? t('wizard:summary.findingsCritical', { count: report.findings.length, critical })
              : t('wizard:summary.findings', { count: report.findings.length })}
        </p>
        <p className="verdict-counts" aria-label={t('wizard:summary.byVerdict')}>
          <span className="muted">{t('wizard:summary.checkCount', { count: report.checks.length })}</span>
          {counts.map(([verdict, n]) => (
            <span key={verdict} className="count">
              <VerdictBadge verdict={verdict} /> {t('wizard:summary.times', { n })}
            </span>
          ))}
        </p>
      </div>
      <div className="copy-row">
        <button
          type="button"
          className={top ? 'button button-secondary' : 'button button-primary'}
          data-testid="copy-summary"
          onClick={() => void onCopy()}
        >
          {t('wizard:summary.copy')}
        </button>
        <span className="muted small">{t('wizard:summary.copyHint')}</span>
        {copied && (
          <span role="status" className={copied.ok ? 'fix-feedback ok' : 'fix-feedback refused'}>
            {copied.ok ? t('wizard:summary.copied') : t('wizard:summary.copyFailed')}
          </span>
        )}
      </div>
      {copied && !copied.ok && (
        <textarea
          className="manual-copy"
          readOnly
          value={copied.markdown}
          aria-label={t('wizard:summary.markdownLabel')}
          rows={8}
        />
      )}
      {report.findings.length > 0 && (
        <>
          <h3 className="section-title">{t('wizard:summary.allFindings')}</h3>
          <div className="findings">
            {report.findings.map((finding, i) => (
              <FindingCard key={finding.problem} finding={finding} rank={i + 1} />
            ))}
          </div>
        </>
      )}
      <h3 className="section-title">{t('wizard:summary.untested')}</h3>
      {report.untested.length === 0 ? (
        <p className="muted">{t('wizard:summary.allTested')}</p>
      ) : (
        <ul className="untested" data-testid="untested">
          {report.untested.map((u, i) => (
            <li key={`${u.check}-${i}`}>
              <strong>{titles.get(u.check) ?? u.check}</strong> <code className="small">{u.check}</code> — {reasonOf(u)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
