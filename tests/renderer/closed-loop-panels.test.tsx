/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { WatchProgress } from '../../shared/check-details/closed-loop';
import type { Finding } from '../../shared/report';
import { PROBLEMS } from '../../shared/problems';
import { checkResult, createFakeDoctor, report, type FakeDoctor } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

/** Panels reach channels through `window.doctor` (lib/doctor-api.ts), as the preload exposes it in the app. */
function exposed(fake: FakeDoctor): FakeDoctor {
  Object.defineProperty(window, 'doctor', { value: fake.api, configurable: true });
  return fake;
}

const SIGNED_IN = checkResult('token.stremio-account');
const EXPIRED = checkResult('token.trakt-token', { verdict: 'fail', problems: ['TRAKT_TOKEN_EXPIRED'] });
const CONFIRMED_AT = '2026-11-25T21:14:00.000Z';

function finding(problem: keyof typeof PROBLEMS, extra: Partial<Finding> = {}): Finding {
  const info = PROBLEMS[problem];
  return {
    problem,
    title: info.title,
    explanation: info.explanation,
    severity: info.severity,
    confidence: 0.95,
    evidence: [`${problem} seen`],
    checks: ['token.trakt-token'],
    fix: { title: info.fix.title, steps: [...info.fix.steps] },
    ...extra,
  };
}

function progress(check: WatchProgress['check'], phase: WatchProgress['phase'], polls: number): WatchProgress {
  const startedAt = Date.now();
  return {
    check,
    phase,
    polls,
    startedAt: new Date(startedAt).toISOString(),
    waitUntil: new Date(startedAt + 300_000).toISOString(),
    seen: false,
  };
}

/** The wizard on `page` after a diagnosis that signed in and found an expired link. */
async function afterDiagnosis(page: 'token' | 'scrobbling') {
  const fake = exposed(createFakeDoctor());
  const { store } = renderWizard({ fake, page });
  const run = await fake.nextRun();
  act(() => run.finish(report(['token', 'scrobbling'], [SIGNED_IN, EXPIRED], [finding('TRAKT_TOKEN_EXPIRED')])));
  return { fake, store };
}

