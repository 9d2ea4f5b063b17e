/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkTitleText } from '../../shared/i18n/report-text';
import { englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS } from '../../shared/problems';
import type { Finding } from '../../shared/report';
import { STEP_NAMES, STEP_TITLES } from '../../shared/steps';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { checkResult, notSignedIn, report } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

const portalFinding: Finding = {
  problem: 'CAPTIVE_PORTAL',
  title: PROBLEMS.CAPTIVE_PORTAL.title,
  explanation: PROBLEMS.CAPTIVE_PORTAL.explanation,
  severity: 'critical',
  confidence: 0.97,
  evidence: ['connectivity.captive-portal: the probe answered 302 → http://login.hotel.example/portal'],
  fix: {
    title: 'Sign in to the network',
    steps: ['Open any web page.', 'Run this step again.'],
    action: { kind: 'rerun-step', step: 'connectivity' },
  },
};
const outdatedFinding: Finding = {
  problem: 'STREMIO_OUTDATED',
  title: PROBLEMS.STREMIO_OUTDATED.title,
  explanation: PROBLEMS.STREMIO_OUTDATED.explanation,
  severity: 'warning',
  confidence: 0.9,
  evidence: ['version.stremio-installs: 4.4.168 installed, 5.0.0 available'],
  fix: {
    title: 'Update Stremio',
    steps: ['Download the newest Stremio.'],
    action: { kind: 'open-url', url: 'https://www.stremio.com/downloads', label: 'Stremio downloads' },
  },
};

const current = () => screen.getByRole('button', { current: 'step' });

