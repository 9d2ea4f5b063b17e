import {
  CLOSED_LOOP_CHECK_IDS,
  LiveSightingSchema,
  WAIT_SECONDS,
  type LiveSighting,
} from '../../../shared/check-details/closed-loop';
import { checkSummaryText } from '../../../shared/i18n/report-text';
import { FindingCard } from '../components/finding-card';
import { VerdictBadge } from '../components/verdict-badge';
import { useTr } from '../i18n/use-tr';
import { useSessionReport } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import { isCancelled, useWatchRun } from './use-watch-run';
import { WatchProgressView } from './watch-progress-view';
import { accountRead } from '../lib/step-view';
import { ipcErrorText } from '../lib/ipc-error-text';

const CHECK = CLOSED_LOOP_CHECK_IDS.liveScrobble;

/** The live test's sighting, as this window received it (checked, not trusted); null when none came. */
function sightingOf(windowOnly: unknown): LiveSighting | null {
  const parsed = LiveSightingSchema.safeParse(windowOnly);
  return parsed.success ? parsed.data : null;
}

/**
 * The live scrobble test (docs/architecture.md "Confirming a fix") on the Scrobbling page: once signed in,
 * it asks the user to play anything for a minute, then pause and resume once, and watches Trakt with a
 * countdown and Cancel. A watch seen says "Trakt sees you watching <title> (…, since …)" — the title from the
 * check's window-only payload, the one place it is shown — and the fixed findings say "fixed, confirmed";
 * none seen shows SCROBBLE_NOT_SEEN_LIVE with its causes ranked.
 */
export function LiveScrobbleTestPanel(_props: PanelProps) {
  const { t, tr } = useTr();
  const session = useSessionReport();
  const { state, start, cancel } = useWatchRun(CHECK);
  const signedIn = accountRead(session);
  if (!signedIn) return null;
  const sighting = state.kind === 'done' ? sightingOf(state.windowOnly) : null;
  const ownFindings =
    state.kind === 'done' && state.result.verdict !== 'pass'
      ? (session?.findings.filter((f) => state.result.problems.includes(f.problem)) ?? [])
      : [];
  return (
    <div className="card" data-testid="live-scrobble-test" data-state={state.kind}>
      <h3 className="section-title">{t('wizard:liveTest.title')}</h3>
      {state.kind === 'running' ? (
        <WatchProgressView
          progress={state.progress}
          cancelling={state.cancelling}
          keys={{ waiting: 'wizard:liveTest.waiting', left: 'wizard:liveTest.left', polls: 'wizard:liveTest.reads' }}
          onCancel={cancel}
        >
          <p className="notice" data-testid="live-scrobble-now">
            {t('wizard:liveTest.now')}
          </p>
        </WatchProgressView>
      ) : (
        <>
          {state.kind === 'idle' && <p>{t('wizard:liveTest.intro')}</p>}
          {state.kind === 'done' && (
            <div data-testid="live-scrobble-result" data-verdict={state.result.verdict}>
              <p>
                <VerdictBadge verdict={state.result.verdict} />{' '}
                {sighting ? (
                  <span data-testid="live-scrobble-sighting">
                    {t('wizard:liveTest.seen', {
                      context: sighting.kind,
                      title: sighting.title,
                      episode: sighting.episode ?? '',
                      since: Date.parse(sighting.since),
                    })}
                  </span>
                ) : isCancelled(state.result) ? (
                  t('wizard:liveTest.cancelled')
                ) : (
                  checkSummaryText(state.result, tr)
                )}
              </p>
              {ownFindings.map((finding) => (
                <FindingCard key={finding.problem} finding={finding} />
              ))}
            </div>
          )}
          {state.kind === 'failed' && (
            <p role="alert" data-testid="live-scrobble-error">
              {t('wizard:liveTest.failed', { error: ipcErrorText(state.error, t) })}
            </p>
          )}
          <button
            type="button"
            className={state.kind === 'idle' ? 'button button-primary' : 'button button-secondary'}
            data-testid="live-scrobble-start"
            onClick={() => start(WAIT_SECONDS.default)}
          >
            {state.kind === 'idle' ? t('wizard:liveTest.start') : t('wizard:liveTest.again')}
          </button>
        </>
      )}
    </div>
  );
}
