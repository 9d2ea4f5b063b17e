import type { Finding, Report } from '../../../shared/report';
import { VERDICTS } from '../../../shared/verdicts';
import { STEP_NAMES } from '../../../shared/steps';
import { FindingCard } from '../components/finding-card';
import { LikelyCause } from '../components/likely-cause';
import { PageHeading } from '../components/page-heading';
import { PanelSlot } from '../components/panel-slot';
import { SummaryShare } from '../components/summary-share';
import { TechnicalDetails } from '../components/technical-details';
import { UntestedList } from '../components/untested-list';
import { VerdictBadge } from '../components/verdict-badge';
import { useTr } from '../i18n/use-tr';
import { fixButtons } from '../lib/fix-buttons';
import { knownSinceText } from '../lib/known-since';
import { SAID_AS_SIGN_IN_LINE } from '../lib/step-view';
import { untestedGroups } from '../lib/untested-groups';
import { SummaryExportPanel } from '../panels/summary-export';
import { useSessionReport, useWizard } from '../store/use-wizard';

/**
 * The Summary (docs/architecture.md "Surfaces"): the most likely cause and the whole fix for it (with the bundle
 * export under the step that says to send it), the other findings without repeating it, what could not be
 * tested grouped by reason with one action each, Copy summary, and Done / Start over.
 */
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
      <SummaryNav donePrimary={!report || !leadsWithAction(report)} />
    </section>
  );
}

/** True when the sign-in is the Summary's primary action: nothing more than a note was found without it. */
function signInLeads(report: Report): boolean {
  const top = topFinding(shownFindings(report));
  return (!top || top.severity === 'info') && untestedGroups(report).some((g) => g.kind === 'sign-in');
}

/** True when the Summary's opening has its own primary action: the bundle export in the fix, or the sign-in. */
function leadsWithAction(report: Report): boolean {
  const top = topFinding(shownFindings(report));
  return (top !== undefined && fixButtons(top.problem, top.fix, top.variant).bundle !== null) || signInLeads(report);
}

/**
 * The most likely cause: the first open finding that is more than a note, else the first open note. A finding the
 * closed loop confirmed fixed is never the likely cause (docs/architecture.md "Confirming a fix").
 */
function topFinding(findings: readonly Finding[]): Finding | undefined {
  const open = findings.filter((f) => !f.resolution);
  return open.find((f) => f.severity !== 'info') ?? open[0];
}

/** The findings the Summary shows as cards, most important first: the sign-in it waits for is an untested line. */
function shownFindings(report: Report): readonly Finding[] {
  return report.findings.filter((f) => !SAID_AS_SIGN_IN_LINE.has(f.problem));
}

function SummaryBody({ report }: { readonly report: Report }) {
  const { t } = useTr();
  const findings = shownFindings(report);
  const known = report.findings.find((f) => f.incident)?.incident;
  const top = topFinding(findings);
  const others = findings.filter((f) => f !== top);
  // The export stands under the fix step that says to send the bundle; otherwise beside Copy summary.
  const exportInFix = top ? fixButtons(top.problem, top.fix, top.variant).bundle !== null : false;
  const exportPanel = (inFix: boolean) => (
    <section className="panel" data-panel="summary-export">
      <SummaryExportPanel inFix={inFix} />
    </section>
  );
  return (
    <>
      {known && (
        <p className="verdict-banner-incident" data-testid="known-incident-headline">
          {t('wizard:summary.incidentHeadline', { since: knownSinceText(known, t), title: known.title })}
        </p>
      )}
      {top ? (
        <LikelyCause finding={top} bundle={exportInFix ? exportPanel(true) : undefined} />
      ) : (
        <div className="run-status tone-good outcome" data-testid="summary-all-clear">
          <p className="run-status-text">{t('wizard:summary.noProblems')}</p>
        </div>
      )}
      {others.length > 0 && (
        <section aria-labelledby="summary-others">
          <h3 className="section-title" id="summary-others">
            {t('wizard:summary.alsoFound', { count: others.length })}
          </h3>
          <div className="findings">
            {others.map((finding) => (
              <FindingCard key={finding.problem} finding={finding} />
            ))}
          </div>
        </section>
      )}
      <UntestedList report={report} primary={signInLeads(report)} />
      <SummaryShare report={report}>{!exportInFix && exportPanel(false)}</SummaryShare>
      <TechnicalDetails testId="summary-technical">
        <VerdictCounts report={report} />
      </TechnicalDetails>
    </>
  );
}

/** How many checks ended with each verdict (support detail). */
function VerdictCounts({ report }: { readonly report: Report }) {
  const { t } = useTr();
  const counts = VERDICTS.map((v) => [v, report.checks.filter((c) => c.verdict === v).length] as const).filter(
    ([, n]) => n > 0,
  );
  return (
    <p className="verdict-counts" aria-label={t('wizard:summary.byVerdict')}>
      <span className="muted">{t('wizard:summary.checkCount', { count: report.checks.length })}</span>
      {counts.map(([verdict, n]) => (
        <span key={verdict} className="count">
          <VerdictBadge verdict={verdict} /> {t('wizard:summary.times', { n })}
        </span>
      ))}
    </p>
  );
}

/** The Summary's end: Back, Start over (a new diagnosis from Welcome) and Done (closes the window). */
function SummaryNav({ donePrimary }: { readonly donePrimary: boolean }) {
  const { t } = useTr();
  const back = useWizard((s) => s.back);
  const startOver = useWizard((s) => s.startOver);
  return (
    <div className="nav-bar">
      <button type="button" className="button button-ghost" data-testid="back" onClick={back}>
        <span aria-hidden="true">←</span> {t('wizard:nav.back')}
      </button>
      <div className="nav-actions">
        <button type="button" className="button button-secondary" data-testid="start-over" onClick={startOver}>
          {t('wizard:summary.startOver')}
        </button>
        <button
          type="button"
          className={donePrimary ? 'button button-primary' : 'button button-secondary'}
          data-testid="done"
          onClick={() => window.close()}
        >
          {t('wizard:summary.done')}
        </button>
      </div>
    </div>
  );
}