describe('stepper navigation', () => {
  it('starts on Welcome with the privacy promise and walks Start → Version → Back → any step', async () => {
    const { fake } = renderWizard();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toMatch(/Trakt/);
    expect(screen.getByText(/Nothing is uploaded, ever/)).toBeInstanceOf(HTMLElement);
    expect(current().dataset.page).toBe('welcome');

    fireEvent.click(screen.getByRole('button', { name: /Start the checks/ }));
    expect(current().dataset.page).toBe('version');
    expect(screen.getByRole('heading', { level: 2, name: 'Version' })).toBeInstanceOf(HTMLElement);
    const run = await fake.nextRun();
    // Start runs ahead: one run of every step.
    expect(run.request.steps).toEqual([...STEP_NAMES]);
    expect(run.request.runId).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(screen.getByRole('button', { current: 'step' }).dataset.outcome).toBe('running');

    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(current().dataset.page).toBe('welcome');
    // The last diagnostic step (shared/steps.ts) leads to the Summary.
    const last = STEP_NAMES[STEP_NAMES.length - 1]!;
    fireEvent.click(within(screen.getByRole('navigation', { name: 'Wizard steps' })).getByText(STEP_TITLES[last]));
    expect(current().dataset.page).toBe(last);
    fireEvent.click(screen.getByRole('button', { name: /Next: Summary/ }));
    expect(current().dataset.page).toBe('summary');
    expect(screen.queryByRole('button', { name: /^Next/ })).toBeNull();
  });

  it('runs every step ahead in one run: an opened step shows its live rows, and opening never runs it again', async () => {
    const { fake } = renderWizard({ page: 'version' });
    const all = await fake.nextRun();
    act(() => fake.emit({ type: 'run-started', runId: all.request.runId, steps: [...STEP_NAMES], checks: [] }));
    act(() => all.started('cache.streaming-server', 'Streaming server'));
    fireEvent.click(screen.getByRole('button', { name: /Next: Cache/ }));
    // The Cache step is already running in the same run: its row is there, nothing new starts.
    expect(screen.getByTestId('run-status-text').textContent).toBe('Checking… 0 of 1 check finished.');
    expect(screen.getByRole('button', { current: 'step' }).dataset.outcome).toBe('running');
    // Rows say their titles from the locale (checks-cache.json), the event's title only when there is none.
    const title = checkTitleText({ id: 'cache.streaming-server', title: 'Streaming server' }, englishTranslator());
    expect(screen.getByText(title)).toBeInstanceOf(HTMLElement);
    const installs = checkResult('version.stremio-installs', { verdict: 'warn' });
    const server = checkResult('cache.streaming-server');
    act(() => all.finished(server));
    act(() => all.finish(report([...STEP_NAMES], [installs, server])));
    // Nothing to report: the page's one outcome is its passing check's own sentence.
    await waitFor(() => expect(screen.getByTestId('run-status-text').textContent).toBe(server.summary));
    const nav = screen.getByRole('navigation', { name: 'Wizard steps' });
    expect(within(nav).getByText('Version').closest('button')?.dataset.outcome).toBe('warning');
    expect(within(nav).getByText('Cache').closest('button')?.dataset.outcome).toBe('pass');
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    fireEvent.click(screen.getByRole('button', { name: /Next: Cache/ }));
    fireEvent.click(screen.getByRole('button', { name: /Next: Connectivity/ }));
    expect(fake.runs).toHaveLength(1);
    // Re-run still runs the one step.
    fireEvent.click(screen.getByRole('button', { name: 'Re-run' }));
    expect((await fake.nextRun()).request.steps).toEqual(['connectivity']);
  });

  it('runs the Token step without credentials: its ways in lead, the waiting checks are one line, no "No Stremio account" card', async () => {
    const { fake } = renderWizard({ page: 'token' });
    const run = await fake.nextRun();
    expect(run.request).toEqual({ runId: run.request.runId, steps: [...STEP_NAMES] });
    const note: Finding = {
      ...outdatedFinding,
      problem: 'STREMIO_NOT_SIGNED_IN',
      title: PROBLEMS.STREMIO_NOT_SIGNED_IN.title,
      severity: 'info',
      checks: ['token.stremio-account'],
    };
    act(() =>
      run.finish(
        report(
          ['token'],
          [
            notSignedIn('token.stremio-account'),
            notSignedIn('token.trakt-token'),
            checkResult('token.pasted-url', {
              verdict: 'skipped',
              message: { key: 'checks-token:pasted-url.noAddress' },
            }),
          ],
          [note],
        ),
      ),
    );
    await waitFor(() =>
      expect(screen.getByTestId('sign-in-line').textContent).toBe(
        '2 checks need your Stremio sign-in: sign in one of the ways on this page.',
      ),
    );
    expect(screen.getByRole('button', { current: 'step' }).dataset.outcome).toBe('needs-sign-in');
    // Said once: the sign-in line, not also the "No Stremio account" finding; on the Token step no "Go to Token".
    expect(screen.queryByRole('article')).toBeNull();
    expect(screen.queryByTestId('go-to-token')).toBeNull();
    // The rows wait behind "Technical details", not as the page's opening; the pasted-address check is its own skip.
    expect(screen.getByTestId('skipped-checks').textContent).toMatch(/1 check skipped/);
    const technical = within(screen.getByTestId('technical-details')).getByRole('button', {
      name: 'Technical details',
    });
    expect(technical.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryAllByRole('listitem').filter((li) => li.dataset.check)).toEqual([]);
    fireEvent.click(technical);
    expect(screen.getAllByRole('listitem').filter((li) => li.dataset.check)).toHaveLength(3);
  });
});