describe('the re-link watch panel', () => {
  it('offers the watch after the re-link fix, counts down, and shows the expired link fixed, confirmed', async () => {
    const { fake } = await afterDiagnosis('token');
    const panel = await screen.findByTestId('relink-watch');
    fireEvent.click(within(panel).getByRole('button', { name: "I'm doing it now — tell me when it worked" }));
    const watch = await fake.nextRun();
    expect(watch.request.watch).toEqual({ check: 'token.relink', waitSeconds: 300 });
    act(() =>
      fake.emit({
        type: 'watch-progress',
        runId: watch.request.runId,
        progress: progress('token.relink', 'polled', 3),
      }),
    );
    expect(within(panel).getByTestId('watch-countdown').textContent).toMatch(/5 min left/);
    expect(within(panel).getByText('Account checked 3 times.')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Cancel' })).toBeTruthy();

    const relink = checkResult('token.relink', {
      summary: 'Linked again — valid until Dec 2, 2026, 9:14 PM.',
      message: { key: 'checks-token:relink.renewed', params: { at: Date.parse('2026-12-02T21:14:00.000Z') } },
    });
    act(() => watch.finished(relink));
    act(() =>
      watch.finish(
        report(
          ['token'],
          [SIGNED_IN, EXPIRED, relink],
          [finding('TRAKT_TOKEN_EXPIRED', { resolution: { confirmedAt: CONFIRMED_AT, by: 'token.relink' } })],
        ),
      ),
    );
    expect((await within(panel).findByTestId('relink-result')).textContent).toMatch(/Linked again — valid until/);
    const card = document.querySelector('[data-finding="TRAKT_TOKEN_EXPIRED"]')!;
    expect(card.getAttribute('data-resolved')).toBe('true');
    expect(within(card as HTMLElement).getByTestId('finding-resolution').textContent).toMatch(
      /^Fixed, confirmed at \d{1,2}:\d\d/,
    );
  });

  it('Cancel stops the watch by its run id and says so', async () => {
    const { fake } = await afterDiagnosis('token');
    const panel = await screen.findByTestId('relink-watch');
    fireEvent.click(within(panel).getByTestId('relink-start'));
    const watch = await fake.nextRun();
    fireEvent.click(within(panel).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls.some((c) => c.channel === 'diagnosis:cancel')).toBe(true);
    const stopped = checkResult('token.relink', {
      verdict: 'skipped',
      summary: 'Stopped: the run was cancelled.',
      message: { key: 'engine:outcome.stopped', params: { why: { key: 'engine:stopped.cancelled' } } },
    });
    act(() => watch.finished(stopped));
    act(() => watch.finish(report(['token'], [SIGNED_IN, EXPIRED, stopped], [finding('TRAKT_TOKEN_EXPIRED')])));
    expect((await within(panel).findByTestId('relink-result')).textContent).toMatch(
      /Stopped before the new link arrived\./,
    );
    expect(within(panel).getByRole('button', { name: 'Watch again' })).toBeTruthy();
  });

  it('is absent before the sign-in', async () => {
    const fake = exposed(createFakeDoctor());
    renderWizard({ fake, page: 'token' });
    const run = await fake.nextRun();
    act(() => run.finish(report(['token'], [checkResult('token.stremio-account', { verdict: 'skipped' })])));
    await screen.findByRole('heading', { name: 'Token' });
    expect(screen.queryByTestId('relink-watch')).toBeNull();
  });
});

describe('the live scrobble test panel', () => {
  it('gives the instructions, then shows the title Trakt sees, from the window-only payload', async () => {
    const { fake } = await afterDiagnosis('scrobbling');
    const panel = await screen.findByTestId('live-scrobble-test');
    fireEvent.click(within(panel).getByRole('button', { name: 'Start the live test' }));
    const watch = await fake.nextRun();
    expect(watch.request.watch).toEqual({ check: 'scrobbling.live', waitSeconds: 300 });
    expect(within(panel).getByTestId('live-scrobble-now').textContent).toMatch(/pause it, then resume it once/);
    const live = checkResult('scrobbling.live', {
      summary: 'Trakt sees you watching an episode (since 9:58 PM).',
    });
    act(() =>
      fake.emit({
        type: 'check-finished',
        runId: watch.request.runId,
        result: live,
        windowOnly: {
          title: 'Periwinkle Submarine Tribunal',
          kind: 'episode',
          year: 2024,
          episode: 'S2E7',
          since: '2026-11-25T20:58:00.000Z',
        },
      }),
    );
    act(() => watch.finish(report(['scrobbling'], [SIGNED_IN, live])));
    expect((await within(panel).findByTestId('live-scrobble-sighting')).textContent).toMatch(
      /^Trakt sees you watching Periwinkle Submarine Tribunal S2E7 \(episode, since /,
    );
  });

  it('not seen: shows the finding with its ranked steps', async () => {
    const { fake } = await afterDiagnosis('scrobbling');
    const panel = await screen.findByTestId('live-scrobble-test');
    fireEvent.click(within(panel).getByTestId('live-scrobble-start'));
    const watch = await fake.nextRun();
    const live = checkResult('scrobbling.live', { verdict: 'fail', problems: ['SCROBBLE_NOT_SEEN_LIVE'] });
    const ranked = finding('SCROBBLE_NOT_SEEN_LIVE', {
      checks: ['scrobbling.live'],
      fix: {
        title: PROBLEMS.SCROBBLE_NOT_SEEN_LIVE.fix.title,
        steps: [],
        stepMessages: [
          { key: 'problems:SCROBBLE_NOT_SEEN_LIVE.fix.steps.2' },
          { key: 'problems:SCROBBLE_NOT_SEEN_LIVE.fix.steps.0' },
        ],
      },
    });
    act(() => watch.finished(live));
    act(() => watch.finish(report(['scrobbling'], [SIGNED_IN, live], [ranked])));
    const card = await within(panel).findByText('Trakt did not see you watching');
    const steps = within(card.closest('article')!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(steps[0]).toMatch(/^Allow api\.strem\.io\/api\/events/);
    expect(steps[1]).toMatch(/^Play something for at least a minute/);
  });
});
