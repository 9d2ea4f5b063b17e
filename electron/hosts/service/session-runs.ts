import type { RunRequest } from '../../../shared/ipc';
import type { IpcErrorReason } from '../../../shared/ipc-error-reasons';
import { STEP_NAMES } from '../../../shared/steps';
import { stremioAccountCheck } from '../../engine/checks/token/stremio-account';
import { oauthDifferentialCheck } from '../../engine/checks/token/oauth-differential';
import { CLOSED_LOOP_CHECK_IDS } from '../../../shared/check-details/closed-loop-limits';
import type { WatchRunOptions } from '../../engine/runtime/watch-types';
import { checksRememberingLogin } from '../../engine/checks/token/remember-login';
import type { StremioCredentials } from '../../engine/runtime/credentials';
import type { EngineContext } from '../../engine/runtime/context';
import type { DiagnosisSession, RunInput } from '../../engine/session/diagnosis-session';
import type { RunScope } from '../../engine/session/run-plan';
import { HandlerError } from './dispatch';
import type { DoctorHandlers, RunEventSink } from './handlers';
import { secretStorageProblem, type SecretStore } from './platform';

/** What the run channels need from the service. */
export interface RunHandlerOptions {
  readonly session: DiagnosisSession;
  readonly engineContext: () => Promise<EngineContext>;
  readonly resolveCredentials: (request: RunRequest) => Promise<StremioCredentials | undefined>;
  readonly secretStore: SecretStore;
  readonly onRunEvent: RunEventSink;
  readonly onRedactedLink: (shown: string, real: string) => void;
}

/**
 * The checks a request asks for: the interactive sign-in test, a closed-loop wait, the account's dependents,
 * or steps (default: all). An interactive run starts only its own check: the others keep their results.
 */
function scopeOf(request: RunRequest): RunScope {
  if (request.oauth) return { kind: 'checks', ids: [oauthDifferentialCheck.id] };
  if (request.watch) return { kind: 'checks', ids: [request.watch.check] };
  if (request.rerun === 'account') return { kind: 'dependents', of: stremioAccountCheck.id };
  return { kind: 'steps', steps: request.steps ?? STEP_NAMES };
}

/** The engine input of a closed-loop wait: its wait and its progress as run events (redacted; no titles). */
function watchInput(request: RunRequest, ctx: EngineContext, onRunEvent: RunEventSink): RunInput {
  const { watch, runId } = request;
  if (!watch) return {};
  const options: WatchRunOptions = {
    waitMs: watch.waitSeconds * 1000,
    onProgress: (progress) =>
      onRunEvent({ type: 'watch-progress', runId, progress: ctx.secrets.redactValue(progress) }),
  };
  return watch.check === CLOSED_LOOP_CHECK_IDS.relink ? { relink: options } : { liveScrobble: options };
}

/** Why a run is refused while another holds its lane: the English message and the reason the window says. */
const BUSY = {
  ordinary: ['a diagnosis is already running', 'diagnosisRunning'],
  oauth: ['a sign-in test is already running', 'signInTestRunning'],
  watch: ['a closed-loop test is already running', 'closedLoopTestRunning'],
} as const satisfies Record<string, readonly [string, IpcErrorReason]>;

/**
 * `diagnosis:run` and `diagnosis:cancel` on the service's one session. A run streams `run-started`, its
 * checks' events and `run-finished` with the session's combined report, which is also its answer. One
 * ordinary run at a time, plus one interactive run (the sign-in test waits minutes for a person).
 */
export function sessionRunHandlers(
  options: RunHandlerOptions,
): Pick<DoctorHandlers, 'diagnosis:run' | 'diagnosis:cancel'> {
  const running = new Map<string, AbortController>();
  const lanes = { ordinary: null as string | null, interactive: null as string | null };
  /** What the interactive lane runs (its BUSY answer names it). */
  let interactiveKind: 'oauth' | 'watch' | null = null;
  const { secretStore } = options;

  const refuseUnlessStorable = () => {
    // Only on the user's explicit tick, and only encrypted (docs/architecture.md); a refusal is a typed error.
    if (!secretStore.status().available)
      throw new HandlerError('NOT_ALLOWED', secretStorageProblem(secretStore.status()), {
        reason: 'secretStorageUnavailable',
      });
  };

  const run = async (request: RunRequest) => {
    const lane = request.oauth || request.watch ? 'interactive' : 'ordinary';
    if (lanes[lane] !== null || running.has(request.runId)) {
      const [message, reason] = BUSY[lane === 'ordinary' ? 'ordinary' : (interactiveKind ?? 'oauth')];
      throw new HandlerError('BUSY', message, { reason });
    }
    if (lane === 'interactive') interactiveKind = request.oauth ? 'oauth' : 'watch';
    const controller = new AbortController();
    lanes[lane] = request.runId;
    running.set(request.runId, controller);
    try {
      const credentials = await options.resolveCredentials(request);
      if (request.rememberAuthKey && credentials?.kind === 'auth-key' && request.credentials?.kind === 'auth-key') {
        refuseUnlessStorable();
        await secretStore.saveAuthKey(credentials.authKey);
      }
      // A password sign-in is remembered as the auth key `login` returns (never the password), same rules.
      const rememberLogin = request.rememberAuthKey === true && credentials?.kind === 'password';
      if (rememberLogin) refuseUnlessStorable();
      const signedIn: { authKey?: string } = {};
      const ctx = await options.engineContext();
      const { runId } = request;
      const report = await options.session.run(
        ctx,
        scopeOf(request),
        {
          ...watchInput(request, ctx, options.onRunEvent),
          ...(request.authUrl ? { authUrl: request.authUrl } : {}),
          ...(credentials ? { credentials } : {}),
          ...(request.oauth
            ? {
                oauth: {
                  mode: request.oauth.mode,
                  onProgress: (progress) =>
                    options.onRunEvent({ type: 'oauth-progress', runId, progress: ctx.secrets.redactValue(progress) }),
                },
              }
            : {}),
        },
        {
          signal: controller.signal,
          onRedactedLink: options.onRedactedLink,
          onEvent: (event) =>
            options.onRunEvent(
              event.type === 'check-finished'
                ? {
                    type: 'check-finished',
                    runId,
                    result: event.result,
                    // A check's personal facts go to this window only (never into the report or a bundle).
                    ...(event.windowOnly === undefined ? {} : { windowOnly: event.windowOnly }),
                  }
                : event.type === 'check-started'
                  ? { ...event, runId }
                  : { type: 'run-started', runId, steps: [...event.steps], checks: [...event.checks] },
            ),
          ...(rememberLogin ? { checks: checksRememberingLogin((authKey) => (signedIn.authKey = authKey)) } : {}),
        },
      );
      if (signedIn.authKey) await secretStore.saveAuthKey(signedIn.authKey);
      options.onRunEvent({ type: 'run-finished', runId, report });
      return report;
    } finally {
      running.delete(request.runId);
      lanes[lane] = null;
    }
  };

  return {
    'diagnosis:run': run,
    'diagnosis:cancel': async ({ runId }) => {
      const controller = running.get(runId);
      controller?.abort();
      return { cancelled: Boolean(controller) };
    },
  };
}
