import { CONNECTIVITY_CHECK_IDS } from '../../../../shared/check-details/connectivity';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { SYSTEM_PROXY_WAIT_MS, type ProxyChoice } from '../../net/proxy';
import { probedHosts } from './hosts';
import { joinClauses } from '../../../../shared/i18n/join';

/** Data the proxy check leaves for the chains: the proxy (or null) per probed URL. */
export interface ProxyCheckData {
  readonly proxies: ReadonlyMap<string, ProxyChoice | null>;
}

/** Names of the proxy variables curl reads (libcurl-env(3)), reported by presence only. */
const PROXY_VARIABLES = ['http_proxy', 'https_proxy', 'HTTPS_PROXY', 'all_proxy', 'ALL_PROXY', 'no_proxy', 'NO_PROXY'];

/** Finds the proxy each endpoint's requests go through: the environment (curl's rules) and, in the app, the system's. */
export const proxyCheck = defineCheck<ProxyCheckData>()({
  id: CONNECTIVITY_CHECK_IDS.proxy,
  step: 'connectivity',
  dependsOn: [],
  codes: ['PROXY_IN_USE'],
  // The system's proxy answer is waited for up to SYSTEM_PROXY_WAIT_MS; the check must outlast that.
  budgetMs: (ctx) => Math.max(ctx.config.timeouts.probeMs, SYSTEM_PROXY_WAIT_MS + 1000),
  async run({ ctx }) {
    const urls = [...probedHosts(ctx.config).map((h) => h.url), ctx.config.endpoints.captivePortal];
    const choices = await Promise.all(urls.map(async (url) => [url, await ctx.proxyFor(url)] as const));
    const proxies = new Map<string, ProxyChoice | null>(choices);
    const data: ProxyCheckData = { proxies };
    const used = choices.filter((entry): entry is readonly [string, ProxyChoice] => entry[1] !== null);
    const details = {
      source: ctx.resolveProxy ? 'system settings (Electron) and environment' : 'environment',
      variablesSet: PROXY_VARIABLES.filter((name) => ctx.env[name]?.trim()),
      endpoints: choices.map(([url, proxy]) => ({
        url,
        proxy: proxy?.display ?? 'DIRECT',
        from: proxy ? `${proxy.source}: ${proxy.origin}` : null,
        honoured: proxy ? proxy.supported : null,
      })),
    };
    if (used.length === 0) return { verdict: 'pass', summary: msg('checks-connectivity:proxy.direct'), details, data };
    const byProxy = new Map<string, { proxy: ProxyChoice; hosts: string[] }>();
    for (const [url, proxy] of used) {
      const entry = byProxy.get(proxy.display) ?? { proxy, hosts: [] };
      entry.hosts.push(new URL(url).hostname);
      byProxy.set(proxy.display, entry);
    }
    const unsupported = used.filter(([, proxy]) => !proxy.supported);
    const list = [...byProxy.values()].map(
      ({ proxy, hosts }) =>
        `${proxy.display} (${proxy.source === 'system' ? 'system settings' : proxy.origin}) for ${hosts.join(', ')}`,
    );
    const entries = [...byProxy.values()].map(({ proxy, hosts }) =>
      proxy.source === 'system'
        ? msg('checks-connectivity:proxy.entrySystem', { proxy: proxy.display, hosts })
        : msg('checks-connectivity:proxy.entry', { proxy: proxy.display, origin: proxy.origin, hosts }),
    );
    const through =
      unsupported.length > 0 ? 'checks-connectivity:proxy.throughUnsupported' : 'checks-connectivity:proxy.through';
    return {
      verdict: 'warn',
      summary: msg(through, { proxies: joinClauses(entries) }),
      problems: [{ code: 'PROXY_IN_USE', evidence: `connectivity.proxy: ${list.join('; ')}`, confidence: 0.95 }],
      details,
      data,
    };
  },
});
