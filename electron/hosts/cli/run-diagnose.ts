import { writeBundle } from '../../engine/bundle';
import { ConfigError, loadConfigFile, resolveConfig, runDeadlineMs, type Config } from '../../engine/core/config';
import { createEngineContext } from '../../engine/runtime/context';
import { DiagnosisSession } from '../../engine/session/diagnosis-session';
import type { OAuthProgress } from '../../engine/runtime/oauth-types';
import { openUrlWith } from '../../engine/runtime/open-url';
import { BUILD_TRAKT_CLIENT_ID } from '../../engine/core/version';
import type { Translator } from '../../../shared/i18n/translator';
import { sanitizeNetworkLines, sanitizeNetworkText } from '../../../shared/network-text';
import type { DiagnoseArgs } from './args';
import { credentialsFromEnv } from './credentials-from-env';
import { cliCacheDir, incidentCacheFile } from './incident-cache-file';
import { oauthProgressLine } from './oauth-progress-line';
import { bundleFailureText } from './bundle-failure-text';
import { progressLine, renderTextReport } from './text-report';
import { watchProgressPrinter } from './watch-progress-line';
import { isOpenCritical } from '../../../shared/severity';
import type { WatchRunOptions } from '../../engine/runtime/watch-types';

/**
 * Runs `diagnose` and returns the exit status: 0 no critical finding, 1 a critical finding, 2 usage/internal
 * error. Everything it prints, and the run's own summaries and findings, is in `tr`'s language (docs/i18n.md).
 */
export async function runDiagnoseCommand(
  args: DiagnoseArgs,
  env: Readonly<Record<string, string | undefined>>,
  tr: Translator,
): Promise<number> {
  // Every terminal line is inert text: no network text can send the terminal an escape sequence.
  const say = (line: string) => process.stderr.write(`${sanitizeNetworkText(line)}\n`);
  let config: Config;
  try {
    config = args.configFile
      ? await loadConfigFile(args.configFile, BUILD_TRAKT_CLIENT_ID)
      : resolveConfig({}, BUILD_TRAKT_CLIENT_ID);
    if (args.timeoutMs !== undefined) config = withProbeTimeout(config, args.timeoutMs);
  } catch (error) {
    if (error instanceof ConfigError) {
      say(`stremio-trakt-doctor: ${tr.t('cli:error.invalidConfig', { reason: error.message.replace(/\n/g, '; ') })}`);
      return 2;
    }
    throw error;
  }
  let ctx;
  try {
    const cacheDir = cliCacheDir(env, process.platform);
    ctx = await createEngineContext(config, {
      env,
      locale: tr.locale,
      openUrl: (url) => openUrlWith(url, args.openWith),
      ...(cacheDir ? { incidentCache: incidentCacheFile(cacheDir) } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      say(`stremio-trakt-doctor: ${tr.t('cli:error.invalidConfig', { reason: error.message })}`);
      return 2;
    }
    throw error;
  }
  const credentials = credentialsFromEnv(env);
  // --await-relink / --live-scrobble: the closed-loop waits; their instructions and progress go to stderr.
  const printWatch = watchProgressPrinter(tr);
  const watch = (seconds: number | undefined): WatchRunOptions | null =>
    seconds === undefined
      ? null
      : {
          waitMs: seconds * 1000,
          onProgress: (p) => {
            const line = printWatch(p);
            if (line) say(line);
          },
        };
  const relink = watch(args.awaitRelinkSeconds);
  const liveScrobble = watch(args.liveScrobbleSeconds);
  // Ctrl+C stops the run at once (interactive waits included) and the report is still printed, the stopped
  // checks `skipped: cancelled`; a second Ctrl+C quits without it.
  const interrupt = new AbortController();
  const onSigint = () => {
    if (interrupt.signal.aborted) process.exit(130);
    say(tr.t('cli:watch.interrupted'));
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  // One run of the same session type the window's service keeps: the text, the JSON and the bundle all
  // read its combined report.
  const session = new DiagnosisSession({ records: ctx, steps: args.steps });
  let report;
  try {
    report = await session.run(
      ctx,
      { kind: 'steps', steps: args.steps },
      {
        ...(args.authUrl ? { authUrl: args.authUrl } : {}),
        ...(credentials ? { credentials } : {}),
        // --oauth: the differential sign-in test; its progress (and a device code to type) goes to stderr.
        ...(args.oauth
          ? {
              oauth: {
                mode: 'auto' as const,
                onProgress: (p: OAuthProgress) => void say(oauthProgressLine(p, tr)),
              },
            }
          : {}),
        ...(relink ? { relink } : {}),
        ...(liveScrobble ? { liveScrobble } : {}),
      },
      {
        signal: interrupt.signal,
        onEvent: (event) => event.type === 'check-finished' && say(progressLine(event.result, tr)),
      },
    );
  } finally {
    process.off('SIGINT', onSigint);
  }
  process.stdout.write(
    args.json ? `${JSON.stringify(report, null, 2)}\n` : sanitizeNetworkLines(renderTextReport(report, tr)),
  );
  if (args.bundle) {
    // The report is printed first: a bundle that cannot be written must not cost the user the diagnosis.
    const input = session.bundleInput();
    if (!input) throw new Error('the session holds no run to bundle');
    // summary.md in the run's language, which is the CLI's (its engine context was made with it).
    const written = await writeBundle(input, args.bundle);
    if (!written.ok) {
      say(
        `stremio-trakt-doctor: ${tr.t('cli:bundle.notWritten', { reason: bundleFailureText(written, args.bundle, tr) })}`,
      );
      return 2;
    }
    say(tr.t('cli:bundle.written', { path: written.path, size: written.bytes }));
  }
  // A finding a closed-loop check confirmed fixed no longer counts (docs/architecture.md "Confirming a fix").
  return report.findings.some(isOpenCritical) ? 1 : 0;
}

function withProbeTimeout(config: Config, probeMs: number): Config {
  return {
    ...config,
    timeouts: { ...config.timeouts, probeMs, overallMs: Math.max(config.timeouts.overallMs, runDeadlineMs(probeMs)) },
  };
}
