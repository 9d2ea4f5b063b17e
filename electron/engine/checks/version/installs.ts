import {
  InstallsDetailsSchema,
  VERSION_CHECK_IDS,
  type InstallRecord,
  type InstallsDetails,
} from '../../../../shared/check-details/version';
import { msg, type Message } from '../../../../shared/i18n/message';
import { defineCheck, type CheckHandle, type ProblemObservation } from '../../runtime/check';
import type { EngineContext } from '../../runtime/context';
import type { StremioInstall } from '../../clients/stremio/install-types';
import { findInstalls } from '../../clients/stremio/installs';
import { searchBases, stremioSearchOf } from '../../clients/stremio/installs-search';
import type { CommandRunner } from '../../clients/stremio/processes-run';
import { joinItems } from '../../../../shared/i18n/join';
import { stremioGenerationOf } from './stremio-generation';

/** Data `version.installs` leaves for its dependents. */
export interface InstallsData {
  readonly installs: readonly StremioInstall[];
}

/** Registers the searched home folders as secrets, so paths in details and evidence read `[redacted home-path]/…`. */
export function redactHomes(ctx: EngineContext): void {
  for (const base of searchBases(ctx)) ctx.secrets.add(base.home, 'home-path');
}

/** One install as the details show it. */
export function describeInstall(install: StremioInstall): InstallRecord {
  return {
    label: install.label,
    kind: install.kind,
    location: install.location,
    version: install.version,
    versionSource: install.versionSource,
    ...(install.versionProblem ? { versionProblem: install.versionProblem } : {}),
    updateChannel: install.updater,
  };
}

/** Builds the check that finds every Stremio install (docs/architecture.md); `run` replaces OS commands in tests. */
export function createInstallsCheck(run?: CommandRunner): CheckHandle<InstallsData, InstallsDetails> {
  return defineCheck<InstallsData, InstallsDetails>()({
    id: VERSION_CHECK_IDS.installs,
    details: InstallsDetailsSchema,
    step: 'version',
    dependsOn: [],
    codes: ['STREMIO_NOT_FOUND', 'STREMIO_V4_UNMAINTAINED'],
    budgetMs: (ctx) => Math.max(5000, ctx.config.timeouts.probeMs),
    async run({ ctx, signal }) {
      redactHomes(ctx);
      const installs = await findInstalls(stremioSearchOf(ctx, run), signal);
      const data: InstallsData = { installs };
      const details = {
        platform: ctx.platform,
        searchedRoots: ctx.searchRoots ? [...ctx.searchRoots] : 'the OS locations',
        installs: installs.map(describeInstall),
        stremioMenus: stremioGenerationOf(installs),
      };
      if (installs.length === 0) {
        return {
          verdict: 'warn',
          summary: msg('checks-version:installs.notFound'),
          problems: [
            {
              code: 'STREMIO_NOT_FOUND',
              evidence: `version.installs: no install in the ${ctx.searchRoots ? 'configured search roots' : `usual ${ctx.platform} locations`}`,
              confidence: 0.8,
            },
          ],
          details,
          data,
        };
      }
      // Maintainers: "we do not plan to fix issues related to the stremio 4.x" (Stremio/stremio-bugs#1659).
      const problems: ProblemObservation[] = installs
        .filter((i) => i.generation === 4)
        .map((i) => ({
          code: 'STREMIO_V4_UNMAINTAINED',
          evidence: `version.installs: ${i.label} ${i.version ?? '(version unknown)'} at ${i.location}`,
          confidence: i.version ? 0.95 : 0.8,
        }));
      const list = joinItems(installs.map(installName));
      return {
        verdict: problems.length > 0 ? 'warn' : 'pass',
        summary:
          problems.length > 0
            ? msg('checks-version:installs.foundV4', { installs: list })
            : msg('checks-version:installs.found', { installs: list }),
        problems,
        details,
        data,
      };
    },
  });
}

/** An install as a summary names it: its label and version (`Stremio 5 (Windows) 5.0.20`). */
function installName(install: StremioInstall): Message {
  return install.version
    ? msg('checks-version:installs.install', { label: install.label, version: install.version })
    : msg('checks-version:installs.installVersionUnknown', { label: install.label });
}

/** The registered instance: real OS commands, never called when search roots are set. */
export const installsCheck = createInstallsCheck();
