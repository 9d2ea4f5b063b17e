import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../shared/ipc';
import { redactionRows } from '../../renderer/src/panels/bundle-preview';
import { OAUTH_CHECK_ID, testOutcome } from '../../renderer/src/panels/use-oauth-test';
import { extrasAfterSignIn, retainable } from '../../renderer/src/store/retained-extras';
import { createRunDispatcher } from '../../renderer/src/store/run-dispatcher';
import { createRunQueue } from '../../renderer/src/store/run-queue';
import {
  idleSteps,
  runningStep,
  withCancelMarked,
  withCheckEvent,
  withRunEnded,
  type StepRuns,
} from '../../renderer/src/store/step-runs';
import { catalogFinding, checkResult, createFakeDoctor, report } from './fake-doctor';

// The units createWizardStore and the split panels are made of, each alone.

describe('run queue', () => {
  it('runs tasks one after another, says when busy, and turns a throw into the fallback', async () => {
    const queue = createRunQueue();
    const order: string[] = [];
    let release!: () => void;
    const first = queue.enqueue(
      () =>
        new Promise<string>((resolve) => {
          order.push('first started');
          release = () => resolve('one');
        }),
      'x',
    );
    const second = queue.enqueue(async () => {
      order.push('second started');
      throw new Error('boom');
    }, 'fallback');
    expect(queue.busy()).toBe(true);
    await Promise.resolve();
    expect(order).toEqual(['first started']);
    release();
    expect(await first).toBe('one');
    expect(await second).toBe('fallback');
    expect(order).toEqual(['first started', 'second started']);
    expect(queue.busy()).toBe(false);
  });
});

describe('retained extras', () => {
  it('never keeps a password or a pasted key; a sign-in with "remember" is reused as the remembered key', () => {
    expect(
      retainable({ credentials: { kind: 'password', email: 'a@b.c', password: 'p' }, authUrl: 'https://x' }),
    ).toEqual({
      authUrl: 'https://x',
    });
    expect(retainable({ credentials: { kind: 'auth-key', authKey: 'k' } })).toEqual({});
    expect(
      extrasAfterSignIn(
        { authUrl: 'https://x' },
        { credentials: { kind: 'auth-key', authKey: 'k' }, rememberAuthKey: true },
      ),
    ).toEqual({
      authUrl: 'https://x',
      credentials: { kind: 'remembered' },
    });
    expect(extrasAfterSignIn(undefined, { credentials: { kind: 'local-profile', profileId: 'p' } })).toEqual({
      credentials: { kind: 'local-profile', profileId: 'p' },
    });
  });
});

describe('step runs as data', () => {
  const running: StepRuns = runningStep(idleSteps(), 'connectivity', 'run-1');
  const event = (e: Partial<RunEvent> & Pick<RunEvent, 'type'>) => ({ runId: 'run-1', ...e }) as RunEvent;

  it('adds a started row once, finishes it, and ignores events of other runs', () => {
    const started = event({ type: 'check-started', id: 'connectivity.dns', step: 'connectivity', title: 'DNS' });
    const once = withCheckEvent(running, started);
    expect(withCheckEvent(once, started)).toBe(once);
    expect(withCheckEvent(once, { ...started, runId: 'other' } as RunEvent)).toBe(once);
    const finished = withCheckEvent(
      once,
      event({ type: 'check-finished', result: checkResult('connectivity.dns'), windowOnly: { x: 1 } }),
    );
    expect(finished.connectivity.rows.map((r) => r.state)).toEqual(['done']);
    expect(finished.connectivity.windowOnly).toEqual({ 'connectivity.dns': { x: 1 } });
  });

  it('ends a run only where the step still shows it, and marks a cancel on every step the run covers', () => {
    const both = runningStep(running, 'version', 'run-1');
    const ended = withRunEnded(both, 'run-1', ['connectivity', 'version', 'token'], {
      error: { code: 'BUSY', message: 'x' },
    });
    expect([ended.connectivity.status, ended.version.status, ended.token.status]).toEqual(['failed', 'failed', 'idle']);
    const { steps, stopRun } = withCancelMarked(both, 'version');
    expect(stopRun).toBe('run-1');
    expect([steps.connectivity.cancelled, steps.version.cancelled, steps.token.cancelled]).toEqual([true, true, false]);
    expect(withCancelMarked(idleSteps(), 'token').stopRun).toBeNull();
  });
});

describe('run dispatcher', () => {
  it('shows a queued run as waiting, does not start a run cancelled while queued, and routes run-started', async () => {
    const fake = createFakeDoctor();
    let steps = idleSteps();
    const dispatcher = createRunDispatcher({
      api: fake.api,
      changeSteps: (change) => void (steps = change(steps)),
      applySession: () => undefined,
    });
    const first = dispatcher.enqueue({ steps: ['version'], request: { steps: ['version'] } });
    const queued = dispatcher.enqueue({ steps: ['cache'], request: { steps: ['cache'] } });
    expect(steps.cache.status).toBe('waiting');
    dispatcher.cancelQueued('cache');
    const run = await fake.nextRun();
    dispatcher.onEvent({ type: 'run-started', runId: run.request.runId, steps: ['version', 'token'], checks: [] });
    expect(steps.token).toMatchObject({ status: 'running', runId: run.request.runId });
    run.finish(report(['version'], []));
    expect([...(await first)].sort()).toEqual(['token', 'version']);
    expect([...(await queued)]).toEqual([]);
    expect(fake.runs).toHaveLength(1);
  });
});

describe('split panels', () => {
  it('the sign-in test shows this attempt’s result, with findings only when the session recorded it', () => {
    const result = checkResult(OAUTH_CHECK_ID, { verdict: 'fail', summary: 'ours fails' });
    const finding = catalogFinding('OAUTH_DENIED', [OAUTH_CHECK_ID]);
    expect(testOutcome(report(['token'], [result], [finding]), result)).toEqual({
      kind: 'done',
      result,
      findings: [finding],
    });
    const earlier = checkResult(OAUTH_CHECK_ID, { verdict: 'pass', summary: 'earlier' });
    expect(testOutcome(report(['token'], [earlier], [finding]), result)).toEqual({
      kind: 'done',
      result,
      findings: [],
    });
    expect(testOutcome(report(['token'], []), null).kind).toBe('failed');
  });

  it('the bundle preview adds the export’s and the run’s redactions per class, largest first', () => {
    expect(
      redactionRows({
        files: [],
        redactions: { email: 1, 'home-path': 3, token: 0 },
        redactionsDuringRun: { email: 3 },
        summaryMarkdown: '',
        maxTotalBytes: 1,
      }),
    ).toEqual([
      ['email', 4],
      ['home-path', 3],
    ]);
  });
});
