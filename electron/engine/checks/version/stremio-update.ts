import { VERSION_CHECK_IDS } from '../../../../shared/check-details/version';
import { msg, type Message } from '../../../../shared/i18n/message';
import { englishTranslator } from '../../../../shared/i18n/translator';
import { defineCheck, type ProblemObservation } from '../../runtime/check';
import type { StremioInstall } from '../../clients/stremio/install-types';
import { askShellNgUpdater, askShellV4Updater, type UpdaterAnswer } from '../../clients/stremio/updater';
import { compareVersions } from '../../clients/stremio/updater-version';
import { installsCheck } from './installs';
import { joinClauses } from '../../../../shared/i18n/join';

/** How one install compares with the newest release. */
type Currency =
  'current' | 'outdated' | 'newer-than-updater' | 'check-failed' | 'version-unknown' | 'flatpak' | 'no-endpoint';

interface InstallVerdict {
  readonly install: StremioInstall;
  readonly currency: Currency;
  readonly latest: string | null;
  /** What it means, said in the summary (a nested message of the run's language). */
  readonly said: Message;
}

/** A note as details and evidence keep it: English technical text, whatever the run's language. */
function noteOf(v: InstallVerdict): string {
  return englishTranslator().text(v.said);
}

/** Compares every install with what Stremio's official updater says is newest (docs/sources.md "Stremio updater"). */
export const stremioUpdateCheck = defineCheck<undefined>()({
  id: VERSION_CHECK_IDS.stremioUpdate,
  step: 'version',
  dependsOn: [installsCheck],
  codes: ['STREMIO_OUTDATED', 'UPDATE_CHECK_FAILED'],
  budgetMs: (ctx) => ctx.config.timeouts.probeMs + 1000,
  async run({ ctx, deps, signal }) {
    const installs = deps.get(installsCheck)?.installs ?? [];
    if (installs.length === 0) return { verdict: 'skipped', summary: msg('checks-version:stremio-update.noInstall') };
    const endpoint = ctx.config.endpoints.stremioUpdater;
    // One request per question, however many installs ask it; all concurrently.
    const asked = new Map<string, Promise<UpdaterAnswer>>();
    const ask = (key: string, make: () => Promise<UpdaterAnswer>) => {
      if (!asked.has(key)) asked.set(key, make());
      return asked.get(key)!;
    };
    const verdicts = await Promise.all(
      installs.map(async (install): Promise<InstallVerdict> => {
        if (install.updater === 'flatpak')
          return {
            install,
            currency: 'flatpak',
            latest: null,
            said: msg('checks-version:stremio-update.note.flatpak'),
          };
        if (install.updater === 'unknown')
          return {
            install,
            currency: 'no-endpoint',
            latest: null,
            said: msg('checks-version:stremio-update.note.noEndpoint'),
          };
        if (!install.version)
          return {
            install,
            currency: 'version-unknown',
            latest: null,
            said: install.versionProblem
              ? msg('checks-version:stremio-update.note.versionUnreadable', { reason: install.versionProblem })
              : msg('checks-version:stremio-update.note.versionUnreadableNoReason'),
          };
        const version = install.version;
        if (install.updater === 'shell-ng') {
          const answer = await ask('shell-ng', () => askShellNgUpdater(ctx.http, endpoint, signal));
          if (!answer.ok || answer.channel !== 'shell-ng') return failed(install, answer);
          const order = compareVersions(version, answer.latest);
          if (order === null)
            return {
              install,
              currency: 'version-unknown',
              latest: answer.latest,
              said: msg('checks-version:stremio-update.note.notComparable', { version }),
            };
          if (order < 0)
            return {
              install,
              currency: 'outdated',
              latest: answer.latest,
              said: msg('checks-version:stremio-update.note.older', { version, latest: answer.latest }),
            };
          return {
            install,
            currency: order === 0 ? 'current' : 'newer-than-updater',
            latest: answer.latest,
            said:
              order === 0
                ? msg('checks-version:stremio-update.note.current')
                : msg('checks-version:stremio-update.note.newer', { version, latest: answer.latest }),
          };
        }
        const answer = await ask(`v4 ${version} ${install.serverJs ?? ''}`, () =>
          askShellV4Updater(ctx.http, endpoint, version, install.serverJs, signal),
        );
        if (!answer.ok || answer.channel !== 'shell-v4') return failed(install, answer);
        return answer.upToDate
          ? { install, currency: 'current', latest: null, said: msg('checks-version:stremio-update.note.v4Current') }
          : { install, currency: 'outdated', latest: null, said: msg('checks-version:stremio-update.note.v4Outdated') };
      }),
    );

    const problems: ProblemObservation[] = [];
    for (const v of verdicts) {
      if (v.currency === 'outdated') {
        problems.push({
          code: 'STREMIO_OUTDATED',
          evidence: `version.stremio-update: ${v.install.label} at ${v.install.location}: ${noteOf(v)}`,
          confidence: v.latest ? 0.95 : 0.85,
        });
      }
      if (v.currency === 'check-failed')
        problems.push({
          code: 'UPDATE_CHECK_FAILED',
          evidence: `version.stremio-update: ${noteOf(v)}`,
          confidence: 0.9,
        });
    }
    const details = {
      updater: endpoint,
      requests: asked.size,
      installs: verdicts.map((v) => ({
        label: v.install.label,
        location: v.install.location,
        installed: v.install.version,
        latest: v.latest,
        status: v.currency,
        note: noteOf(v),
      })),
    };
    const outdated = verdicts.filter((v) => v.currency === 'outdated');
    const checkFailed = verdicts.filter((v) => v.currency === 'check-failed');
    const askedAny = verdicts.some((v) =>
      ['current', 'outdated', 'newer-than-updater', 'check-failed'].includes(v.currency),
    );
    if (outdated.length > 0) {
      return {
        verdict: 'warn',
        summary: msg('checks-version:stremio-update.outdated', {
          installs: listOf(outdated, (v) =>
            msg('checks-version:stremio-update.item', { label: v.install.label, note: v.said }),
          ),
        }),
        problems,
        details,
      };
    }
    if (checkFailed.length > 0) {
      const all =
        checkFailed.length ===
        verdicts.filter(
          (v) => v.currency !== 'flatpak' && v.currency !== 'no-endpoint' && v.currency !== 'version-unknown',
        ).length;
      return {
        verdict: all ? 'error' : 'warn',
        summary: msg('checks-version:stremio-update.checkFailed', { note: checkFailed[0]!.said }),
        problems,
        details,
      };
    }
    if (!askedAny) {
      // An unreadable version is a gap in what we could tell, not a pass; Flatpak and no-endpoint installs are simply not ours to compare.
      const unknown = verdicts.some((v) => v.currency === 'version-unknown');
      return {
        verdict: unknown ? 'warn' : 'pass',
        summary: msg('checks-version:stremio-update.nothingToCompare', {
          installs: listOf(verdicts, (v) =>
            msg('checks-version:stremio-update.itemNote', { label: v.install.label, note: v.said }),
          ),
        }),
        details,
      };
    }
    return {
      verdict: 'pass',
      summary: msg('checks-version:stremio-update.upToDate', {
        installs: listOf(verdicts, (v) =>
          v.install.version
            ? msg('checks-version:stremio-update.itemVersion', {
                label: v.install.label,
                version: v.install.version,
                note: v.said,
              })
            : msg('checks-version:stremio-update.item', { label: v.install.label, note: v.said }),
        ),
      }),
      details,
    };
  },
});

function failed(install: StremioInstall, answer: UpdaterAnswer): InstallVerdict {
  return {
    install,
    currency: 'check-failed',
    latest: null,
    said: answer.ok
      ? msg('checks-version:stremio-update.note.updaterUnexpected', { label: install.label })
      : msg('checks-version:stremio-update.note.updaterFailed', { label: install.label, reason: answer.why }),
  };
}

/** Installs said as one list, each by `say`, separated as the language separates clauses (`; ` in English). */
function listOf(verdicts: readonly InstallVerdict[], say: (v: InstallVerdict) => Message): Message {
  return joinClauses(verdicts.map(say));
}
