import type { ReactNode } from 'react';
import type { WatchProgress } from '../../../shared/check-details/closed-loop';
import { useTr } from '../i18n/use-tr';
import { useTimeLeft } from './use-watch-run';

/** The locale keys of one closed-loop panel's wait (re-link watch or live test). */
export interface WatchKeys {
  /** "Waiting for the new Trakt link…" */
  readonly waiting: 'wizard:relink.waiting' | 'wizard:liveTest.waiting';
  /** "{{ms, duration}} left" */
  readonly left: 'wizard:relink.left' | 'wizard:liveTest.left';
  /** Plural (`count`): reads made so far. */
  readonly polls: 'wizard:relink.polls' | 'wizard:liveTest.reads';
}

/**
 * A closed-loop wait in progress: what to do now, a visible countdown (a bar and the time left), the reads
 * made so far, a 429's pause, and Cancel (docs/architecture.md "Confirming a fix"). The countdown is not a
 * live region: the time left is read on demand, not announced every second.
 */
export function WatchProgressView(props: {
  readonly progress: WatchProgress | null;
  readonly cancelling: boolean;
  readonly keys: WatchKeys;
  readonly onCancel: () => void;
  readonly children?: ReactNode;
}) {
  const { t } = useTr();
  const { progress, keys } = props;
  const remaining = useTimeLeft(progress?.waitUntil);
  // Whole minutes while a minute or more is left ("4 min left" until the fifth is over), then seconds.
  const left = remaining !== null && remaining >= 60_000 ? Math.floor(remaining / 60_000) * 60_000 : remaining;
  const total = progress ? Date.parse(progress.waitUntil) - Date.parse(progress.startedAt) : null;
  return (
    <div className="watch-progress" data-testid="watch-progress" data-phase={progress?.phase ?? 'starting'}>
      {props.children}
      <p>
        <span aria-hidden="true" className="spinner" /> {t(keys.waiting)}
      </p>
      {left !== null && total !== null && total > 0 && (
        <p className="watch-countdown" data-testid="watch-countdown">
          <progress max={total} value={total - (remaining ?? 0)} aria-label={t(keys.left, { ms: left })} />{' '}
          <span role="timer">{t(keys.left, { ms: left })}</span>
        </p>
      )}
      {progress && progress.polls > 0 && <p className="small muted">{t(keys.polls, { count: progress.polls })}</p>}
      {progress?.phase === 'rate-limited' && progress.resumeAt && (
        <p className="small notice">{t('wizard:liveTest.rateLimited', { at: Date.parse(progress.resumeAt) })}</p>
      )}
      <button type="button" className="button button-ghost" disabled={props.cancelling} onClick={props.onCancel}>
        {props.cancelling ? t('wizard:run.cancelling') : t('wizard:nav.cancel')}
      </button>
    </div>
  );
}
