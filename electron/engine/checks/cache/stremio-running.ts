import { CACHE_CHECK_IDS } from '../../../../shared/check-details/cache';
import { msg } from '../../../../shared/i18n/message';
import { defineCheck, type CheckHandle } from '../../runtime/check';
import { stremioSearchOf } from '../../clients/stremio/installs-search';
import { listStremioProcesses } from '../../clients/stremio/processes';
import type { CommandRunner } from '../../clients/stremio/processes-run';

/** Data `cache.stremio-running` leaves: true, false, or null when the process list could not be read. */
export interface RunningData {
  readonly running: boolean | null;
}

/** Builds the check that tells whether Stremio runs (cache moves wait until it is closed); `run` replaces OS commands in tests. */
export function createStremioRunningCheck(run?: CommandRunner): CheckHandle<RunningData> {
  return defineCheck<RunningData>()({
    id: CACHE_CHECK_IDS.stremioRunning,
    step: 'cache',
    dependsOn: [],
    codes: ['STREMIO_RUNNING'],
    budgetMs: () => 5000,
    async run({ ctx, signal }) {
      const listing = await listStremioProcesses(stremioSearchOf(ctx, run), signal);
      if (!listing.ok) {
        const data: RunningData = { running: null };
        return {
          verdict: 'error',
          summary: msg('checks-cache:stremio-running.unknown', { reason: listing.reason }),
          details: { method: listing.method, error: listing.reason },
          data,
        };
      }
      const details = {
        method: listing.method,
        processesScanned: listing.scanned,
        stremioProcesses: listing.processes.map((p) => ({ pid: p.pid, name: p.name })),
      };
      if (listing.processes.length === 0) {
        const data: RunningData = { running: false };
        return { verdict: 'pass', summary: msg('checks-cache:stremio-running.notRunning'), details, data };
      }
      const data: RunningData = { running: true };
      const names = [...new Set(listing.processes.map((p) => p.name))].join(', ');
      return {
        verdict: 'warn',
        summary: msg('checks-cache:stremio-running.running', { processes: names }),
        problems: [
          {
            code: 'STREMIO_RUNNING',
            evidence: `cache.stremio-running: ${listing.processes.map((p) => `${p.name} (pid ${p.pid})`).join(', ')}`,
            confidence: 0.95,
          },
        ],
        details,
        data,
      };
    },
  });
}

/** The registered instance: real OS commands, never called when search roots are set. */
export const stremioRunningCheck = createStremioRunningCheck();
