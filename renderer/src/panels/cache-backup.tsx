import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { CACHE_CHECK_IDS, SafeToClearSchema } from '../../../shared/check-details/cache';
import { readDetails } from '../../../shared/check-details/details-schema';
import type { CacheBackup, CacheFixResult, CacheFolderOutcome, IpcError } from '../../../shared/ipc';
import { cacheReasonMessage } from '../../../shared/cache-fix-reason';
import { useTr, type Translate } from '../i18n/use-tr';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { useStepReport, useWizard } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import type { MessageKey } from '../../../shared/i18n/message';
import { homeRelative } from '../../../shared/redaction-marker';
import { ipcErrorText } from '../lib/ipc-error-text';

/** Where the fix stands: nothing yet, asking to confirm, moving or restoring, the answer, or a typed error. */
type FixState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirming' }
  | { readonly kind: 'working'; readonly action: 'move' | 'restore' }
  | { readonly kind: 'outcome'; readonly result: CacheFixResult }
  | { readonly kind: 'failed'; readonly error: IpcError };

const KIND_KEYS: Readonly<Record<string, Extract<MessageKey, `wizard:cache.kind${string}`>>> = {
  'http-cache': 'wizard:cache.kindHttp',
  'gpu-cache': 'wizard:cache.kindGpu',
  'service-worker-cache': 'wizard:cache.kindServiceWorker',
};

const REFUSAL_KEYS = {
  'stremio-running': 'wizard:cache.refusedRunning',
  'cannot-tell': 'wizard:cache.refusedCannotTell',
  'nothing-to-move': 'wizard:cache.refusedNothing',
  'no-backup': 'wizard:cache.refusedNoBackup',
} as const satisfies Readonly<Record<Exclude<CacheRefusal, 'failed'>, MessageKey>>;

const OUTCOME_KEYS = {
  moved: 'wizard:cache.outcome.moved',
  restored: 'wizard:cache.outcome.restored',
  absent: 'wizard:cache.outcome.absent',
  refused: 'wizard:cache.outcome.refused',
  failed: 'wizard:cache.outcome.failed',
} as const satisfies Readonly<Record<CacheFolderOutcome['outcome'], MessageKey>>;

/** Which Stremio a safe cache belongs to, as the item's text names it ("GPU cache of Stremio 4"). */
const STREMIO_VERSIONS = { 'stremio-4': '4', 'stremio-5': '5' } as const;

type CacheRefusal = Extract<CacheFixResult, { done: false }>['refusal'];

/** A cache folder's kind in words (the kind's own id when this build does not know it). */
const kindText = (kind: string, t: Translate) => {
  const key = KIND_KEYS[kind];
  return key ? t(key) : kind;
};

/** The backups the app can restore, newest first; null when the list could not be read. */
async function listBackups(): Promise<readonly CacheBackup[] | null> {
  const answer = await callSafely(() => doctorApi()['cache:list-backups']({}));
  return answer.ok ? answer.value.backups : null;
}

/**
 * The Cache step's one fix (docs/architecture.md "Fixes"): moves Stremio's temporary files (the HTTP, GPU and
 * Service Worker caches) into a dated backup — after the user confirms, only while Stremio is closed, never
 * a delete — and offers to move them back. Hidden when there is nothing to move and no backup to restore.
 * The app derives every path itself; this panel only names a listed backup.
 */
