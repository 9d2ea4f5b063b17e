import { useState } from 'react';
import type { Fix } from '../../../shared/report';
import { useTr } from '../i18n/use-tr';
import { pageTitleKey } from '../lib/pages';
import { useWizard } from '../store/use-wizard';

/** A fix: its title, numbered steps, and the one safe action as a button (open an allow-listed URL, or re-run a step). */
export function FixView({ fix }: { readonly fix: Fix }) {
  const { t } = useTr();
  const openUrl = useWizard((s) => s.openUrl);
  const rerunStep = useWizard((s) => s.rerunStep);
  const goTo = useWizard((s) => s.goTo);
  const page = useWizard((s) => s.page);
  const [feedback, setFeedback] = useState<{ readonly ok: boolean; readonly text: string } | null>(null);
  const action = fix.action;

  const onAction = async () => {
    if (!action) return;
    if (action.kind === 'open-url') {
      setFeedback(null);
      const outcome = await openUrl(action.url);
      setFeedback(
        outcome.opened
          ? { ok: true, text: t('wizard:fix.opened') }
          : { ok: false, text: t('wizard:fix.notOpened', { reason: outcome.reason }) },
      );
    } else {
      if (page !== action.step) goTo(action.step);
      void rerunStep(action.step);
    }
  };

  const label = !action
    ? null
    : (action.label ??
      (action.kind === 'open-url'
        ? t('wizard:fix.open', { host: hostOf(action.url) ?? t('wizard:fix.thePage') })
        : t('wizard:fix.rerun', { step: t(pageTitleKey(action.step)) })));
  return (
    <div className="fix">
      <h4 className="fix-title">{t('wizard:fix.howTo', { title: fix.title })}</h4>
      {fix.steps.length > 0 && (
        <ol className="fix-steps">
          {fix.steps.map((step, i) => (
            <li key={i}>{step}</li>
          ))}
        </ol>
      )}
      {action && label && (
        <div className="fix-action">
          <button
            type="button"
            className="button button-secondary"
            data-action={action.kind}
            onClick={() => void onAction()}
          >
            {label}
            {action.kind === 'open-url' && <span aria-hidden="true"> ↗</span>}
          </button>
          {feedback && (
            <span role="status" className={feedback.ok ? 'fix-feedback ok' : 'fix-feedback refused'}>
              {feedback.text}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}
