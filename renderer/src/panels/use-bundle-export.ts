import { useState } from 'react';
import type { BundlePreview, BundleSaveResult, IpcError } from '../../../shared/ipc';
import type { Report } from '../../../shared/report';
import type { Locale } from '../../../shared/i18n/locales';
import { callSafely, doctorApi } from '../lib/doctor-api';

/** Where the export stands: nothing yet, reading the preview, showing it, saving, the outcome, or a typed error. */
export type ExportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'previewing' }
  | { readonly kind: 'preview'; readonly preview: BundlePreview; readonly session: Report }
  | { readonly kind: 'saving'; readonly preview: BundlePreview }
  | { readonly kind: 'outcome'; readonly preview: BundlePreview; readonly result: BundleSaveResult }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** The preview an export state shows (while previewing, saving, and after). */
export function previewOf(state: ExportState): BundlePreview | null {
  return state.kind === 'preview' || state.kind === 'saving' || state.kind === 'outcome' ? state.preview : null;
}

/**
 * The export's steps (docs/architecture.md "Bundle"): preview exactly what the .zip will hold, then save it
 * where the user chooses (`overwrite` only after the user confirmed replacing a file), in `locale`. A run
 * since the preview changed the session, so the bundle: a preview on screen would no longer be true.
 */
export function useBundleExport(session: Report | null, locale: Locale) {
  const [shown, setState] = useState<ExportState>({ kind: 'idle' });
  const state: ExportState = shown.kind === 'preview' && shown.session !== session ? { kind: 'idle' } : shown;

  const showPreview = async () => {
    if (!session) return;
    setState({ kind: 'previewing' });
    const answer = await callSafely(() => doctorApi()['bundle:preview']({ locale }));
    setState(answer.ok ? { kind: 'preview', preview: answer.value, session } : { kind: 'failed', error: answer.error });
  };

  const save = async (preview: BundlePreview, overwrite: boolean) => {
    setState({ kind: 'saving', preview });
    const answer = await callSafely(() =>
      doctorApi()['bundle:save'](overwrite ? { overwrite: true, locale } : { locale }),
    );
    setState(answer.ok ? { kind: 'outcome', preview, result: answer.value } : { kind: 'failed', error: answer.error });
  };

  return { state, showPreview, save, close: () => setState({ kind: 'idle' }) };
}
