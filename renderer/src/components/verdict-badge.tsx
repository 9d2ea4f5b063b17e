import type { Severity, Verdict } from '../../../shared/report';
import { useTr } from '../i18n/use-tr';
import type { MessageKey } from '../../../shared/i18n/message';

/** The common-namespace key of each verdict's word (shared/locales/<locale>/common.json). */
export const VERDICT_KEYS = {
  pass: 'common:verdict.pass',
  warn: 'common:verdict.warn',
  fail: 'common:verdict.fail',
  error: 'common:verdict.error',
  skipped: 'common:verdict.skipped',
} as const satisfies Readonly<Record<Verdict, MessageKey>>;
const VERDICT_ICON: Readonly<Record<Verdict, string>> = { pass: '✓', warn: '!', fail: '✕', error: '?', skipped: '–' };

/** A check's verdict as a coloured badge with an icon and a word (never colour alone). */
export function VerdictBadge({ verdict }: { readonly verdict: Verdict }) {
  const { t } = useTr();
  return (
    <span className={`badge badge-${verdict}`} data-verdict={verdict}>
      <span aria-hidden="true" className="badge-icon">
        {VERDICT_ICON[verdict]}
      </span>
      {t(VERDICT_KEYS[verdict])}
    </span>
  );
}

const SEVERITY_KEYS = {
  critical: 'common:severity.critical',
  warning: 'common:severity.warning',
  info: 'common:severity.info',
} as const satisfies Readonly<Record<Severity, MessageKey>>;

/** A finding's severity as a badge. */
export function SeverityBadge({ severity }: { readonly severity: Severity }) {
  const { t } = useTr();
  return (
    <span className={`badge severity-${severity}`} data-severity={severity}>
      {t(SEVERITY_KEYS[severity])}
    </span>
  );
}

/** A spinner badge for a check still running. */
export function RunningBadge() {
  const { t } = useTr();
  return (
    <span className="badge badge-running" data-verdict="running">
      <span aria-hidden="true" className="spinner" />
      {t('wizard:check.running')}
    </span>
  );
}
