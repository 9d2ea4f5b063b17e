import { describe, expect, it, vi } from 'vitest';
import { STEP_NAMES } from '../../shared/steps';
import { createWizardStore } from '../../renderer/src/store/wizard-store';
import { checkResult, createFakeDoctor, report } from './fake-doctor';

describe('wizard store API for panels', () => {
  it('runStep sends the extras with a fresh run id; rerunStep keeps the pasted URL and non-secret sign-ins, never a password', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api);
    const done = store.getState().runStep('token', {
      authUrl: 'https://api.trakt.tv/oauth/authorize?client_id=x',
      credentials: { kind: 'password', email: 'a@b.example', password: 'hunter22' },
      rememberAuthKey: true,
    });
    const first = await fake.nextRun();
    expect(first.request).toMatchObject({
      steps: ['token'],
      authUrl: 'https://api.trakt.tv/oauth/authorize?client_id=x',
      credentials: { kind: 'password' },
      rememberAuthKey: true,
    });
    first.finish(report(['token'], [checkResult('token.stremio-account')]));
    await done;
    expect(store.getState().steps.token.status).toBe('done');

    void store.getState().rerunStep('token');
    const second = await fake.nextRun();
    expect(second.request).toEqual({
      runId: second.request.runId,
      steps: ['token'],
      authUrl: 'https://api.trakt.tv/oauth/authorize?client_id=x',
    });
    expect(second.request.runId).not.toBe(first.request.runId);
    second.finish(report(['token'], []));

    void store.getState().runStep('token', { credentials: { kind: 'local-profile', profileId: 'p1' } });
    (await fake.nextRun()).finish(report(['token'], []));
    void store.getState().rerunStep('token');
    expect((await fake.nextRun()).request.credentials).toEqual({ kind: 'local-profile', profileId: 'p1' });
  });

  it('never rejects: a run whose bridge throws synchronously ends as a typed failure', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore({
      ...fake.api,
      'diagnosis:run': () => {
        throw new Error('no bridge');
      },
    });
    await store.getState().runStep('cache');
    expect(store.getState().steps.cache).toMatchObject({
      status: 'failed',
      error: { code: 'INTERNAL', message: 'no bridge' },
    });
  });

  it('start runs ahead once: every step shows the one run at once; opening steps afterwards starts nothing', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api);
    store.getState().next();
    expect(store.getState().page).toBe('version');
    const all = await fake.nextRun();
    expect(all.request).toEqual({ runId: all.request.runId, steps: [...STEP_NAMES] });
    for (const step of STEP_NAMES)
      expect(store.getState().steps[step]).toMatchObject({ status: 'running', runId: all.request.runId });
    void store.getState().start();
    store.getState().goTo('token');
    store.getState().goTo('scrobbling');
    all.started('token.stremio-account', 'Stremio account');
    expect(store.getState().steps.token.rows).toEqual([
      { id: 'token.stremio-account', title: 'Stremio account', state: 'running' },
    ]);
    all.finish(
      report([...STEP_NAMES], [checkResult('token.stremio-account'), checkResult('version.stremio-installs')]),
    );
    await vi.waitFor(() => expect(store.getState().steps.scrobbling.status).toBe('done'));
    expect(store.getState().steps.token.rows.map((r) => r.state)).toEqual(['done']);
    expect(store.getState().steps.version.rows.map((r) => r.id)).toEqual(['version.stremio-installs']);
    expect(fake.runs).toHaveLength(1);
  });

  it('stops listening on dispose and refreshes app info', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api);
    expect(fake.listeners.size).toBe(1);
    await store.getState().refreshAppInfo();
    expect(store.getState().appInfo?.version).toBe('9.9.9');
    store.getState().dispose();
    expect(fake.listeners.size).toBe(0);
  });

  it('signIn is one run of the account re-run: run-started names the steps it covers, each shows its own rows', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api);
    void store.getState().runStep('revoked');
    (await fake.nextRun()).finish(report(['revoked'], [checkResult('revoked.users-settings', { verdict: 'skipped' })]));

    const signedIn = store
      .getState()
      .signIn({ credentials: { kind: 'local-profile', profileId: 'p1' }, rememberAuthKey: false });
    const run = await fake.nextRun();
    expect(run.request).toEqual({
      runId: run.request.runId,
      rerun: 'account',
      credentials: { kind: 'local-profile', profileId: 'p1' },
      rememberAuthKey: false,
    });
    expect(store.getState().steps.token.status).toBe('running');
    expect(store.getState().steps.revoked.status).toBe('done');
    fake.emit({ type: 'run-started', runId: run.request.runId, steps: ['token', 'revoked'], checks: [] });
    expect(store.getState().steps.revoked).toMatchObject({ status: 'running', runId: run.request.runId, rows: [] });
    run.started('token.stremio-account', 'Stremio account');
    run.started('revoked.users-settings', 'Trakt access');
    expect(store.getState().steps.token.rows.map((r) => r.id)).toEqual(['token.stremio-account']);
    expect(store.getState().steps.revoked.rows.map((r) => r.id)).toEqual(['revoked.users-settings']);

    const session = report(
      ['token', 'revoked'],
      [checkResult('token.stremio-account'), checkResult('revoked.users-settings')],
    );
    run.finish(session);
    await signedIn;
    for (const step of ['token', 'revoked'] as const)
      expect(store.getState().steps[step]).toMatchObject({ status: 'done', report: session });
    expect(store.getState().session).toBe(session);
    expect(fake.runs).toHaveLength(2);

    // A re-run of a step the sign-in covered reads the account the same way (never a password).
    void store.getState().rerunStep('revoked');
    expect((await fake.nextRun()).request.credentials).toEqual({ kind: 'local-profile', profileId: 'p1' });
  });

  it('the sign-in test runs beside a queued step run, and any run’s end brings the session to every finished step', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api);
    void store.getState().runStep('token');
    const token = await fake.nextRun();
    const first = report(['token'], [checkResult('token.stremio-account')]);
    token.finish(first);
    await vi.waitFor(() => expect(store.getState().steps.token.status).toBe('done'));

    void store.getState().runStep('connectivity');
    const connectivity = await fake.nextRun();
    const test = store.getState().startSignInTest('oauth-1', 'device');
    // Not queued behind the Connectivity run: it waits for a person.
    const oauth = await fake.nextRun();
    expect(oauth.request).toEqual({ runId: 'oauth-1', oauth: { mode: 'device' } });
    const withTest = report(
      ['token'],
      [checkResult('token.stremio-account'), checkResult('token.oauth-differential', { verdict: 'warn' })],
    );
    oauth.finish(withTest);
    expect(await test).toEqual({ ok: true, value: withTest });
    expect(store.getState().steps.token.report).toBe(withTest);
    expect(store.getState().steps.token.rows.map((r) => r.id)).toEqual([
      'token.stremio-account',
      'token.oauth-differential',
    ]);
    // The Connectivity run is still running and unaffected.
    expect(store.getState().steps.connectivity).toMatchObject({ status: 'running', report: null });
    connectivity.finish(report(['token', 'connectivity'], []));
  });
});
