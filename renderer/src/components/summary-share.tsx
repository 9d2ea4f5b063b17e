import { useState, type ReactNode } from 'react';
import type { Report } from '../../../shared/report';
import { renderSummaryMarkdown } from '../../../shared/summary-markdown';
import { useTr } from '../i18n/use-tr';
import { copyText } from '../lib/copy-text';

/** Copy summary (Markdown for a forum post), and the bundle export when the fix did not already show it. */
export function SummaryShare({ report, children }: { readonly report: Report; readonly children?: ReactNode }) {
  const { t, tr } = useTr();
  const [copied, setCopied] = useState<{ readonly ok: boolean; readonly markdown: string } | null>(null);
  const onCopy = async () => {
    const markdown = renderSummaryMarkdown(report, tr);
    setCopied({ ok: await copyText(markdown), markdown });
  };
  return (
    <section className="summary-share" aria-labelledby="summary-share">
      <h3 className="section-title" id="summary-share">
        {t('wizard:summary.share')}
      </h3>
      <div className="copy-row">
        <button
          type="button"
          className="button button-secondary"
          data-testid="copy-summary"
          onClick={() => void onCopy()}
        >
          {t('wizard:summary.copy')}
        </button>
        <span className="muted small">{t('wizard:summary.copyHint')}</span>
        {copied && (
          <span role="status" className={copied.ok ? 'fix-feedback ok' : 'fix-feedback refused'}>
            {copied.ok ? t('wizard:summary.copied') : t('wizard:summary.copyFailed')}
          </span>
        )}
      </div>
      {copied && !copied.ok && (
        <textarea
          className="manual-copy"
          readOnly
          value={copied.markdown}
          aria-label={t('wizard:summary.markdownLabel')}
          rows={8}
        />
      )}
      {children}
    </section>
  );
}