describe('live check rows', () => {
  it('streams rows as checks start and finish, with progress and a live status', async () => {
    const { fake } = renderWizard({ page: 'connectivity' });
    const run = await fake.nextRun();
    expect(screen.getByRole('progressbar')).toBeInstanceOf(HTMLElement);
    act(() => {
      run.started('connectivity.dns', 'Name resolution');
      run.started('connectivity.captive-portal', 'Network sign-in page');
    });
    // Every row, live, with its timing, waits under "Technical details".
    fireEvent.click(screen.getByRole('button', { name: 'Technical details' }));
    const technical = screen.getByTestId('technical-details');
    const rows = () =>
      within(technical)
        .getAllByRole('listitem')
        .filter((li) => li.dataset.check);
    expect(rows().map((r) => r.dataset.check)).toEqual(['connectivity.dns', 'connectivity.captive-portal']);
    expect(within(rows()[0]!).getByText('Checking…')).toBeInstanceOf(HTMLElement);
    expect(screen.getByTestId('run-status-text').textContent).toBe('Checking… 0 of 2 checks finished.');

    act(() =>
      run.finished(
        checkResult('connectivity.captive-portal', {
          title: 'Network sign-in page',
          verdict: 'fail',
          problems: ['CAPTIVE_PORTAL'],
          summary: 'A sign-in page answered instead of the internet.',
        }),
      ),
    );
    expect(rows()[1]!.dataset.verdict).toBe('fail');
    expect(within(rows()[1]!).getByText('Problem')).toBeInstanceOf(HTMLElement);
    // Until a finding explains it, the failing check itself leads the page, with what its problem means.
    const attention = screen.getByRole('list', { name: 'Connectivity: checks that need attention' });
    expect(within(attention).getByText(PROBLEMS.CAPTIVE_PORTAL.explanation, { exact: false })).toBeInstanceOf(
      HTMLElement,
    );
    expect(rows()[0]!.getAttribute('aria-busy')).toBe('true');
    expect(screen.getByTestId('run-status-text').textContent).toBe('Checking… 1 of 2 checks finished.');

    act(() =>
      run.finish(
        report(
          ['connectivity'],
          [
            checkResult('connectivity.dns', { title: 'Name resolution' }),
            checkResult('connectivity.captive-portal', { verdict: 'fail', problems: ['CAPTIVE_PORTAL'] }),
          ],
          [portalFinding],
        ),
      ),
    );
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(rows().map((r) => r.dataset.verdict)).toEqual(['pass', 'fail']);
    expect(screen.getByTestId('run-status-text').textContent).toMatch(/one problem found/);
    expect(screen.getByRole('heading', { name: PROBLEMS.CAPTIVE_PORTAL.title })).toBeInstanceOf(HTMLElement);
    // Said once: the finding's card now says it; the row folds away (still under "Technical details").
    expect(screen.queryByRole('list', { name: 'Connectivity: checks that need attention' })).toBeNull();
    expect(screen.getByTestId('passed-checks').textContent).toMatch(/1 check passed/);
  });

  it('ignores events of other runs', async () => {
    const { fake } = renderWizard({ page: 'version' });
    await fake.nextRun();
    act(() =>
      fake.emit({ type: 'check-started', runId: 'someone-else', id: 'version.x', step: 'version', title: 'Stray' }),
    );
    expect(screen.queryByText('Stray')).toBeNull();
  });

  it('shows one badge per verdict with a word, not colour alone', async () => {
    const { fake } = renderWizard({ page: 'version' });
    const run = await fake.nextRun();
    const verdicts = ['pass', 'warn', 'fail', 'error', 'skipped'] as const;
    act(() =>
      run.finish(
        report(
          ['version'],
          verdicts.map((verdict) => checkResult(`version.v-${verdict}`, { verdict })),
        ),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Technical details' }));
    const technical = screen.getByTestId('technical-details');
    await waitFor(() =>
      expect(
        within(technical)
          .getAllByRole('listitem')
          .filter((li) => li.dataset.check),
      ).toHaveLength(5),
    );
    const words = verdicts.map((v) => technical.querySelector(`.check-row[data-verdict="${v}"] .badge`)?.textContent);
    expect(words).toEqual(['✓Pass', '!Warning', '✕Problem', '?Could not test', '–Skipped']);
    expect(screen.getByTestId('run-status-text').textContent).toBe(
      'Done: one check found a problem; it says what below.',
    );
  });

  it('expands Details into readable key/values', async () => {
    const { fake } = renderWizard({ page: 'connectivity' });
    const run = await fake.nextRun();
    act(() =>
      run.finish(
        report(
          ['connectivity'],
          [
            checkResult('connectivity.captive-portal', {
              details: {
                failedLayer: 'timeout',
                http_status: 302,
                reachable: false,
                hosts: ['trakt.tv', 'api.trakt.tv'],
                timings: { dnsMs: 3, tcpMs: 7 },
              },
            }),
          ],
        ),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Technical details' }));
    const toggle = within(screen.getByTestId('technical-details')).getByRole('button', { name: 'Details' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByText('Failed layer')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const region = document.getElementById(toggle.getAttribute('aria-controls') ?? '')!;
    const pairs = [...region.querySelectorAll('dt')].map(
      (dt) => `${dt.textContent}=${dt.nextElementSibling?.textContent}`,
    );
    expect(pairs).toEqual([
      'Failed layer=timeout',
      'Http status=302',
      'Reachable=no',
      'Hosts=trakt.tv, api.trakt.tv',
      'Timings=Dns ms3Tcp ms7',
      'Dns ms=3',
      'Tcp ms=7',
    ]);
    fireEvent.click(toggle);
    expect(screen.queryByText('Failed layer')).toBeNull();
  });
});

describe('fixes', () => {
  it('opens an open-url fix through fix:open-url and shows a refusal reason', async () => {
    let refuse = false;
    const { fake } = renderWizard({
      page: 'version',
      handlers: {
        'fix:open-url': async () => ({
          ok: true,
          value: refuse
            ? { opened: false, reason: 'evil.example is not on the list of sites the wizard opens' }
            : { opened: true },
        }),
      },
    });
    const run = await fake.nextRun();
    act(() =>
      run.finish(
        report(
          ['version'],
          [checkResult('version.stremio-installs', { verdict: 'warn', problems: ['STREMIO_OUTDATED'] })],
          [outdatedFinding],
        ),
      ),
    );
    const card = (await screen.findByRole('heading', { name: outdatedFinding.title })).closest('article')!;
    // The window says a finding's fix from the catalog (shared/locales/<locale>/problems.json), so it follows a
    // language switch.
    expect([...card.querySelectorAll('.fix-steps .fix-step-text')].map((li) => li.textContent)).toEqual(
      englishTranslator().list('problems:STREMIO_OUTDATED.fix.steps'),
    );
    fireEvent.click(within(card).getByRole('button', { name: /Stremio downloads/ }));
    await within(card).findByText('Opened in your browser.');
    expect(fake.calls.filter((c) => c.channel === 'fix:open-url').map((c) => c.request)).toEqual([
      { url: 'https://www.stremio.com/downloads' },
    ]);
    refuse = true;
    fireEvent.click(within(card).getByRole('button', { name: /Stremio downloads/ }));
    // The allow-list's English refusal stays out of the window: the window says why in its own words.
    const refused = await within(card).findByText(/^Not opened\. The wizard opens only/);
    expect(refused.textContent).not.toContain('evil.example');
  });

  it('re-runs the step from a rerun-step fix', async () => {
    const { fake } = renderWizard({ page: 'connectivity' });
    const first = await fake.nextRun();
    act(() =>
      first.finish(
        report(
          ['connectivity'],
          [checkResult('connectivity.captive-portal', { verdict: 'fail', problems: ['CAPTIVE_PORTAL'] })],
          [portalFinding],
        ),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: /Run Connectivity again/ }));
    const second = await fake.nextRun();
    expect(second.request.steps).toEqual(['connectivity']);
    expect(second.request.runId).not.toBe(first.request.runId);
    expect(screen.getByTestId('run-status-text').textContent).toMatch(/Checking/);
  });
});

describe('cancel', () => {
  it('cancels the running step through diagnosis:cancel and says so', async () => {
    const { fake } = renderWizard({ page: 'connectivity' });
    const run = await fake.nextRun();
    act(() => run.started('connectivity.dns', 'Name resolution'));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'diagnosis:cancel')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'diagnosis:cancel')?.request).toEqual({ runId: run.request.runId });
    expect(screen.getByTestId('run-status-text').textContent).toBe('Cancelling…');
    act(() =>
      run.finish(
        report(
          ['connectivity'],
          [checkResult('connectivity.dns', { verdict: 'skipped', summary: 'Skipped: the run was cancelled.' })],
        ),
      ),
    );
    await waitFor(() => expect(screen.getByTestId('run-status-text').textContent).toMatch(/^Cancelled/));
    expect(screen.getByRole('button', { name: 'Re-run' })).toBeInstanceOf(HTMLElement);
  });

  it('cancels a queued step without running it', async () => {
    const { fake, store } = renderWizard({ page: 'version' });
    const all = await fake.nextRun();
    // A re-run of Cache asked for while the whole diagnosis still runs waits behind it, then is cancelled.
    fireEvent.click(screen.getByRole('button', { name: /Next: Cache/ }));
    act(() => void store.getState().runStep('cache'));
    expect(screen.getByTestId('run-status-text').textContent).toMatch(/Waiting for the previous step/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    act(() => all.finish(report([...STEP_NAMES], [checkResult('cache.streaming-server')])));
    await waitFor(() => expect(screen.getByTestId('run-status-text').textContent).toMatch(/^Cancelled/));
    await new Promise((r) => setTimeout(r, 10));
    expect(fake.runs).toHaveLength(1);
  });

  it('cancels the whole run-ahead from any step: every step it covers says so', async () => {
    const { fake, store } = renderWizard({ page: 'token' });
    const all = await fake.nextRun();
    act(() => fake.emit({ type: 'run-started', runId: all.request.runId, steps: [...STEP_NAMES], checks: [] }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'diagnosis:cancel')?.request).toEqual({ runId: all.request.runId }),
    );
    expect(STEP_NAMES.every((step) => store.getState().steps[step].cancelled)).toBe(true);
    act(() => all.finish(report([...STEP_NAMES], [checkResult('version.stremio-installs', { verdict: 'skipped' })])));
    await waitFor(() => expect(screen.getByTestId('run-status-text').textContent).toMatch(/^Cancelled/));
  });
});

describe('errors from the API are shown, never thrown', () => {
  it('shows a typed run error (BUSY) and a broken bridge (rejected promise)', async () => {
    const { fake } = renderWizard({ page: 'version' });
    const run = await fake.nextRun();
    act(() => run.fail({ code: 'BUSY', message: 'a diagnosis is already running', reason: 'diagnosisRunning' }));
    expect(await screen.findByText(/Another diagnosis is still running/)).toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('button', { current: 'step' }).dataset.outcome).toBe('failed');
    fireEvent.click(screen.getByRole('button', { name: 'Re-run' }));
    const again = await fake.nextRun();
    act(() => again.reject(new Error('bridge gone')));
    expect(
      await screen.findByText('Version could not run. The app did not answer. Restart it and try again.'),
    ).toBeInstanceOf(HTMLElement);
  });

  it('shows a failing fix:open-url as a refusal, and survives an onRunEvent that throws', async () => {
    const { fake } = renderWizard({
      page: 'version',
      handlers: {
        'fix:open-url': async () => {
          throw new Error('ipc closed');
        },
      },
    });
    const run = await fake.nextRun();
    act(() =>
      run.finish(
        report(
          ['version'],
          [checkResult('version.stremio-installs', { problems: ['STREMIO_OUTDATED'] })],
          [outdatedFinding],
        ),
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: /Stremio downloads/ }));
    expect(await screen.findByText('Not opened. The app did not answer. Restart it and try again.')).toBeInstanceOf(
      HTMLElement,
    );
  });
});

