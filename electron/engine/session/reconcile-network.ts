import {
  CONNECTIVITY_CHECK_IDS,
  ConnectivitySummaryDetailsSchema,
  DnsDetailsSchema,
  HttpDetailsSchema,
  type ChainRow,
} from '../../../shared/check-details/connectivity';
import { SignInDetailsSchema } from '../../../shared/check-details/sign-in-chain';
import { msg } from '../../../shared/i18n/message';
import type { ReconcileRule, Reconciliation } from './reconciliation';

// The Connectivity step's findings weighed against the per-host chains and the sign-in chains
// (docs/architecture.md "Findings agree").

const PORTAL_CHECK_ID = 'connectivity.captive-portal';
/** The Token step's checks that follow Trakt's sign-in chain hop by hop. */
const SIGN_IN_CHECK_IDS = ['token.auth-redirect', 'token.pasted-url'] as const;

/** The per-host chains of `connectivity.summary` (none when it did not run or has no chains). */
function chainRows(session: Reconciliation): readonly ChainRow[] {
  const parsed = ConnectivitySummaryDetailsSchema.safeParse(session.result(CONNECTIVITY_CHECK_IDS.summary)?.details);
  return parsed.success ? parsed.data.hosts : [];
}

/** A host whose chain reached a trusted TLS handshake and then an HTTP answer (any status). */
function answeredOverTrustedTls(row: ChainRow): boolean {
  const answered = row.http.status === 'ok' || /^\d{3}\b/.test(row.http.note);
  return row.tls.status === 'ok' && row.http.status !== 'skipped' && answered;
}

/**
 * A captive portal redirects (or rewrites) every connection until one signs in; it cannot hand out trusted
 * certificates. When every service answered over trusted TLS, the redirected probe is a sign-in page that
 * does not stand in the way of Stremio or Trakt: at most a warning, and the probe's check says so.
 */
const portalWhileServicesAnswer: ReconcileRule = (session) => {
  if (session.observed('CAPTIVE_PORTAL').length === 0) return;
  const rows = chainRows(session);
  if (rows.length === 0 || !rows.every(answeredOverTrustedTls)) return;
  session.cap(
    'CAPTIVE_PORTAL',
    'warning',
    `yet every service answered over trusted TLS (${rows.map((r) => r.host).join(', ')}), so it does not block Stremio or Trakt`,
  );
  if (session.result(PORTAL_CHECK_ID)?.verdict === 'fail')
    session.restate(PORTAL_CHECK_ID, 'warn', msg('checks-connectivity:captive-portal.servicesAnswer'));
};

/** What a captive portal does to every other connection until one signs in to the network. */
const HELD_BY_A_PORTAL = ['DNS_FAILURE', 'TCP_BLOCKED', 'TLS_INVALID', 'TLS_INTERCEPTED', 'ENDPOINT_TIMEOUT'] as const;

/**
 * A captive portal that stays critical (the services do not answer) is the cause of the services' failures:
 * a portal resets, redirects or intercepts connections until one signs in to the network. Those failures are
 * its effect, not causes of their own: at most warnings, so the one thing to do first is the portal's.
 */
const portalHoldsTheServices: ReconcileRule = (session) => {
  const portal = session.observed('CAPTIVE_PORTAL');
  if (portal.length === 0 || portal.some((p) => p.observation.severity === 'warning')) return;
  for (const code of HELD_BY_A_PORTAL)
    if (session.observed(code).every((o) => o.check.startsWith('connectivity.')))
      session.cap(code, 'warning', 'a captive portal on this network holds connections until you sign in to it');
};

/**
 * A DNS filter on this computer that a proxy goes around: the proxy resolves the names itself, and every
 * filtered host answered through it over trusted TLS. The filter is real but does not block the services
 * (Stremio and the browser use the same proxy): a warning, and the step's verdict stops counting those hosts
 * as failing.
 */
