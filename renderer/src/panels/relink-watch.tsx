import { CLOSED_LOOP_CHECK_IDS, WAIT_SECONDS, isRelinkFix } from '../../../shared/check-details/closed-loop';
import { checkSummaryText } from '../../../shared/i18n/report-text';
import { FindingCard } from '../components/finding-card';
import { VerdictBadge } from '../components/verdict-badge';
import { stremioMenuParams } from '../../../shared/stremio-menus';
import { useTr } from '../i18n/use-tr';
import { useSessionReport } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import { isCancelled, useWatchRun } from './use-watch-run';
import { WatchProgressView } from './watch-progress-view';
import { accountRead } from '../lib/step-view';
import { ipcErrorText } from '../lib/ipc-error-text';

const CHECK = CLOSED_LOOP_CHECK_IDS.relink;

/**
 * The re-link watch (docs/architecture.md "Confirming a fix") on the Token and Revoked pages, after their
 * re-link fix: while a finding a new link fixes is open, "I'm doing it now — tell me when it worked" watches
 * the account for the new link, with a countdown and Cancel; the result says "Linked again — valid until …"
 * (the fixed findings then say "fixed, confirmed at HH:MM" on their cards) or why it did not change.
 */
export function RelinkWatchPanel(_props: PanelProps) {
  const { t, tr } = useTr();
  const session = useSessionReport();
  const { state, start, cancel } = useWatchRun(CHECK);
  const signedIn = accountRead(session);
  const open = session?.findings.some((f) => isRelinkFix(f.problem) && !f.resolution) ?? false;
  // Shown while it matters: a re-link would fix something, or the watch runs or has something to say.
  if (!signedIn || (!open && state.kind === 'idle')) return null;
  // The menus of the Stremio the Version step found, as the findings' fixes name them (both when none was found).
  const intro = t('wizard:relink.intro', {
    relink: stremioMenuParams(tr, session?.findings.find((f) => f.stremioMenus)?.stremioMenus).relink,
  });
  const notRenewed =
    state.kind === 'done' ? (session?.findings.filter((f) => f.problem === 'TRAKT_LINK_NOT_RENEWED') ?? []) : [];
  return (
    <div className="card" data-testid="relink-watch" data-state={state.kind}>
      <h3 className="section-title">{t('wizard:relink.title')}</h3>
      {state.kind === 'running' ? (
        <WatchProgressView
          progress={state.progress}
          cancelling={state.cancelling}
          keys={{ waiting: 'wizard:relink.waiting', left: 'wizard:relink.left', polls: 'wizard:relink.polls' }}
          onCancel={cancel}
        >
          <p>{intro}</p>
        </WatchProgressView>
      ) : (
        <>
          {state.kind === 'idle' && <p>{intro}</p>}
          {state.kind === 'done' && (
            <div data-testid="relink-result" data-verdict={state.result.verdict}>
              <p>
                <VerdictBadge verdict={state.result.verdict} />{' '}
                {isCancelled(state.result) ? t('wizard:relink.cancelled') : checkSummaryText(state.result, tr)}
              </p>
              {notRenewed.map((finding) => (
                <FindingCard key={finding.problem} finding={finding} />
              ))}
            </div>
          )}
          {state.kind === 'failed' && (
            <p role="alert" data-testid="relink-error">
              {t('wizard:relink.failed', { error: ipcErrorText(state.error, t) })}
            </p>
          )}
          {(open || state.kind !== 'done' || state.result.verdict !== 'pass') && (
            <button
              type="button"
              className={state.kind === 'idle' ? 'button button-primary' : 'button button-secondary'}
              data-testid="relink-start"
              onClick={() => start(WAIT_SECONDS.default)}
            >
              {state.kind === 'idle' ? t('wizard:relink.start') : t('wizard:relink.again')}
            </button>
          )}
        </>
      )}
    </div>
  );
}
