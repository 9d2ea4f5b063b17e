import { useEffect, useRef, useState } from 'react';
import { readDetails } from '../../../shared/check-details/details-schema';
import { OAuthNoCallbackDetailsSchema, TOKEN_CHECK_IDS } from '../../../shared/check-details/token';
import type { IpcError, OAuthProgressEvent, RunEvent } from '../../../shared/ipc';
import type { CheckResult, Finding } from '../../../shared/report';
import { FindingCard } from '../components/finding-card';
import { FixView } from '../components/fix-view';
import { VerdictBadge } from '../components/verdict-badge';
import { callSafely, doctorApi } from '../lib/doctor-api';
import { newRunId } from '../lib/run-id';
import { checkSummaryText, findingText } from '../../../shared/i18n/report-text';
import { PROBLEMS } from '../../../shared/problems';
import { Disclosure } from '../components/disclosure';
import { useTr } from '../i18n/use-tr';
import { useWizard } from '../store/use-wizard';
import type { PanelProps } from './panel-types';
import type { MessageKey } from '../../../shared/i18n/message';

/** The session's interactive check this card starts. */
const OAUTH_CHECK_ID = TOKEN_CHECK_IDS.oauthDifferential;

/** Where the card is. */
type CardState =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'running';
      readonly runId: string;
      readonly progress: OAuthProgressEvent | null;
      readonly cancelling: boolean;
    }
  | { readonly kind: 'done'; readonly result: CheckResult; readonly findings: readonly Finding[] }
  | { readonly kind: 'failed'; readonly error: IpcError };

/** The wizard's words for each phase (the CLI prints the same steps). */
const PHASE_KEYS = {
  starting: 'wizard:oauth.phaseStarting',
  'waiting-for-browser': 'wizard:oauth.phaseBrowser',
  'waiting-for-device': 'wizard:oauth.phaseDevice',
  exchanging: 'wizard:oauth.phaseExchanging',
  verifying: 'wizard:oauth.phaseVerifying',
  revoking: 'wizard:oauth.phaseRevoking',
  finished: 'wizard:oauth.phaseFinished',
} as const satisfies Readonly<Record<OAuthProgressEvent['phase'], MessageKey>>;

/** The answers offered when no reply came back from the browser (the test cannot see the browser's page). */
const BROWSER_ANSWERS = [
  { id: 'redirect-mismatch', label: 'wizard:oauth.answerMismatch' },
  { id: 'other-error', label: 'wizard:oauth.answerOther' },
  { id: 'not-finished', label: 'wizard:oauth.answerNotFinished' },
] as const;

/**
 * The opt-in differential sign-in test card of the Token step (docs/architecture.md "Steps"): explains
 * the test, warns about the one-community-app limit, runs the session's interactive check, shows live
 * progress (and the device code to type), offers Cancel, and shows the verdict with its findings.
 */
