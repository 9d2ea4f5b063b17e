import { useEffect, useId, useRef, useState } from 'react';
import type { BundlePreview, BundleSaveResult, IpcError } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';
import { callSafely, doctorApi } from '../lib/doctor-api';
import type { Report } from '../../../shared/report';
import { useSessionReport } from '../store/use-wizard';
import type { PanelProps } from './panel-types';

/** Where the export stands: nothing yet, reading the preview, showing it, saving, the outcome, or a typed error. */
type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'previewing' }
  | { readonly kind: 'preview'; readonly preview: BundlePreview; readonly session: Report }
  | { readonly kind: 'saving'; readonly preview: BundlePreview }
  | { readonly kind: 'outcome'; readonly preview: BundlePreview; readonly result: BundleSaveResult }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** Redaction classes with their counts, the export's and the run's together, largest first. */
function redactionRows(preview: BundlePreview): Array<readonly [string, number]> {
  const all = new Map<string, number>();
  for (const counts of [preview.redactions, preview.redactionsDuringRun]) {
    for (const [kind, n] of Object.entries(counts)) all.set(kind, (all.get(kind) ?? 0) + n);
  }
  return [...all.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * The Summary's *Export diagnostic bundle* (docs/architecture.md "Bundle"): shows exactly what the .zip
 * will hold (files, sizes, what was redacted, summary.md) before anything is written, then asks main
 * for a path (native save dialog) and says where it went — or why nothing was saved. An existing file
 * is replaced only after the user confirms it here.
 */
export function SummaryExportPanel(_props: PanelProps) {
  const { t, tr } = useTr();
  const size = (bytes: number) => t('wizard:bundle.size', { size: bytes });
  const session = useSessionReport();
  const [shown, setState] = useState<ExportState>({ kind: 'idle' });
  // A run since the preview changed the session, so the bundle: a preview on screen would no longer be true.
  const state: ExportState = shown.kind === 'preview' && shown.session !== session ? { kind: 'idle' } : shown;
  const headingId = useId();
  const focusRef = useRef<HTMLHeadingElement | null>(null);

  useEffect(() => {
    if (state.kind === 'preview' || state.kind === 'outcome') focusRef.current?.focus();
  }, [state.kind]);

  if (!session) return null;

  const showPreview = async () => {
    setState({ kind: 'previewing' });
    const answer = await callSafely(() => doctorApi()['bundle:preview']({ locale: tr.locale }));
    setState(answer.ok ? { kind: 'preview', preview: answer.value, session } : { kind: 'failed', error: answer.error });
  };

  const save = async (preview: BundlePreview, overwrite: boolean) => {
    setState({ kind: 'saving', preview });
    const answer = await callSafely(() =>
      doctorApi()['bundle:save'](overwrite ? { overwrite: true, locale: tr.locale } : { locale: tr.locale }),
    );
    setState(answer.ok ? { kind: 'outcome', preview, result: answer.value } : { kind: 'failed', error: answer.error });
  };

  const preview =
    state.kind === 'preview' || state.kind === 'saving' || state.kind === 'outcome' ? state.preview : null;
  const total = preview ? preview.files.reduce((n, f) => n + f.bytes, 0) : 0;
  const redactions = preview ? redactionRows(preview) : [];

  return (
    <div className="card" data-testid="bundle-export" data-state={state.kind} aria-labelledby={headingId}>
      <h3 id={headingId}>{t('wizard:bundle.title')}</h3>
      <p className="muted small">{t('wizard:bundle.intro')}</p>
      <p className="notice privacy" data-testid="bundle-privacy">
        {t('wizard:bundle.privacy')}
      </p>

      {(state.kind === 'idle' || state.kind === 'previewing' || state.kind === 'failed') && (
        <div className="copy-row">
          <button
            type="button"
            className="button button-secondary"
            data-testid="bundle-export-button"
            disabled={state.kind === 'previewing'}
            onClick={() => void showPreview()}
          >
            {state.kind === 'previewing' ? t('wizard:bundle.preparing') : t('wizard:bundle.export')}
          </button>
          {state.kind === 'failed' && (
            <span role="alert" className="fix-feedback refused">
              {t('wizard:bundle.failed', { error: state.error.message })}
            </span>
          )}
        </div>
      )}

      {preview && (
        <section aria-label={t('wizard:bundle.contains')} data-testid="bundle-preview">
          <h4 tabIndex={-1} ref={state.kind === 'preview' ? focusRef : undefined}>
            {t('wizard:bundle.whatSaved')}
          </h4>
          <table className="bundle-files" data-testid="bundle-files">
            <caption className="offscreen">{t('wizard:bundle.filesCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wizard:bundle.file')}</th>
                <th scope="col">{t('wizard:bundle.sizeColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.files.map((file) => (
                <tr key={file.name}>
                  <td>
                    <code>{file.name}</code>
                  </td>
                  <td>{size(file.bytes)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('wizard:bundle.total')}</th>
                <td>{t('wizard:bundle.totalValue', { total: size(total), max: size(preview.maxTotalBytes) })}</td>
              </tr>
            </tfoot>
          </table>
          <h4>{t('wizard:bundle.redacted')}</h4>
          {redactions.length === 0 ? (
            <p className="muted" data-testid="bundle-redactions">
              {t('wizard:bundle.nothingRedacted')}
            </p>
          ) : (
            <ul className="details-list" data-testid="bundle-redactions">
              {redactions.map(([kind, n]) => (
                <li key={kind}>
                  <strong>{kind}</strong>: {t('wizard:bundle.replacements', { count: n })}
                </li>
              ))}
            </ul>
          )}
          <label className="muted small" htmlFor={`${headingId}-summary`}>
            {t('wizard:bundle.summaryLabel')}
          </label>
          <textarea
            id={`${headingId}-summary`}
            className="manual-copy"
            readOnly
            rows={8}
            value={preview.summaryMarkdown}
            data-testid="bundle-summary"
          />
        </section>
      )}

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
            onClick={() => setState({ kind: 'idle' })}
          >
            {t('wizard:nav.cancel')}
          </button>
        </div>
      )}

      {state.kind === 'outcome' && (
        <div data-testid="bundle-outcome" data-saved={String(state.result.saved)}>
          <p
            role="status"
            tabIndex={-1}
            ref={focusRef}
            className={state.result.saved ? 'fix-feedback ok' : 'fix-feedback refused'}
          >
            {state.result.saved ? (
              <>
                {t('wizard:bundle.savedTo')} <code data-testid="bundle-path">{state.result.path}</code>
                {state.result.bytes !== undefined ? ` (${size(state.result.bytes)})` : ''}.
              </>
            ) : (
              <>{t('wizard:bundle.notSaved', { reason: state.result.reason ?? t('wizard:bundle.noReason') })}</>
            )}
          </p>
          {state.result.exists && <p className="muted small">{t('wizard:bundle.confirmReplace')}</p>}
          <div className="copy-row">
            {state.result.exists && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="bundle-replace"
                onClick={() => void save(state.preview, true)}
              >
                {t('wizard:bundle.replace')}{' '}
                {state.result.path ? <code>{state.result.path}</code> : t('wizard:bundle.existingFile')}
              </button>
            )}
            {!state.result.saved && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="bundle-save-again"
                onClick={() => void save(state.preview, false)}
              >
                {t('wizard:bundle.another')}
              </button>
            )}
            <button type="button" className="button button-ghost" onClick={() => setState({ kind: 'idle' })}>
              {t('wizard:bundle.done')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
