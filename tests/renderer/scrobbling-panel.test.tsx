/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScrobblingView } from '../../shared/check-details/scrobbling';
import type { ScrobblingTimeline } from '../../shared/check-details/scrobbling-timeline';
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
    // The titles behind the picture wait under one line.
    const toggle = within(panel).getByRole('button', { name: 'Watched in Stremio ↔ on Trakt' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
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

/** 30 days from Nov 1: compared from Nov 24; Trakt recorded until Nov 25, Stremio finished on until Nov 30. */
const TIMELINE: ScrobblingTimeline = {
  firstDay: '2026-11-01',
  finished: [...Array<null>(23).fill(null), 0, 1, 0, 0, 1, 1, 2],
  recorded: [...Array<null>(23).fill(null), 0, 1, 0, 0, 0, 0, 0],
};
const DETAILS = {
  since: '2026-11-24T10:00:00.000Z',
  compared: 5,
  onTrakt: 1,
  missing: 4,
  lastWatchOnTrakt: '2026-11-25T21:00:00.000Z',
  historyComplete: true,
  timeline: TIMELINE,
};

describe('Scrobbling page: the last 30 days as a picture', () => {
  it('draws a bar per day and count, says the day scrobbles stopped, and lists the days as text; no titles', async () => {
    const { fake } = renderWizard({ page: 'scrobbling' });
    const run = await fake.nextRun();
    const result = checkResult('scrobbling.comparison', { verdict: 'fail', details: DETAILS });
    act(() => run.finish(report(['scrobbling'], [result])));
    const figure = await screen.findByTestId('scrobbling-timeline');
    expect(figure.dataset.story).toBe('stopped');
    expect(within(figure).getByTestId('timeline-story').textContent).toBe(
      'Trakt last recorded a watch on November 25. Since then Stremio finished 4 titles, and Trakt recorded none.',
    );
    // The picture: 30 day slots; days before the comparison shaded; the stop marked after Nov 25.
    const svg = figure.querySelector('svg')!;
    expect(svg.getAttribute('aria-hidden')).toBe('true');
    expect(svg.querySelectorAll('g')).toHaveLength(30);
    const outside = [...svg.querySelectorAll('.tl-outside')];
    expect(outside.map((r) => [r.getAttribute('x'), r.getAttribute('width')])).toEqual([['0', String(23 * 20)]]);
    const heights = (cls: string) =>
      [...svg.querySelectorAll(`rect.${cls}`)].map((r) => Number(r.getAttribute('height')) > 0);
    expect(heights('tl-finished').filter(Boolean)).toHaveLength(4);
    expect(heights('tl-recorded').filter(Boolean)).toHaveLength(1);
    expect(Number(svg.querySelector('.tl-stop')!.getAttribute('x1'))).toBe(25 * 20);
    // The text alternative: one row per day with something to count.
    const rows = within(within(figure).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['Nov 2511', 'Nov 2810', 'Nov 2910', 'Nov 3020']);
    expect(figure.textContent).not.toMatch(/Panel|tt\d/);
  });

  it('says when nothing reached Trakt at all, and draws nothing without the counts', async () => {
    const { fake } = renderWizard({ page: 'scrobbling' });
    const run = await fake.nextRun();
    const none = {
      ...DETAILS,
      timeline: { ...TIMELINE, recorded: TIMELINE.recorded.map((n) => (n === null ? null : 0)) },
    };
    act(() => run.finish(report(['scrobbling'], [checkResult('scrobbling.comparison', { details: none })])));
    expect((await screen.findByTestId('timeline-story')).textContent).toBe(
      'Stremio finished 5 titles in these days; Trakt recorded none.',
    );
    cleanup();
    const again = renderWizard({ page: 'scrobbling' });
    const second = await again.fake.nextRun();
    act(() =>
      second.finish(report(['scrobbling'], [checkResult('scrobbling.comparison', { details: { since: 'x' } })])),
    );
    await screen.findByRole('heading', { name: 'Scrobbling' });
    expect(screen.queryByTestId('scrobbling-timeline')).toBeNull();
  });
});
