import type { ProblemCode } from '../../../shared/problems';
import type { ListKey, MessageKey } from '../../../shared/i18n/message';
import { useTr } from '../i18n/use-tr';
import { useStepReport } from '../store/use-wizard';
import type { PanelProps } from './panel-types';

/** Longer, product-specific help for the connectivity findings whose fix depends on the user's setup. */
// Product menu names (Pi-hole, AdGuard Home, NextDNS) are those programs' own English names: they ship no other.
const HELP: Partial<
  Readonly<
    Record<ProblemCode, { readonly title: Extract<MessageKey, `wizard:help.${string}`>; readonly items: ListKey }>
  >
> = {
  DNS_FILTERED: { title: 'wizard:help.dnsTitle', items: 'wizard:help.dnsItems' },
  CLOCK_SKEW: { title: 'wizard:help.clockTitle', items: 'wizard:help.clockItems' },
  CAPTIVE_PORTAL: { title: 'wizard:help.portalTitle', items: 'wizard:help.portalItems' },
  TCP_BLOCKED: { title: 'wizard:help.tcpTitle', items: 'wizard:help.tcpItems' },
};

/** Under the Connectivity results: setup-specific help for the problems found (DNS filters, clock, portal, VPN). */
export function ConnectivityHelp(_props: PanelProps) {
  const { t, tr } = useTr();
  const report = useStepReport('connectivity');
  const codes = (report?.findings ?? []).map((f) => f.problem).filter((code): code is ProblemCode => code in HELP);
  if (codes.length === 0) return null;
  return (
    <div className="connectivity-help" data-testid="connectivity-help">
      {codes.map((code) => {
        const help = HELP[code]!;
        return (
          <section key={code} data-help={code} className="notice">
            <h4>{t(help.title)}</h4>
            <ul>
              {tr.list(help.items).map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
