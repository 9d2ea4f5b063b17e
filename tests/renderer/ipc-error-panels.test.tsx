/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowI18n } from '../../renderer/src/i18n/window-i18n';
import type { IpcError } from '../../shared/ipc';
import type { Finding } from '../../shared/report';
import { PROBLEMS } from '../../shared/problems';
import { translatorOf } from '../../shared/i18n/translator';
import { checkResult, createFakeDoctor, report, type FakeDoctor, type FakeHandlers } from './fake-doctor';
import { renderWizard } from './render-wizard';

// The Token and Scrobbling panels say a refused call in the window's language: the reason the service names,
// never its English message (docs/i18n.md "IPC errors").

afterEach(cleanup);

const BUSY_TEST: IpcError = {
  code: 'BUSY',
  message: 'a closed-loop test is already running',
  reason: 'closedLoopTestRunning',
};
const BUSY_SIGN_IN: IpcError = {
  code: 'BUSY',
  message: 'a sign-in test is already running',
  reason: 'signInTestRunning',
};
const NOT_A_CLIENT_ID: IpcError = {
  code: 'INVALID_PAYLOAD',
  message: 'not a Trakt client id',
  reason: 'notTraktClientId',
};

const CLIENT_ID = 'a1b2c3d4e5f6a7b8';

const expired: Finding = {
  problem: 'TRAKT_TOKEN_EXPIRED',
  title: PROBLEMS.TRAKT_TOKEN_EXPIRED.title,
  explanation: PROBLEMS.TRAKT_TOKEN_EXPIRED.explanation,
  severity: PROBLEMS.TRAKT_TOKEN_EXPIRED.severity,
  confidence: 0.95,
  evidence: ['token.trakt-token: expired'],
  checks: ['token.trakt-token'],
  fix: { title: PROBLEMS.TRAKT_TOKEN_EXPIRED.fix.title, steps: [...PROBLEMS.TRAKT_TOKEN_EXPIRED.fix.steps] },
};

/** The wizard in `locale` on `page`, after a diagnosis that signed in and found an expired link. */
async function afterDiagnosis(locale: 'fr' | 'de', page: 'token' | 'scrobbling', handlers: FakeHandlers = {}) {
  const fake: FakeDoctor = createFakeDoctor(handlers);
  Object.defineProperty(window, 'doctor', { value: fake.api, configurable: true });
  const i18n = await createWindowI18n(locale);
  const { store } = renderWizard({ fake, page, i18n });
  const run = await fake.nextRun();
  const signedIn = checkResult('token.stremio-account');
  const token = checkResult('token.trakt-token', { verdict: 'fail', problems: ['TRAKT_TOKEN_EXPIRED'] });
  act(() => run.finish(report(['token', 'scrobbling'], [signedIn, token], [expired])));
  return { fake, store, t: translatorOf(i18n).t };
}

describe.each(['fr', 'de'] as const)('a refused call, said in %s', (locale) => {
  it('the re-link watch and the live scrobble test', async () => {
    const { fake, store, t } = await afterDiagnosis(locale, 'token');
    const relink = await screen.findByTestId('relink-watch');
    fireEvent.click(within(relink).getByTestId('relink-start'));
    act(() => void fake.nextRun().then((watch) => watch.fail(BUSY_TEST)));
    expect((await within(relink).findByTestId('relink-error')).textContent).toBe(
      t('wizard:relink.failed', { error: t('wizard:ipcError.reason.closedLoopTestRunning') }),
    );

    act(() => store.getState().goTo('scrobbling'));
    const live = await screen.findByTestId('live-scrobble-test');
    fireEvent.click(within(live).getByTestId('live-scrobble-start'));
    act(() => void fake.nextRun().then((watch) => watch.fail(BUSY_TEST)));
    const said = (await within(live).findByTestId('live-scrobble-error')).textContent ?? '';
    expect(said).toBe(t('wizard:liveTest.failed', { error: t('wizard:ipcError.reason.closedLoopTestRunning') }));
    expect(said).not.toContain(BUSY_TEST.message);
  });

  it('the sign-in test and its client id form', async () => {
    // The first id is refused; the second is one, and from then on the build has a client id.
    let configured = false;
    const { fake, t } = await afterDiagnosis(locale, 'token', {
      'app:get-info': async () => ({
        ok: true,
        value: {
          version: '9.9.9',
          platform: 'linux',
          traktClientIdConfigured: configured,
          secretStorage: { available: true, backend: 'memory' },
          rememberedAuthKey: false,
        },
      }),
      'settings:set-trakt-client-id': async ({ clientId }) =>
        clientId === CLIENT_ID
          ? { ok: true, value: { configured: (configured = true) } }
          : { ok: false, error: NOT_A_CLIENT_ID },
    });
    const disclosure = await screen.findByTestId('oauth-test-disclosure');
    fireEvent.click(within(disclosure).getByRole('button', { name: t('wizard:oauth.title') }));
    const form = await screen.findByTestId('oauth-client-id');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'not a client id' } });
    fireEvent.submit(form);
    const refused = (await within(form).findByRole('alert')).textContent ?? '';
    expect(refused).toBe(t('wizard:ipcError.reason.notTraktClientId'));
    expect(refused).not.toContain(NOT_A_CLIENT_ID.message);

    const card = screen.getByTestId('oauth-test');
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: CLIENT_ID } });
    fireEvent.submit(form);
    await waitFor(() => expect(screen.queryByTestId('oauth-client-id')).toBeNull());
    fireEvent.click(within(card).getByRole('checkbox'));
    fireEvent.click(
      within(card)
        .getAllByRole('button')
        .find((b) => b.textContent === t('wizard:oauth.start'))!,
    );
    act(() => void fake.nextRun().then((test) => test.fail(BUSY_SIGN_IN)));
    expect((await within(card).findByTestId('oauth-error')).textContent).toBe(
      t('wizard:oauth.failed', { error: t('wizard:ipcError.reason.signInTestRunning') }),
    );
  });
});