export function CacheBackupPanel(_props: PanelProps) {
  const { t } = useTr();
  const report = useStepReport('cache');
  const rerunStep = useWizard((s) => s.rerunStep);
  const [state, setState] = useState<FixState>({ kind: 'idle' });
  const [backups, setBackups] = useState<readonly CacheBackup[]>([]);
  const headingId = useId();
  const focusRef = useRef<HTMLParagraphElement | null>(null);

  useEffect(() => {
    let live = true;
    void listBackups().then((found) => {
      if (live && found) setBackups(found);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (state.kind === 'confirming' || state.kind === 'outcome' || state.kind === 'failed') focusRef.current?.focus();
  }, [state.kind]);

  const locations = report?.checks.find((c) => c.id === CACHE_CHECK_IDS.locations);
  const items = locations ? (readDetails(locations.details.safeToClear, SafeToClearSchema)?.items ?? []) : [];
  const latest = backups[0];
  // Nothing to move and nothing to move back: no box at all.
  if (items.length === 0 && !latest && state.kind === 'idle') return null;

  const total = items.reduce((n, i) => n + i.bytes, 0);
  const working = state.kind === 'working';

  const act = async (action: 'move' | 'restore') => {
    setState({ kind: 'working', action });
    const answer = await callSafely(() =>
      action === 'move'
        ? doctorApi()['cache:move-to-backup']({})
        : doctorApi()['cache:restore'](latest ? { backup: latest.id } : {}),
    );
    setState(answer.ok ? { kind: 'outcome', result: answer.value } : { kind: 'failed', error: answer.error });
    const found = await listBackups();
    if (found) setBackups(found);
    // The folders changed on disk: the step's sizes and verdicts are re-measured.
    if (answer.ok && answer.value.done) void rerunStep('cache');
  };

  return (
    <div className="card" data-testid="cache-backup" data-state={state.kind} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('wizard:cache.title')}</h3>
      {items.length > 0 && (
        <>
          <p className="muted small">{t('wizard:cache.intro')}</p>
          <ul className="details-list" aria-label={t('wizard:cache.itemsLabel')} data-testid="cache-backup-items">
            {items.map((item) => (
              <li key={item.path}>
                {t('wizard:cache.item', {
                  kind: kindText(item.kind, t),
                  version: STREMIO_VERSIONS[item.shell],
                  size: item.bytes,
                })}{' '}
                <code>{homeRelative(item.path)}</code>
              </li>
            ))}
          </ul>
        </>
      )}

      {state.kind === 'confirming' ? (
        <div role="group" aria-label={t('wizard:cache.confirmLabel')} data-testid="cache-backup-confirm">
          <p tabIndex={-1} ref={focusRef}>
            {t('wizard:cache.confirm', { count: items.length, size: total })}
          </p>
          <div className="copy-row">
            <button type="button" className="button button-primary" onClick={() => void act('move')}>
              {t('wizard:cache.moveThem')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setState({ kind: 'idle' })}>
              {t('wizard:nav.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="copy-row">
          {items.length > 0 && (
            <button
              type="button"
              className="button button-secondary"
              data-testid="cache-backup-move"
              disabled={working}
              onClick={() => setState({ kind: 'confirming' })}
            >
              {working && state.action === 'move' ? t('wizard:cache.moving') : t('wizard:cache.move')}
            </button>
          )}
          {latest && (
            <button
              type="button"
              className="button button-secondary"
              data-testid="cache-backup-restore"
              disabled={working}
              onClick={() => void act('restore')}
            >
              {working && state.action === 'restore' ? t('wizard:cache.restoring') : t('wizard:cache.restore')}
            </button>
          )}
        </div>
      )}
      {latest && state.kind !== 'confirming' && (
        <p className="muted small" data-testid="cache-backup-latest">
          {t('wizard:cache.latest')} <code>{homeRelative(latest.location)}</code>{' '}
          {t('wizard:cache.latestFacts', { count: latest.folders, date: new Date(latest.createdAt) })}
        </p>
      )}

      {state.kind === 'outcome' && <Outcome result={state.result} focusRef={focusRef} />}
      {state.kind === 'failed' && (
        <p
          role="alert"
          tabIndex={-1}
          ref={focusRef}
          className="fix-feedback refused"
          data-testid="cache-backup-outcome"
        >
          {t('wizard:cache.callFailed', { error: ipcErrorText(state.error, t) })}
        </p>
      )}
    </div>
  );
}

/** What a move or restore did, folder by folder, or why it touched nothing. */
function Outcome({
  result,
  focusRef,
}: {
  readonly result: CacheFixResult;
  readonly focusRef: RefObject<HTMLParagraphElement | null>;
}) {
  const { t, tr } = useTr();
  if (!result.done) {
    return (
      <p
        role="status"
        tabIndex={-1}
        ref={focusRef}
        className="fix-feedback refused"
        data-testid="cache-backup-outcome"
        data-refusal={result.refusal}
        data-reason={result.refusal === 'failed' ? result.reason.code : undefined}
      >
        {result.refusal === 'failed'
          ? t('wizard:cache.failed', { error: cacheReasonMessage(result.reason) })
          : t(REFUSAL_KEYS[result.refusal])}
      </p>
    );
  }
  const handled = result.folders.filter((f) => f.outcome === result.action);
  const bytes = handled.reduce((n, f) => n + (f.bytes ?? 0), 0);
  return (
    <div data-testid="cache-backup-outcome" data-action={result.action}>
      <p
        role="status"
        tabIndex={-1}
        ref={focusRef}
        className={handled.length > 0 ? 'fix-feedback ok' : 'fix-feedback refused'}
      >
        {result.action === 'moved'
          ? t('wizard:cache.movedTo', { count: handled.length, size: bytes })
          : t('wizard:cache.movedBackFrom', { count: handled.length, size: bytes })}{' '}
        <code>{homeRelative(result.backup.location)}</code>.
        {result.action === 'moved' && handled.length > 0 && ` ${t('wizard:cache.startAgain')}`}
      </p>
      <ul className="details-list">
        {result.folders.map((folder) => (
          <li key={folder.path} data-outcome={folder.outcome} data-reason={folder.reason?.code}>
            {t('wizard:cache.folder', { kind: kindText(folder.kind, t), outcome: t(OUTCOME_KEYS[folder.outcome]) })}
            {folder.bytes !== undefined ? ` (${t('wizard:bundle.size', { size: folder.bytes })})` : ''} —{' '}
            <code>{homeRelative(folder.path)}</code>
            {folder.reason ? <span className="muted"> — {tr.text(cacheReasonMessage(folder.reason))}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
