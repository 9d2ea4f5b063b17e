import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClosedLoopCheckId } from '../../../shared/check-details/closed-loop';
import type { WatchProgress } from '../../../shared/check-details/closed-loop';
import type { IpcError, RunEvent } from '../../../shared/ipc';
import type { CheckResult } from '../../../shared/report';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { newRunId } from '../lib/run-id';
import { useWizardStore } from '../store/use-wizard';
import type { WizardStore } from '../store/wizard-store';

/** Where a closed-loop wait is, as its panels show it. */
export type WatchRunState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly runId: string;
      readonly progress: WatchProgress | null;
      readonly cancelling: boolean;
    }
  /** `windowOnly`: the check's personal payload (the live test's sighting), for this window alone. */
  | { readonly kind: 'done'; readonly result: CheckResult; readonly windowOnly: unknown }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** A closed-loop wait as a panel drives it. */
export interface WatchRun {
  readonly state: WatchRunState;
  /** Starts the wait (the session's interactive lane); its progress and result stream in. */
  start(waitSeconds: number): void;
  /** Stops it at once: the check ends `skipped: cancelled`. */
  cancel(): void;
}

/** One wait's state and actions, kept per wizard store so every page showing it (Token, Revoked) shares it. */
interface WatchController extends WatchRun {
  readonly store: StoreApi<WatchRunState>;
}

const controllers = new WeakMap<WizardStore, Map<ClosedLoopCheckId, WatchController>>();

function createController(wizard: WizardStore, check: ClosedLoopCheckId): WatchController {
  const store = createStore<WatchRunState>()(() => ({ kind: 'idle' }));
  let runId: string | null = null;
  let finished: { readonly result: CheckResult; readonly windowOnly: unknown } | null = null;
  // The store does not route interactive runs: this wait listens to its own run's events.
  const onEvent = (event: RunEvent) => {
    if (!event || event.runId !== runId) return;
    if (event.type === 'check-finished' && event.result.id === check)
      finished = { result: event.result, windowOnly: event.windowOnly };
    const current = store.getState();
    if (event.type === 'watch-progress' && current.kind === 'running' && current.runId === event.runId)
      store.setState({ ...current, progress: event.progress });
  };
  try {
    doctorApi().onRunEvent(onEvent);
  } catch {
    // Without events the panel still shows the result when the wait ends.
  }
  return {
    store,
    get state() {
      return store.getState();
    },
    start(waitSeconds) {
      const id = newRunId(check.replace('.', '-'));
      runId = id;
      finished = null;
      store.setState({ kind: 'running', runId: id, progress: null, cancelling: false }, true);
      void wizard
        .getState()
        .startWatch(id, { check, waitSeconds })
        .then((answer) => {
          if (runId !== id) return;
          if (!answer.ok) return store.setState({ kind: 'failed', error: answer.error }, true);
          // This attempt's own result as its run streamed it (a cancel leaves an earlier one in the session).
          const result = finished?.result ?? answer.value.checks.find((c) => c.id === check);
          if (!result)
            return store.setState(
              { kind: 'failed', error: { code: 'INTERNAL', message: `${check} produced no result` } },
              true,
            );
          store.setState({ kind: 'done', result, windowOnly: finished?.windowOnly }, true);
        });
    },
    cancel() {
      const current = store.getState();
      if (current.kind === 'running') store.setState({ ...current, cancelling: true });
      if (runId) void callSafely(() => doctorApi()['diagnosis:cancel']({ runId: runId ?? '' }));
    },
  };
}

/**
 * Runs one closed-loop check of the session (docs/architecture.md "Confirming a fix") for a panel: its state
 * outlives the page (leaving the Token step while the watch runs, or meeting the same watch on the Revoked
 * step, shows the same wait), started through the store and cancelled by its run id.
 */
export function useWatchRun(check: ClosedLoopCheckId): WatchRun {
  const wizard = useWizardStore();
  let byCheck = controllers.get(wizard);
  if (!byCheck) controllers.set(wizard, (byCheck = new Map()));
  let controller = byCheck.get(check);
  if (!controller) byCheck.set(check, (controller = createController(wizard, check)));
  const state = useStore(controller.store);
  return { state, start: controller.start.bind(controller), cancel: controller.cancel.bind(controller) };
}

/** True when the check was stopped by Cancel (the scheduler's "Stopped: the run was cancelled."). */
export function isCancelled(result: CheckResult): boolean {
  const why = result.message?.params?.why;
  return (
    result.verdict === 'skipped' &&
    result.message?.key === 'engine:outcome.stopped' &&
    typeof why === 'object' &&
    !Array.isArray(why) &&
    'key' in why &&
    why.key === 'engine:stopped.cancelled'
  );
}

/** The time left until `until` (ISO-8601), in whole seconds as ms, ticking every second while mounted. */
export function useTimeLeft(until: string | undefined): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  if (!until) return null;
  return Math.max(0, Math.ceil((Date.parse(until) - now) / 1000) * 1000);
}
