import type { CheckDefinition, CheckOutcome } from '../check';
import { readStreamingServerSettings } from '../../stremio/streaming-server';
import { redactHomes } from '../version/installs';

/** The server is on loopback: it answers in milliseconds or not at all. */
const LOOPBACK_TIMEOUT_MS = 3000;

/** Asks the local streaming server for its settings (stremio.md §5): install health, not a Trakt cause. */
export const streamingServerCheck: CheckDefinition = {
  id: 'cache.streaming-server',
  step: 'cache',
  title: 'Local streaming server',
  dependsOn: [],
  budgetMs: (ctx) => Math.min(ctx.config.timeouts.probeMs, LOOPBACK_TIMEOUT_MS) + 500,
  async run({ ctx, signal }): Promise<CheckOutcome> {
    // The server reports absolute paths under the user's home (appPath, cacheRoot).
    redactHomes(ctx);
    const status = await readStreamingServerSettings(ctx.http, ctx.config.endpoints.streamingServer, Math.min(ctx.config.timeouts.probeMs, LOOPBACK_TIMEOUT_MS), signal);
    if (!status.ok) {
      return {
        verdict: 'warn',
        summary: `The local streaming server does not answer (${status.reason}). This does not cause Trakt problems.`,
        problems: [{
          code: 'STREAMING_SERVER_DOWN',
          evidence: `cache.streaming-server: ${status.url}: ${status.reason}`,
          // Something else answering on the port is less certain evidence of a dead server than silence.
          confidence: status.kind === 'not-stremio' ? 0.6 : 0.85,
        }],
        details: { url: status.url, failure: status.kind, error: status.reason },
      };
    }
    return {
      verdict: 'pass',
      summary: `The local streaming server answers${status.serverVersion ? ` (version ${status.serverVersion})` : ''}.`,
      details: { url: status.url, serverVersion: status.serverVersion, appPath: status.appPath, cacheRoot: status.cacheRoot, cacheSize: status.cacheSize, baseUrl: status.baseUrl },
    };
  },
};
