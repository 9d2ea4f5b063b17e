import type { CheckResult } from '../../../shared/report';
import { readDetails } from '../../../shared/check-details/details-schema';
import { SignInDetailsSchema, type SignInChain, type SignInHop } from '../../../shared/check-details/sign-in-chain';
import { chainEndText, hopChangeText } from '../../../shared/i18n/sign-in-chain-text';
import { TOKEN_CHECK_IDS } from '../../../shared/check-details/token';
import { Disclosure } from '../components/disclosure';
import { useTr, type Translate } from '../i18n/use-tr';
import { useStepRun } from '../store/use-wizard';
import type { CheckRow } from '../store/step-run';
import type { PanelProps } from './panel-types';
import type { MessageKey } from '../../../shared/i18n/message';

/** The Token step's checks that follow a sign-in chain, and what each chain is called. */
const CHAIN_CHECKS = [
  { id: TOKEN_CHECK_IDS.authRedirect, title: 'wizard:chain.authRedirect' },
  { id: TOKEN_CHECK_IDS.pastedUrl, title: 'wizard:chain.pastedUrl' },
] as const satisfies readonly { readonly id: string; readonly title: MessageKey }[];

type Tone = 'pass' | 'warn' | 'fail' | 'skipped';

/** A hop's colour: a 4xx/5xx or Cloudflare fails, an added PKCE challenge warns, a hop not requested is neutral. */
function toneOf(hop: SignInHop): Tone {
  if (hop.page === 'cloudflare' || hop.page === 'error' || hop.page === 'no-answer') return 'fail';
  // A challenge Trakt added is the headline of a chain that otherwise looks healthy.
  if (hop.change.includes('PKCE')) return 'warn';
  if (hop.page === 'sign-in' || hop.page === 'consent') return 'pass';
  if (hop.status === null) return 'skipped';
  return 'pass';
}

function statusText(hop: SignInHop, t: Translate): string {
  if (hop.status !== null) return String(hop.status);
  return hop.page === 'no-answer' ? t('wizard:chain.noAnswer') : t('wizard:chain.notRequested');
}

function resultOf(rows: readonly CheckRow[], id: string): CheckResult | null {
  const row = rows.find((r) => r.id === id);
  return row?.state === 'done' ? row.result : null;
}

interface TimelineProps {
  readonly title: string;
  readonly chain: SignInChain;
  /** A ready-to-paste report for Stremio, when nothing on this computer fixes the sign-in. */
  readonly reportText: string | null;
}

function Timeline({ title, chain, reportText }: TimelineProps) {
  const { t, tr } = useTr();
  return (
    <div className="sign-in-chain">
      <h4 className="sign-in-chain-title">{title}</h4>
      <ol className="sign-in-hops">
        {chain.hops.map((hop, i) => (
          <li key={`${i}-${hop.host}${hop.path}`} className="sign-in-hop" data-hop={i + 1} data-tone={toneOf(hop)}>
            <span className={`badge badge-${toneOf(hop)}`}>{statusText(hop, t)}</span>{' '}
            <span className="sign-in-hop-place">
              {hop.host}
              <span className="muted">{hop.path}</span>
            </span>
            {hop.ms !== null && <span className="muted small"> {t('wizard:check.duration', { ms: hop.ms })}</span>}
            {hop.change && <div className="small sign-in-hop-change">{hopChangeText(hop, tr)}</div>}
          </li>
        ))}
      </ol>
      <p className="muted small" data-testid="sign-in-chain-end">
        {t('wizard:chain.ends', { end: chainEndText(chain, tr) })}
      </p>
      {reportText && (
        <Disclosure label={t('wizard:chain.reportText')} className="sign-in-report" keepMounted>
          <pre className="small" data-testid="sign-in-report-text">
            {reportText}
          </pre>
        </Disclosure>
      )}
    </div>
  );
}

/** The Token step's sign-in chains as hop-by-hop timelines (host, status, what changed), shown as checks finish. */
export function TokenSignInChain(_props: PanelProps) {
  const { t } = useTr();
  const run = useStepRun('token');
  const chains = CHAIN_CHECKS.flatMap(({ id, title }) => {
    const result = resultOf(run.rows, id);
    const details = result ? readDetails(result.details, SignInDetailsSchema) : null;
    return details && details.chain.hops.length > 0
      ? [{ id, title: t(title), chain: details.chain, reportText: details.reportText ?? null }]
      : [];
  });
  if (chains.length === 0) return null;
  return (
    <div className="sign-in-chains" data-testid="sign-in-chains">
      <h3 className="section-title">{t('wizard:chain.title')}</h3>
      <p className="muted small">{t('wizard:chain.intro')}</p>
      {chains.map(({ id, title, chain, reportText }) => (
        <section key={id} data-chain={id}>
          <Timeline title={title} chain={chain} reportText={reportText} />
        </section>
      ))}
    </div>
  );
}