describe('summary', () => {
  let writeText: ReturnType<typeof vi.fn<(text: string) => Promise<void>>>;
  beforeEach(() => {
    writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });

  it('ranks findings from every step, shows evidence, fix and the untested list, and copies Markdown', async () => {
    const { fake, store } = renderWizard({ page: 'version' });
    const version = await fake.nextRun();
    act(() => store.getState().goTo('connectivity'));
    expect(fake.runs).toHaveLength(1);
    const connectivity = version;
    // The session's combined report, as the service streams it after the run-ahead.
    const session = report(
      ['version', 'connectivity'],
      [
        checkResult('version.stremio-installs', { verdict: 'warn', problems: ['STREMIO_OUTDATED'] }),
        checkResult('connectivity.captive-portal', { verdict: 'fail', problems: ['CAPTIVE_PORTAL'] }),
      ],
      [portalFinding, outdatedFinding],
      [
        { check: 'connectivity.clock', reason: 'no server answered with a Date header' },
        ...['cache', 'token', 'revoked'].map((check) => ({ check, reason: 'this step was not run' })),
      ],
    );
    act(() => connectivity.finish(session));
    act(() => store.getState().goTo('summary'));

    const cards = await screen.findAllByRole('article');
    // The most likely cause first, then the other findings, each once.
    expect(cards.map((c) => c.dataset.finding)).toEqual(['CAPTIVE_PORTAL', 'STREMIO_OUTDATED']);
    expect(screen.getByTestId('likely-cause').contains(cards[0]!)).toBe(true);
    expect(within(cards[0]!).getByText(/How to fix: Sign in to the network/)).toBeInstanceOf(HTMLElement);
    expect(within(cards[0]!).getByText(portalFinding.evidence[0]!).closest('[hidden]')).not.toBeNull();
    fireEvent.click(within(cards[0]!).getByRole('button', { name: 'Technical details' }));
    expect(within(cards[0]!).getByText(portalFinding.evidence[0]!).closest('[hidden]')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Also found' })).toBeInstanceOf(HTMLElement);
    // Untested: one line per reason with its one action; steps that never ran are one line too.
    const untested = screen.getByTestId('untested');
    expect(untested.textContent).toMatch(/no server answered with a Date header/);
    expect(within(untested).getByRole('button', { name: 'Open Connectivity' })).toBeInstanceOf(HTMLElement);
    expect(untested.textContent).toMatch(/Not run yet: Cache, Token, and Revoked access\./);
    expect(within(untested).getByRole('button', { name: 'Run them' })).toBeInstanceOf(HTMLElement);

    // Each step's page shows its own part of the same session report.
    expect(store.getState().steps.version.report).toBe(session);
    expect(store.getState().session).toBe(session);

    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInstanceOf(HTMLElement);
    const copied = writeText.mock.calls[0]![0];
    expect(copied.indexOf(PROBLEMS.CAPTIVE_PORTAL.title)).toBeLessThan(copied.indexOf(PROBLEMS.STREMIO_OUTDATED.title));
    // Copy summary renders the very report the session sent, as the bundle's summary.md does.
    expect(copied).toBe(renderSummaryMarkdown(session));
  });

  it('says what it will do when no step ran, and offers the manual copy when the clipboard is refused', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const { fake, store } = renderWizard({ page: 'summary' });
    expect(await screen.findByText(/No step has run yet/)).toBeInstanceOf(HTMLElement);
    act(() => store.getState().goTo('revoked'));
    const run = await fake.nextRun();
    act(() => run.finish(report(['revoked'], [checkResult('revoked.users-settings', { verdict: 'skipped' })])));
    act(() => store.getState().goTo('summary'));
    expect(await screen.findByText(/No problems found in the steps that ran/)).toBeInstanceOf(HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    const manual = await screen.findByRole('textbox', { name: 'Summary as Markdown' });
    expect((manual as HTMLTextAreaElement).value).toMatch(/Stremio Trakt Doctor/);
  });
});
