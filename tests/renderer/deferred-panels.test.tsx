/** @vitest-environment jsdom */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScrobblingView } from '../../shared/check-details/scrobbling';
import { STEP_NAMES } from '../../shared/steps';
import { App } from '../../renderer/src/app';
import { englishWindowI18n } from '../../renderer/src/i18n/window-i18n';
import { WindowProvider } from '../../renderer/src/store/preferences';
import { WizardProvider } from '../../renderer/src/store/use-wizard';
import { createWizardStore } from '../../renderer/src/store/wizard-store';
import { checkResult, createFakeDoctor, report } from './fake-doctor';

// Not render-wizard.tsx: it loads the deferred panels' chunk before any test, as the window's idle start-up does.
// Here nothing does (this file runs in its own process): the panel's stand-in must load its code itself.

const VIEW: ScrobblingView = {
  since: '2026-11-24T10:00:00.000Z',
  finished: 1,
  matched: 0,
  lastOnTrakt: null,
  stremio: [{ title: 'Deferred Movie', watchedAt: '2026-11-29T20:00:00.000Z', onTrakt: false }],
  trakt: [],
};

afterEach(cleanup);

describe('panels that need results load as their own chunk (renderer/src/panels/deferred.tsx)', () => {
  it('a page with such a panel loads its code when it opens, and the panel shows with the results', async () => {
    const fake = createFakeDoctor();
    const store = createWizardStore(fake.api, 'welcome');
    render(
      <WindowProvider i18n={englishWindowI18n()} api={fake.api}>
        <WizardProvider store={store}>
          <App />
        </WizardProvider>
      </WindowProvider>,
    );
    act(() => store.getState().goTo('scrobbling'));
    const run = await fake.nextRun();
    expect(run.request.steps).toEqual([...STEP_NAMES]);
    const result = checkResult('scrobbling.comparison', { verdict: 'fail', summary: '1 of 1 titles …' });
    act(() => fake.emit({ type: 'check-finished', runId: run.request.runId, result, windowOnly: VIEW }));
    act(() => run.finish(report(['scrobbling'], [result])));
    expect(
      (await screen.findByTestId('scrobbling-comparison')).closest('[data-panel]')?.getAttribute('data-panel'),
    ).toBe('scrobbling-comparison');
  });
});
