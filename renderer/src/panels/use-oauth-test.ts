import { useEffect, useRef, useState } from 'react';
import type { IpcError, OAuthProgressEvent, RunEvent } from '../../../shared/ipc';
import type { CheckResult, Finding, Report } from '../../../shared/report';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { newRunId } from '../lib/run-id';
import { useWizard } from '../store/use-wizard';
import { TOKEN_CHECK_IDS } from '../../../shared/check-details/check-ids';

/** The session's interactive check the sign-in test runs. */
export const OAUTH_CHECK_ID = TOKEN_CHECK_IDS.oauthDifferential;

/** Where the test is. */
export type OAuthTestState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly runId: string;
      readonly progress: OAuthProgressEvent | null;
      readonly cancelling: boolean;
    }
  | { readonly kind: 'done'; readonly result: CheckResult; readonly findings: readonly Finding[] }
  | { readonly kind: 'failed'; readonly error: IpcError };

/**
 * What the card shows once a test's run answered: this attempt's own result (as its run streamed it, else the
 * session's), and its findings only when the session recorded this result (a cancelled test leaves an earlier
 * result in the session).
 */
export function testOutcome(answer: Report, streamed: CheckResult | null): OAuthTestState {
  const kept = answer.checks.find((c) => c.id === OAUTH_CHECK_ID);
  const result = streamed ?? kept;
  if (!result) return { kind: 'failed', error: { code: 'INTERNAL', message: 'the sign-in test produced no result' } };
  const recorded = kept?.verdict === result.verdict && kept.summary === result.summary;
  const findings = recorded ? answer.findings.filter((f) => f.checks?.includes(OAUTH_CHECK_ID)) : [];
  return { kind: 'done', result, findings };
}

/**
 * The differential sign-in test as a session run: starts it, follows its `oauth-progress` events (the device
 * code to type, until when it waits), cancels it, and ends with its result and findings.
 */
export function useOAuthTest() {
  const startSignInTest = useWizard((s) => s.startSignInTest);
  const [state, setState] = useState<OAuthTestState>({ kind: 'idle' });
  const runIdRef = useRef<string | null>(null);
  const streamedRef = useRef<CheckResult | null>(null);

  useEffect(() => {
    const onEvent = (event: RunEvent) => {
      if (!event || event.runId !== runIdRef.current) return;
      if (event.type === 'check-finished' && event.result.id === OAUTH_CHECK_ID) streamedRef.current = event.result;
      if (event.type !== 'oauth-progress') return;
      setState((current) =>
        current.kind === 'running' && current.runId === event.runId
          ? { ...current, progress: event.progress }
          : current,
      );
    };
    try {
      return doctorApi().onRunEvent(onEvent);
    } catch {
      // Without events the card still shows the result when the test ends.
      return undefined;
    }
  }, []);

  // The result joins the session (the Token step's row, the Summary, Copy summary, the bundle) as a run of
  // the session's interactive check; a later Token run leaves it in place.
  const start = async (mode: 'auto' | 'device') => {
    const runId = newRunId('oauth');
    runIdRef.current = runId;
    streamedRef.current = null;
    setState({ kind: 'running', runId, progress: null, cancelling: false });
    const answer = await startSignInTest(runId, mode);
    if (runIdRef.current !== runId) return;
    setState(answer.ok ? testOutcome(answer.value, streamedRef.current) : { kind: 'failed', error: answer.error });
  };

  const cancel = () => {
    setState((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
    const runId = runIdRef.current;
    if (runId) void callSafely(() => doctorApi()['diagnosis:cancel']({ runId }));
  };

  return { state, start, cancel };
}
