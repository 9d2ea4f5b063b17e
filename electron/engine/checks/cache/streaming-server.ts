import { CACHE_CHECK_IDS } from '../../../../shared/check-details/cache';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck } from '../../runtime/check';
import { readStreamingServerSettings } from '../../clients/stremio/streaming-server';
import { installsCheck, redactHomes } from '../version/installs';
import { stremioRunningCheck } from './stremio-running';

/** The server is on loopback: it answers in milliseconds or not at all. */
const LOOPBACK_TIMEOUT_MS = 3000;

/**
 * Asks the streaming server for its settings (stremio-core `streaming_server.rs`): install health, not a Trakt cause.
 * The shells start the server and stop it with them (shell-ng `server.rs`), so silence is a problem only
 * while Stremio runs: with no install, or with Stremio closed, no server is expected.
 */
export const streamingServerCheck = defineCheck<undefined>()({
  id: CACHE_CHECK_IDS.streamingServer,
  step: 'cache',
  dependsOn: [installsCheck, stremioRunningCheck],
  codes: ['STREAMING_SERVER_DOWN'],
  budgetMs: (ctx) => Math.min(ctx.config.timeouts.probeMs, LOOPBACK_TIMEOUT_MS) + 500,
  async run({ ctx, deps, signal }) {
    // The server reports absolute paths under the user's home (appPath, cacheRoot).
    redactHomes(ctx);
    const status = await readStreamingServerSettings(
      ctx.http,
      ctx.config.endpoints.streamingServer,
      Math.min(ctx.config.timeouts.probeMs, LOOPBACK_TIMEOUT_MS),
      signal,
    );
    if (status.ok) {
      return {
        verdict: 'pass',
        summary: status.serverVersion
          ? msg('checks-cache:streaming-server.answersVersion', { version: status.serverVersion })
          : msg('checks-cache:streaming-server.answers'),
        details: {
          url: status.url,
          serverVersion: status.serverVersion,
          appPath: status.appPath,
          cacheRoot: status.cacheRoot,
          cacheSize: status.cacheSize,
          baseUrl: status.baseUrl,
        },
      };
    }
    const details = { url: status.url, failure: status.kind, error: status.reason };
    const installs = deps.get(installsCheck)?.installs ?? [];
    const running = deps.get(stremioRunningCheck)?.running ?? null;
    if (installs.length === 0) {
      return {
        verdict: 'pass',
        summary: msg('checks-cache:streaming-server.silentNoInstall'),
        details,
      };
    }
    if (running === false) {
      return {
        verdict: 'pass',
        summary: msg('checks-cache:streaming-server.silentClosed'),
        details,
      };
    }
    return {
      verdict: 'warn',
      summary: msg('checks-cache:streaming-server.down', { reason: status.why }),
      problems: [
        {
          code: 'STREAMING_SERVER_DOWN',
          evidence: `cache.streaming-server: ${status.url}: ${status.reason}`,
          // Something else answering on the port is less certain evidence of a dead server than silence.
          confidence: status.kind === 'not-stremio' ? 0.6 : 0.9,
        },
      ],
      details,
    };
  },
});
