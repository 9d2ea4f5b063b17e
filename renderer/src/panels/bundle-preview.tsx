import type { RefObject } from 'react';
import type { BundlePreview } from '../../../shared/ipc';
import { useTr } from '../i18n/use-tr';

/** Redaction classes with their counts, the export's and the run's together, largest first. */
export function redactionRows(preview: BundlePreview): Array<readonly [string, number]> {
  const all = new Map<string, number>();
  for (const counts of [preview.redactions, preview.redactionsDuringRun]) {
    for (const [kind, n] of Object.entries(counts)) all.set(kind, (all.get(kind) ?? 0) + n);
  }
  return [...all.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Exactly what the .zip will hold: its files and sizes, what was redacted, and summary.md as it will be saved. */
export function BundlePreviewView({
  preview,
  idBase,
  headingRef,
}: {
  readonly preview: BundlePreview;
  /** A unique prefix for the ids of its labelled fields. */
  readonly idBase: string;
  /** Focused when the preview opens. */
  readonly headingRef?: RefObject<HTMLHeadingElement | null>;
}) {
  const { t } = useTr();
  const size = (bytes: number) => t('wizard:bundle.size', { size: bytes });
  const total = preview.files.reduce((n, f) => n + f.bytes, 0);
  const redactions = redactionRows(preview);
  return (
    <section aria-label={t('wizard:bundle.contains')} data-testid="bundle-preview">
      <h4 tabIndex={-1} ref={headingRef}>
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
      <label className="muted small" htmlFor={`${idBase}-summary`}>
        {t('wizard:bundle.summaryLabel')}
      </label>
      <textarea
        id={`${idBase}-summary`}
        className="manual-copy"
        readOnly
        rows={8}
        value={preview.summaryMarkdown}
        data-testid="bundle-summary"
      />
    </section>
  );
}