const dnsFilterBehindProxy: ReconcileRule = (session) => {
  if (session.observed('DNS_FILTERED').length === 0) return;
  const dns = DnsDetailsSchema.safeParse(session.result(CONNECTIVITY_CHECK_IDS.dns)?.details);
  if (!dns.success) return;
  const filtered = dns.data.hosts.filter((h) => h.verdict === 'filtered').map((h) => h.host);
  const rows = chainRows(session);
  const bypassed = (host: string) => rows.some((r) => r.host === host && r.proxy !== null && answeredOverTrustedTls(r));
  if (filtered.length === 0 || !filtered.every(bypassed)) return;
  session.cap(
    'DNS_FILTERED',
    'warning',
    `yet each of these hosts answered over trusted TLS through the proxy, which resolves the names itself`,
  );
  if (session.observed('DNS_FAILURE').length === 0)
    session.restate(
      CONNECTIVITY_CHECK_IDS.dns,
      'warn',
      msg('checks-connectivity:dns.filteredBehindProxy', { filtered }),
    );
  const failing = rows.filter(
    (r) => !filtered.includes(r.host) && [r.dns, r.tcp, r.tls, r.http].some((layer) => layer.status === 'fail'),
  );
  if (failing.length === 0 && session.result(CONNECTIVITY_CHECK_IDS.summary)?.verdict === 'warn')
    session.restate(
      CONNECTIVITY_CHECK_IDS.summary,
      'warn',
      msg('checks-connectivity:summary.answerBehindProxy', { count: rows.length, hosts: filtered }),
    );
};

/** Hosts on which a sign-in chain got an answer that was not Cloudflare's block page (nor an error). */
function hostsAnsweredInSignIn(session: Reconciliation): Set<string> {
  const hosts = new Set<string>();
  for (const id of SIGN_IN_CHECK_IDS) {
    const parsed = SignInDetailsSchema.safeParse(session.result(id)?.details);
    if (!parsed.success) continue;
    for (const hop of parsed.data.chain.hops)
      if (hop.status !== null && hop.status < 400 && hop.page !== 'cloudflare') hosts.add(hop.host);
  }
  return hosts;
}

/**
 * Cloudflare blocked the Connectivity step's probe of a host (its home page), while Trakt's sign-in on the
 * same host answered: the block does not stop what Stremio needs there. A warning; the HTTP check says so
 * when the block was its only problem. A block seen by a real call (the Revoked step's) is left as it is.
 */
const cloudflareOnTheProbeOnly: ReconcileRule = (session) => {
  const seen = session.observed('CLOUDFLARE_BLOCKED');
  if (seen.length === 0 || seen.some((s) => s.check !== CONNECTIVITY_CHECK_IDS.http)) return;
  const http = HttpDetailsSchema.safeParse(session.result(CONNECTIVITY_CHECK_IDS.http)?.details);
  if (!http.success) return;
  const blocked = http.data.hosts
    .filter((h) => h.answeredBy === 'cloudflare-edge' && h.status === 'fail')
    .map((h) => h.host);
  const answered = hostsAnsweredInSignIn(session);
  if (blocked.length === 0 || !blocked.every((host) => answered.has(host))) return;
  session.cap(
    'CLOUDFLARE_BLOCKED',
    'warning',
    `yet Trakt's sign-in on the same host answered (${blocked.join(', ')}), so the block stops the probe, not the sign-in`,
  );
  const others = session.result(CONNECTIVITY_CHECK_IDS.http)?.problems.filter((p) => p !== 'CLOUDFLARE_BLOCKED');
  if (others?.every((p) => p === 'SLOW_NETWORK'))
    session.restate(
      CONNECTIVITY_CHECK_IDS.http,
      'warn',
      msg('checks-connectivity:http.cloudflareProbeOnly', { hosts: blocked }),
    );
};

/** The Connectivity step's rules. */
export const NETWORK_RULES: readonly ReconcileRule[] = [
  portalWhileServicesAnswer,
  portalHoldsTheServices,
  dnsFilterBehindProxy,
  cloudflareOnTheProbeOnly,
];
