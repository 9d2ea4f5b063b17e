import { useEffect, useId, useRef } from 'react';
import { useTr } from '../i18n/use-tr';
import { useSessionReport } from '../store/use-wizard';
import { BundleOutcomeView } from './bundle-outcome';
import { BundlePreviewView } from './bundle-preview';
import { previewOf, useBundleExport } from './use-bundle-export';
import { ipcErrorText } from '../lib/ipc-error-text';

/**
 * The Summary's *Export diagnostic bundle* (docs/architecture.md "Bundle"): shows exactly what the .zip
 * will hold before anything is written, then asks main for a path (native save dialog) and says where it
 * went — or why nothing was saved. `inFix`: it stands under the fix step that says to send it, without its
 * own heading (the step says what it is for).
 */
export function SummaryExportPanel({ inFix = false }: { readonly inFix?: boolean }) {
  const { t, tr } = useTr();
  const session = useSessionReport();
  const { state, showPreview, save, close } = useBundleExport(session, tr.locale);
  const headingId = useId();
  const previewRef = useRef<HTMLHeadingElement | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement | null>(null);

  useEffect(() => {
    if (state.kind === 'preview') previewRef.current?.focus();
    if (state.kind === 'outcome') outcomeRef.current?.focus();
  }, [state.kind]);

  if (!session) return null;
  const preview = previewOf(state);
  return (
    <div
      className={inFix ? 'bundle-export in-fix' : 'card bundle-export'}
      data-testid="bundle-export"
      data-state={state.kind}
      aria-labelledby={inFix ? undefined : headingId}
    >
      {!inFix && (
        <>
          <h3 id={headingId}>{t('wizard:bundle.title')}</h3>
          <p className="muted small">{t('wizard:bundle.intro')}</p>
        </>
      )}
      {(state.kind === 'idle' || state.kind === 'previewing' || state.kind === 'failed') && (
        <div className="copy-row">
          <button
            type="button"
            className={inFix ? 'button button-primary' : 'button button-secondary'}
            data-testid="bundle-export-button"
            disabled={state.kind === 'previewing'}
            onClick={() => void showPreview()}
          >
            {state.kind === 'previewing' ? t('wizard:bundle.preparing') : t('wizard:bundle.export')}
          </button>
          {state.kind === 'failed' && (
            <span role="alert" className="fix-feedback refused">
              {t('wizard:bundle.failed', { error: ipcErrorText(state.error, t) })}
            </span>
          )}
        </div>
      )}
      <p className="muted small privacy-line" data-testid="bundle-privacy">
        {t('wizard:bundle.privacy')}
      </p>
      {preview && <BundlePreviewView preview={preview} idBase={headingId} headingRef={previewRef} />}
      {(state.kind === 'preview' || state.kind === 'saving') && (
        <div className="copy-row">
          <button
            type="button"
            className="button button-primary"
            data-testid="bundle-save"
            disabled={state.kind === 'saving'}
            onClick={() => void save(state.preview, false)}
          >
            {state.kind === 'saving' ? t('wizard:bundle.saving') : t('wizard:bundle.save')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            data-testid="bundle-cancel"
            disabled={state.kind === 'saving'}
            onClick={close}
          >
            {t('wizard:nav.cancel')}
          </button>
        </div>
      )}
      {state.kind === 'outcome' && (
        <BundleOutcomeView
          result={state.result}
          focusRef={outcomeRef}
          onReplace={() => void save(state.preview, true)}
          onSaveAgain={() => void save(state.preview, false)}
          onDone={close}
        />
      )}
    </div>
  );
}