export function OAuthSignInTestCard(_props: PanelProps) {
  const { t, tr } = useTr();
  const appInfo = useWizard((s) => s.appInfo);
  const refreshAppInfo = useWizard((s) => s.refreshAppInfo);
  const openUrl = useWizard((s) => s.openUrl);
  const startSignInTest = useWizard((s) => s.startSignInTest);
  const [state, setState] = useState<CardState>({ kind: 'idle' });
  const [understood, setUnderstood] = useState(false);
  const [clientId, setClientId] = useState('');
  const [clientIdError, setClientIdError] = useState<string | null>(null);
  const [browserAnswer, setBrowserAnswer] = useState<(typeof BROWSER_ANSWERS)[number]['id'] | null>(null);
  const runIdRef = useRef<string | null>(null);
  // This test's own result, as its run streamed it (a cancelled test does not replace an earlier result
  // in the session, but the card says what this attempt did).
  const streamedRef = useRef<CheckResult | null>(null);

  useEffect(() => {
    if (!appInfo) void refreshAppInfo();
  }, [appInfo, refreshAppInfo]);

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
    setBrowserAnswer(null);
    setState({ kind: 'running', runId, progress: null, cancelling: false });
    const answer = await startSignInTest(runId, mode);
    if (runIdRef.current !== runId) return;
    if (!answer.ok) return setState({ kind: 'failed', error: answer.error });
    const kept = answer.value.checks.find((c) => c.id === OAUTH_CHECK_ID);
    const result = streamedRef.current ?? kept;
    if (!result)
      return setState({ kind: 'failed', error: { code: 'INTERNAL', message: 'the sign-in test produced no result' } });
    // Its findings are the session's for this check, unless a cancel left an earlier result in the session.
    const recorded = kept?.verdict === result.verdict && kept.summary === result.summary;
    const findings = recorded ? answer.value.findings.filter((f) => f.checks?.includes(OAUTH_CHECK_ID)) : [];
    setState({ kind: 'done', result, findings });
  };

  const cancel = () => {
    setState((current) => (current.kind === 'running' ? { ...current, cancelling: true } : current));
    const runId = runIdRef.current;
    if (runId) void callSafely(() => doctorApi()['diagnosis:cancel']({ runId }));
  };

  const saveClientId = async () => {
    const answer = await callSafely(() => doctorApi()['settings:set-trakt-client-id']({ clientId: clientId.trim() }));
    setClientIdError(answer.ok ? null : answer.error.message);
    if (answer.ok) await refreshAppInfo();
  };

  const configured = appInfo?.traktClientIdConfigured ?? false;
  const info = PROBLEMS.OAUTH_REDIRECT_MISMATCH;
  const mismatch = findingText(
    {
      problem: 'OAUTH_REDIRECT_MISMATCH',
      title: info.title,
      explanation: info.explanation,
      fix: { title: info.fix.title, steps: [...info.fix.steps] },
      severity: 'warning',
      confidence: 1,
      evidence: [],
    },
    tr,
  );
  const running = state.kind === 'running';
  return (
    // Optional and slower: behind a disclosure, so the Token step keeps one primary action (docs/i18n.md "The window").
    <Disclosure label={t('wizard:oauth.title')} testId="oauth-test-disclosure" initiallyOpen={running} keepMounted>
      <div className="card" data-testid="oauth-test" data-state={state.kind}>
        <p>{t('wizard:oauth.intro')}</p>
        <p className="notice" data-testid="oauth-limit-warning">
          {t('wizard:oauth.limit')}
        </p>

        {!configured && (
          <form
            data-testid="oauth-client-id"
            onSubmit={(event) => {
              event.preventDefault();
              void saveClientId();
            }}
          >
            <p className="small muted">
              {t('wizard:oauth.noClientId')} <code>http://127.0.0.1:41287/callback</code>
            </p>
            <label htmlFor="oauth-client-id-input">{t('wizard:oauth.clientId')}</label>{' '}
            <input
              id="oauth-client-id-input"
              value={clientId}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setClientId(event.target.value)}
            />{' '}
            <button type="submit" className="button button-secondary" disabled={clientId.trim().length < 8}>
              {t('wizard:oauth.save')}
            </button>
            {clientIdError && (
              <p className="small" role="alert">
                {clientIdError}
              </p>
            )}
          </form>
        )}

        {!running && (
          <>
            <label>
              <input type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} />{' '}
              {t('wizard:oauth.understand')}
            </label>
            <p>
              <button
                type="button"
                className="button button-primary"
                disabled={!understood || !configured}
                onClick={() => void start('auto')}
              >
                {t('wizard:oauth.start')}
              </button>{' '}
              <button
                type="button"
                className="button button-secondary"
                disabled={!understood || !configured}
                onClick={() => void start('device')}
              >
                {t('wizard:oauth.device')}
              </button>
            </p>
          </>
        )}

        {running && (
          <div data-testid="oauth-progress" data-phase={state.progress?.phase ?? 'starting'}>
            <p>
              <span aria-hidden="true" className="spinner" /> {t(PHASE_KEYS[state.progress?.phase ?? 'starting'])}
            </p>
            {state.progress?.phase === 'waiting-for-device' && state.progress.userCode && (
              <div className="notice" data-testid="oauth-device-code">
                <p>{t('wizard:oauth.enterCode')}</p>
                <p className="page-title">
                  <code>{state.progress.userCode}</code>
                </p>
                {state.progress.verificationUrl && (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => void openUrl(state.progress?.verificationUrl ?? '')}
                  >
                    {t('wizard:fix.open', { host: state.progress.verificationUrl })}
                  </button>
                )}
              </div>
            )}
            {state.progress?.waitUntil && (
              <p className="small muted">
                {t('wizard:oauth.waitsUntil', { time: new Date(state.progress.waitUntil) })}
              </p>
            )}
            <button type="button" className="button button-ghost" disabled={state.cancelling} onClick={cancel}>
              {state.cancelling ? t('wizard:run.cancelling') : t('wizard:nav.cancel')}
            </button>
          </div>
        )}

        {state.kind === 'failed' && (
          <p role="alert" data-testid="oauth-error">
            {t('wizard:oauth.failed', { error: state.error.message })}
          </p>
        )}

        {state.kind === 'done' && (
          <div data-testid="oauth-result" data-verdict={state.result.verdict}>
            <p>
              <VerdictBadge verdict={state.result.verdict} /> {checkSummaryText(state.result, tr)}
            </p>
            {readDetails(state.result.details, OAuthNoCallbackDetailsSchema) !== null && (
              <fieldset data-testid="oauth-ask-browser">
                <legend>{t('wizard:oauth.whatShown')}</legend>
                {BROWSER_ANSWERS.map((answer) => (
                  <label key={answer.id}>
                    <input
                      type="radio"
                      name="oauth-browser-answer"
                      checked={browserAnswer === answer.id}
                      onChange={() => setBrowserAnswer(answer.id)}
                    />{' '}
                    {t(answer.label)}
                  </label>
                ))}
                {browserAnswer === 'redirect-mismatch' && (
                  <div data-problem="OAUTH_REDIRECT_MISMATCH">
                    <h4>{mismatch.title}</h4>
                    <p>{mismatch.explanation}</p>
                    <FixView fix={mismatch.fix} />
                  </div>
                )}
                {browserAnswer === 'other-error' && (
                  <p>{t('wizard:oauth.answerOtherHelp', { field: t('wizard:token.pasteLabel') })}</p>
                )}
                {browserAnswer === 'not-finished' && <p>{t('wizard:oauth.answerNotFinishedHelp')}</p>}
              </fieldset>
            )}
            {state.findings.map((finding) => (
              <FindingCard key={finding.problem} finding={finding} />
            ))}
          </div>
        )}
      </div>
    </Disclosure>
  );
}
