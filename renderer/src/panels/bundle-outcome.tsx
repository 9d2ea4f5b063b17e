import type { RefObject } from 'react';
import type { BundleSaveResult } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { bundleNotSavedText } from '../lib/answer-reason-text';

/** Where the bundle was saved, or why not; replacing an existing file only on the user's confirmation. */
export function BundleOutcomeView({
  result,
  focusRef,
  onReplace,
  onSaveAgain,
  onDone,
}: {
  readonly result: BundleSaveResult;
  readonly focusRef: RefObject<HTMLParagraphElement | null>;
  readonly onReplace: () => void;
  readonly onSaveAgain: () => void;
  readonly onDone: () => void;
}) {
  const { t } = useTr();
  const size = (bytes: number) => t('wizard:bundle.size', { size: bytes });
  return (
    <div data-testid="bundle-outcome" data-saved={String(result.saved)}>
      <p
        role="status"
        tabIndex={-1}
        ref={focusRef}
        className={result.saved ? 'fix-feedback ok' : 'fix-feedback refused'}
      >
        {result.saved ? (
          <>
            {t('wizard:bundle.savedTo')} <code data-testid="bundle-path">{result.path}</code>
            {result.bytes !== undefined ? ` (${size(result.bytes)})` : ''}.
          </>
        ) : (
          <>{t('wizard:bundle.notSaved', { reason: bundleNotSavedText(result.reason, t) })}</>
        )}
      </p>
      {result.exists && <p className="muted small">{t('wizard:bundle.confirmReplace')}</p>}
      <div className="copy-row">
        {result.exists && (
          <button type="button" className="button button-secondary" data-testid="bundle-replace" onClick={onReplace}>
            {t('wizard:bundle.replace')} {result.path ? <code>{result.path}</code> : t('wizard:bundle.existingFile')}
          </button>
        )}
        {!result.saved && (
          <button
            type="button"
            className="button button-secondary"
            data-testid="bundle-save-again"
            onClick={onSaveAgain}
          >
            {t('wizard:bundle.another')}
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t('wizard:bundle.done')}
        </button>
      </div>
    </div>
  );
}
