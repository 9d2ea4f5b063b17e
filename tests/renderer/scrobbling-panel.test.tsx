/** @vitest-environment jsdom */
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScrobblingView } from '../../shared/check-details/scrobbling';
import { checkResult, report } from './fake-doctor';
import { renderWizard } from './render-wizard';
import { STEP_NAMES } from '../../shared/steps';

const VIEW: ScrobblingView = {
  since: '2026-11-24T10:00:00.000Z',
  finished: 2,
  matched: 1,
  lastOnTrakt: '2026-11-25T21:00:00.000Z',
  stremio: [
    { title: 'Panel Missing Movie', watchedAt: '2026-11-29T20:00:00.000Z', onTrakt: false },
    { title: 'Panel Show', watchedAt: '2026-11-25T20:00:00.000Z', episode: 'S1E3', onTrakt: true },
  ],
  trakt: [{ title: 'Panel Show', watchedAt: '2026-11-25T21:00:00.000Z', episode: 'S1E3' }],
};

afterEach(cleanup);

describe('Scrobbling page: the "watched in Stremio ↔ on Trakt" panel', () => {
  it("shows the comparison from the check's window-only payload, side by side, and clears it on the next run", async () => {
    const { fake, store } = renderWizard({ page: 'scrobbling' });
    const run = await fake.nextRun();
    expect(run.request.steps).toEqual([...STEP_NAMES]);
    const result = checkResult('scrobbling.comparison', { verdict: 'fail', summary: '1 of 2 titles …' });
    act(() => fake.emit({ type: 'check-finished', runId: run.request.runId, result, windowOnly: VIEW }));
    act(() => run.finish(report(['scrobbling'], [result])));
    const panel = await screen.findByTestId('scrobbling-comparison');
    expect(within(panel).getByTestId('scrobbling-counts').textContent).toMatch(
      /2 titles finished in Stremio, 1 on Trakt, 1 missing/,
    );
    const stremio = within(panel).getByTestId('scrobbling-stremio');
    expect(stremio.querySelector('[data-on-trakt="false"]')?.textContent).toContain('Panel Missing Movie');
    expect(stremio.querySelector('[data-on-trakt="true"]')?.textContent).toContain('Panel Show · S1E3');
    expect(within(panel).getByTestId('scrobbling-trakt').textContent).toContain('Panel Show');
    // The payload lives beside the report, never inside it.
    expect(JSON.stringify(store.getState().steps.scrobbling.report)).not.toContain('Panel');

    act(() => void store.getState().rerunStep('scrobbling'));
    await fake.nextRun();
    expect(screen.queryByTestId('scrobbling-comparison')).toBeNull();
  });

  it('ignores a payload that is not a comparison', async () => {
    const { fake } = renderWizard({ page: 'scrobbling' });
    const run = await fake.nextRun();
    const result = checkResult('scrobbling.comparison');
    act(() =>
      fake.emit({ type: 'check-finished', runId: run.request.runId, result, windowOnly: { since: 5, stremio: 'x' } }),
    );
    act(() => run.finish(report(['scrobbling'], [result])));
    await screen.findByRole('heading', { name: 'Scrobbling' });
    expect(screen.queryByTestId('scrobbling-comparison')).toBeNull();
  });
});
