import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import { resolveConfig } from '../../electron/engine/core/config';
import { createEngineContext } from '../../electron/engine/runtime/context';

// Each check's hard budget and the run's deadline are promises to the user about how long a diagnosis
// may take: a change to any of them must be deliberate, so it must change this table too.

const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };

async function budgets(probeMs?: number) {
  const config = resolveConfig({ ...loopbackDns, ...(probeMs === undefined ? {} : { timeouts: { probeMs } }) });
  const ctx = await createEngineContext(config, { env: {} });
  return {
    deadline: ctx.config.timeouts.overallMs,
    budgets: Object.fromEntries(CHECKS.map((check) => [check.id, check.budgetMs(ctx)])),
  };
}

describe('check budgets and the run-wide deadline', () => {
  it('with the default probe timeout (8 s)', async () => {
    expect(await budgets()).toEqual({
      deadline: 34_000,
      budgets: {
        'version.installs': 8000,
        'version.stremio-update': 9000,
        'version.wizard-update': 8500,
        'cache.locations': 6000,
        'cache.stremio-running': 5000,
        'cache.streaming-server': 3500,
        'cache.cached-profile': 10_000,
        'connectivity.proxy': 8000,
        'connectivity.dns': 33_000,
        'connectivity.tcp': 9000,
        'connectivity.tls': 9000,
        'connectivity.http': 9000,
        'connectivity.clock': 1000,
        'connectivity.captive-portal': 8500,
        'connectivity.summary': 33_000,
        'connectivity.incidents': 4000,
        'token.stremio-account': 9000,
        'token.trakt-token': 1000,
        'token.auth-redirect': 17_500,
        'token.pasted-url': 17_500,
        'token.oauth-differential': 950_000,
        'token.pkce-evidence': 500,
        // Interactive: the longest wait (15 min) plus its own reads; exempt from the run's deadline.
        'token.relink': 913_000,
        'revoked.users-settings': 17_000,
        'scrobbling.addons': 9000,
        'scrobbling.library': 18_000,
        'scrobbling.trakt-history': 17_000,
        'scrobbling.comparison': 5000,
        'scrobbling.app-limit': 1000,
        'scrobbling.events-path': 9000,
        'scrobbling.live': 929_000,
      },
    });
  });

  it('with a 1 s probe timeout (fixed floors stay, probe-derived budgets shrink)', async () => {
    expect(await budgets(1000)).toEqual({
      deadline: 6000,
      budgets: {
        'version.installs': 5000,
        'version.stremio-update': 2000,
        'version.wizard-update': 1500,
        'cache.locations': 6000,
        'cache.stremio-running': 5000,
        'cache.streaming-server': 1500,
        'cache.cached-profile': 3000,
        'connectivity.proxy': 3000,
        'connectivity.dns': 5000,
        'connectivity.tcp': 2000,
        'connectivity.tls': 2000,
        'connectivity.http': 2000,
        'connectivity.clock': 1000,
        'connectivity.captive-portal': 1500,
        'connectivity.summary': 5000,
        'connectivity.incidents': 1000,
        'token.stremio-account': 2000,
        'token.trakt-token': 1000,
        'token.auth-redirect': 3500,
        'token.pasted-url': 3500,
        'token.oauth-differential': 950_000,
        'token.pkce-evidence': 500,
        'token.relink': 906_000,
        'revoked.users-settings': 3000,
        'scrobbling.addons': 2000,
        'scrobbling.library': 4000,
        'scrobbling.trakt-history': 3000,
        'scrobbling.comparison': 5000,
        'scrobbling.app-limit': 1000,
        'scrobbling.events-path': 2000,
        'scrobbling.live': 908_000,
      },
    });
  });

  it('gives the chain checks a whole chain of probes, inside the deadline, whatever the probe timeout', async () => {
    for (const probeMs of [50, 1000, 8000, 120_000]) {
      const { deadline, budgets: b } = await budgets(probeMs);
      for (const id of ['connectivity.dns', 'connectivity.summary']) {
        expect(b[id], `${id} at ${probeMs} ms`).toBeGreaterThanOrEqual(4 * probeMs);
        expect(b[id], `${id} at ${probeMs} ms`).toBeLessThan(deadline);
      }
    }
  });
});
