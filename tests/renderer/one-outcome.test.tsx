/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { catalogParams } from '../../shared/i18n/report-text';
import { englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS } from '../../shared/problems';
import type { CheckResult, Finding } from '../../shared/report';
import { STEP_NAMES, type StepName } from '../../shared/steps';
import { catalogFinding, checkResult, createFakeDoctor, notSignedIn, report } from './fake-doctor';
import { renderWizard } from './render-wizard';

// PRODUCT rule "one outcome and one primary action per page": these tests count what each page shows per state —
// finding cards, check rows, lines — so a page that shows every check as a card again, says a fact twice,
// or makes Next the bright button where another action is the useful one, fails here.

afterEach(cleanup);

/** True when `el` is on screen: not inside a closed disclosure or anything else `hidden`. */
const shown = (el: Element) => !el.closest('[hidden]');

/** What the page shows: finding cards, check rows, one-line folds and the lead (status, headline or sign-in). */
function counts() {
  const main = document.querySelector('main')!;
  const all = (selector: string) => [...main.querySelectorAll(selector)].filter(shown);
  return {
    findings: all('article.finding').length,
    rows: all('.check-row').length,
    lines: all('[data-testid="sign-in-line"]').length,
    headline: all('[data-testid="step-headline"]').length,
    primary: all('.button-primary').map((b) => b.textContent?.replace(/\s+/g, ' ').trim()),
  };
}

/** The wizard on `page` after the run-ahead finished with `checks` and `findings`. */
async function pageAfter(
  page: StepName | 'summary',
  checks: CheckResult[],
  findings: Finding[] = [],
  untested = false,
) {
  const fake = createFakeDoctor();
  Object.defineProperty(window, 'doctor', { value: fake.api, configurable: true });
  const { store } = renderWizard({ fake, page: page === 'summary' ? 'version' : page });
  const run = await fake.nextRun();
  const skipped = checks.filter((c) => c.verdict === 'skipped').map((c) => ({ check: c.id, reason: c.summary }));
  act(() => run.finish(report([...STEP_NAMES], checks, findings, untested ? skipped : [])));
  if (page === 'summary') act(() => store.getState().goTo('summary'));
  await screen.findByRole('heading', { level: 2 }, { timeout: 10_000 });
  return { fake, store };
}

const CONNECTIVITY = ['proxy', 'dns', 'tcp', 'tls', 'http', 'clock', 'captive-portal', 'summary', 'incidents'];
const SCROBBLING = ['addons', 'library', 'trakt-history', 'events-path', 'app-limit', 'comparison'];
const TOKEN_ACCOUNT = ['stremio-account', 'trakt-token', 'auth-redirect', 'pkce-evidence'];
const pasted = (verdict: CheckResult['verdict'], problems: string[] = []) =>
  checkResult('token.pasted-url', {
    verdict,
    problems,
    message: { key: verdict === 'skipped' ? 'checks-token:pasted-url.noAddress' : 'checks-token:pasted-url.title' },
  });
const optIn = checkResult('token.oauth-differential', {
  verdict: 'skipped',
  message: { key: 'checks-token:oauth-differential.optIn' },
});

describe('Connectivity, healthy', () => {
  it('is one outcome (the step’s verdict) and one line "8 other checks passed": no card, no row', async () => {
    const summary = 'All 5 hosts answer through the whole chain.';
    await pageAfter(
      'connectivity',
      CONNECTIVITY.map((name) =>
        checkResult(`connectivity.${name}`, name === 'summary' ? { summary, message: undefined } : {}),
      ),
    );
    await waitFor(() => expect(counts().headline).toBe(1));
    expect(screen.getByTestId('step-headline').textContent).toBe(summary);
    expect(counts()).toMatchObject({ findings: 0, rows: 0, lines: 0 });
    expect(screen.getByTestId('passed-checks').textContent).toMatch(/^▸ 8 other checks passed$/);
    // Timings and per-host layers only behind "Technical details".
    const timings = screen.getAllByText(/^\d+ ms$/);
    expect(timings.length).toBeGreaterThan(0);
    expect(timings.every((el) => el.closest('[data-technical]') && !shown(el))).toBe(true);
    expect(counts().primary).toEqual(['Next: Token →']);
  });
});

describe('Revoked access and Scrobbling before a sign-in', () => {
  it('Scrobbling: one line "6 checks need your Stremio sign-in" whose Go to Token is the bright button, not Next', async () => {
    await pageAfter('scrobbling', [
      notSignedIn('token.stremio-account'),
      ...SCROBBLING.map((n) => notSignedIn(`scrobbling.${n}`)),
    ]);
    await waitFor(() => expect(counts().lines).toBe(1));
    expect(counts()).toMatchObject({ findings: 0, rows: 0, headline: 0, primary: ['Go to Token →'] });
    expect(screen.getByTestId('sign-in-line').textContent).toMatch(/^6 checks need your Stremio sign-in\./);
    expect(screen.getByRole('button', { name: /^Next/ }).className).not.toContain('button-primary');
    // Nothing said six times: no per-check "Skipped: it needs …" on the page, no "0 ms".
    expect(document.querySelector('main')!.textContent).not.toMatch(/Skipped: not signed in/);
    fireEvent.click(screen.getByTestId('go-to-token'));
    expect(screen.getByRole('button', { current: 'step' }).dataset.page).toBe('token');
  });

  it('Revoked access: the same, with the right count', async () => {
    await pageAfter('revoked', [notSignedIn('token.stremio-account'), notSignedIn('revoked.users-settings')]);
    await waitFor(() => expect(counts().lines).toBe(1));
    expect(screen.getByTestId('sign-in-line').textContent).toMatch(/^1 check needs your Stremio sign-in\./);
    expect(counts().primary).toEqual(['Go to Token →']);
  });
});

describe('Token', () => {
  it('before anything: the numbered ways lead; the count leaves out the pasted-address check and the optional test', async () => {
    await pageAfter(
      'token',
      [...TOKEN_ACCOUNT.map((n) => notSignedIn(`token.${n}`)), pasted('skipped'), optIn],
      [catalogFinding('STREMIO_NOT_SIGNED_IN', ['token.stremio-account'])],
    );
    await waitFor(() => expect(counts().lines).toBe(1));
    expect(screen.getByTestId('sign-in-line').textContent).toMatch(/^4 checks need your Stremio sign-in/);
    // No "sign in on the Token step" card on the Token step, no Go to Token button.
    expect(counts()).toMatchObject({ findings: 0, rows: 0, primary: ['Analyse this address'] });
    expect(screen.queryByText(PROBLEMS.STREMIO_NOT_SIGNED_IN.title)).toBeNull();
    const lead = screen.getByTestId('token-sign-in');
    expect(lead.dataset.answered).toBe('false');
    const result = document.querySelector('.step-result')!;
    expect(Boolean(lead.compareDocumentPosition(result) & Node.DOCUMENT_POSITION_FOLLOWING)).toBe(true);
  });

  it('after analysing a pasted address: its result comes first, the ways fold away, no "No Stremio account" card', async () => {
    await pageAfter(
      'token',
      [...TOKEN_ACCOUNT.map((n) => notSignedIn(`token.${n}`)), pasted('fail', ['TRAKT_AUTH_PKCE_INJECTED']), optIn],
      [
        catalogFinding('TRAKT_AUTH_PKCE_INJECTED', ['token.pasted-url']),
        catalogFinding('STREMIO_NOT_SIGNED_IN', ['token.stremio-account']),
      ],
    );
    const card = await screen.findByRole('article');
    expect(counts()).toMatchObject({ findings: 1, rows: 0, lines: 1 });
    expect(card.dataset.finding).toBe('TRAKT_AUTH_PKCE_INJECTED');
    const ways = screen.getByTestId('token-ways-again');
    expect(within(ways).getByRole('button', { name: 'Analyse another address or sign in again' })).toBeInstanceOf(
      HTMLElement,
    );
    expect(Boolean(card.compareDocumentPosition(ways) & Node.DOCUMENT_POSITION_FOLLOWING)).toBe(true);
    expect(screen.queryByLabelText('Paste the address of the page that shows 400')?.closest('[hidden]')).not.toBeNull();
    expect(screen.queryByText(PROBLEMS.STREMIO_NOT_SIGNED_IN.title)).toBeNull();
  });
});

describe('a fact is said once, in one vocabulary', () => {
  it('Version, no install found: one Note card; its row and the skipped update check fold; sidebar and badge say "Note"', async () => {
    await pageAfter(
      'version',
      [
        checkResult('version.installs', { verdict: 'warn', problems: ['STREMIO_NOT_FOUND'] }),
        checkResult('version.stremio-update', { verdict: 'skipped' }),
      ],
      [catalogFinding('STREMIO_NOT_FOUND', ['version.installs'])],
    );
    const card = await screen.findByRole('article');
    expect(counts()).toMatchObject({ findings: 1, rows: 0 });
    const badge = card.querySelector('.badge')!.textContent;
    const sidebar = screen.getByRole('button', { current: 'step' }).querySelector('.stepper-state')!.textContent;
    expect(badge).toBe('Note');
    expect(sidebar).toBe(badge);
    // No "Warning" for the same fact anywhere outside "Technical details".
    const visible = [...document.querySelectorAll('main .badge')].filter(shown).map((b) => b.textContent);
    expect(visible).toEqual(['Note']);
  });

  it('Version with two warnings: the status line, the cards and the sidebar all say "Warning", none "problem"', async () => {
    await pageAfter(
      'version',
      [
        checkResult('version.stremio-update', {
          verdict: 'warn',
          problems: ['STREMIO_OUTDATED', 'STREMIO_V4_UNMAINTAINED'],
        }),
      ],
      [
        catalogFinding('STREMIO_OUTDATED', ['version.stremio-update']),
        catalogFinding('STREMIO_V4_UNMAINTAINED', ['version.stremio-update']),
      ],
    );
    await screen.findAllByRole('article');
    expect(counts()).toMatchObject({ findings: 2, rows: 0 });
    expect(screen.getByTestId('run-status-text').textContent).toBe(
      'Done: 2 warnings, no problem. What to do is below.',
    );
    const sidebar = screen.getByRole('button', { current: 'step' }).querySelector('.stepper-state')!.textContent;
    const badges = [...document.querySelectorAll('main .badge')].filter(shown).map((b) => b.textContent);
    expect([sidebar, ...badges]).toEqual(['Warning', 'Warning', 'Warning']);
  });

  it('a critical finding and a failing check are both "Problem": in the sidebar, on the card and on the row', async () => {
    await pageAfter(
      'connectivity',
      [checkResult('connectivity.captive-portal', { verdict: 'fail', problems: ['CAPTIVE_PORTAL'] })],
      [catalogFinding('CAPTIVE_PORTAL', ['connectivity.captive-portal'])],
    );
    const card = await screen.findByRole('article');
    fireEvent.click(within(screen.getByTestId('technical-details')).getByRole('button', { name: 'Technical details' }));
    const row = document.querySelector('[data-technical] .check-row .badge')!.textContent;
    const sidebar = screen.getByRole('button', { current: 'step' }).querySelector('.stepper-state')!.textContent;
    expect([card.querySelector('.badge')!.textContent, sidebar, row?.replace(/^\W/, '')]).toEqual([
      'Problem',
      'Problem',
      'Problem',
    ]);
  });

  it('every language names a critical finding and a failing check with one word, and a warning with one', () => {
    for (const locale of LOCALES) {
      const common = JSON.parse(readFileSync(`shared/locales/${locale}/common.json`, 'utf8')) as {
        verdict: Record<string, string>;
        severity: Record<string, string>;
      };
      expect([common.severity.critical, common.severity.warning], locale).toEqual([
        common.verdict.fail,
        common.verdict.warn,
      ]);
    }
  });

  it('the page and the sidebar number each step the same', async () => {
    const { store } = await pageAfter('version', []);
    for (const step of STEP_NAMES) {
      act(() => store.getState().goTo(step));
      const n = /(\d+)/.exec(screen.getByTestId('step-position').textContent ?? '')?.[1];
      const dot = document.querySelector(`[data-page="${step}"] .stepper-dot`) as HTMLElement;
      expect(dot.dataset.number, step).toBe(n);
    }
    // Welcome and the Summary carry no number, so Version is 1 in both places.
    expect(
      (document.querySelector('[data-page="welcome"] .stepper-dot') as HTMLElement).dataset.number,
    ).toBeUndefined();
  });
});

describe('the Summary', () => {
  const scrobbles = catalogFinding('SCROBBLES_NOT_REACHING_TRAKT', ['scrobbling.comparison']);
  const accountChecks = [
    ...TOKEN_ACCOUNT.slice(0, 1).map((n) => notSignedIn(`token.${n}`)),
    notSignedIn('cache.cached-profile'),
  ];

  it('shows the whole fix with every step and its buttons in place, the bundle export under "export the bundle"', async () => {
    await pageAfter(
      'summary',
      [checkResult('scrobbling.comparison', { verdict: 'fail', problems: ['SCROBBLES_NOT_REACHING_TRAKT'] })],
      [scrobbles, catalogFinding('STREMIO_NOT_FOUND', ['version.installs'])],
    );
    const cause = await screen.findByTestId('likely-cause', {}, { timeout: 10_000 });
    const en = englishTranslator();
    // Stremio's menus of both generations: this run found no install (docs/i18n.md "Names of other programs' menus").
    const steps = en.list('problems:SCROBBLES_NOT_REACHING_TRAKT.fix.steps', catalogParams(en));
    const items = [...cause.querySelectorAll('.fix-steps > li')];
    // The re-link sequence, not only "revoke Stremio on Trakt".
    expect(items.map((li) => li.querySelector('.fix-step-text')?.textContent)).toEqual(steps);
    expect(steps.length).toBe(7);
    const connected = within(cause).getByRole('button', { name: /Trakt connected apps/ });
    expect(items.findIndex((li) => li.contains(connected))).toBe(0);
    const exportButton = within(cause).getByRole('button', { name: 'Export diagnostic bundle' });
    expect(items.findIndex((li) => li.contains(exportButton))).toBe(6);
    // One export on the page, and it is the bright button; Done steps back.
    expect(screen.getAllByTestId('bundle-export-button')).toHaveLength(1);
    expect(counts().primary).toEqual(['Export diagnostic bundle']);
    // The other findings without repeating the first.
    const cards = screen.getAllByRole('article').map((a) => a.dataset.finding);
    expect(cards).toEqual(['SCROBBLES_NOT_REACHING_TRAKT', 'STREMIO_NOT_FOUND']);
    expect(screen.getByRole('heading', { name: 'Also found' })).toBeInstanceOf(HTMLElement);
  });

  it('groups what could not be tested by reason, each group with its one action; ends with Done / Start over', async () => {
    const { store } = await pageAfter(
      'summary',
      [
        ...accountChecks,
        ...SCROBBLING.map((n) => notSignedIn(`scrobbling.${n}`)),
        notSignedIn('revoked.users-settings'),
        checkResult('version.stremio-update', {
          verdict: 'skipped',
          message: { key: 'checks-version:stremio-update.noInstall' },
        }),
        checkResult('version.wizard-update', {
          verdict: 'skipped',
          message: { key: 'checks-version:wizard-update.unreadable', params: { why: 'x' } },
        }),
      ],
      [
        catalogFinding('STREMIO_NOT_SIGNED_IN', ['token.stremio-account']),
        catalogFinding('STREMIO_NOT_FOUND', ['version.installs']),
      ],
      true,
    );
    const untested = await screen.findByTestId('untested', {}, { timeout: 10_000 });
    // 9 checks waiting for one sign-in are one line, not nine; "No Stremio account" is not also a card.
    expect(within(untested).getByTestId('sign-in-line').textContent).toMatch(/^9 checks need your Stremio sign-in\./);
    expect(screen.getAllByRole('article').map((a) => a.dataset.finding)).toEqual(['STREMIO_NOT_FOUND']);
    const groups = [...untested.querySelectorAll('.untested-groups > li')];
    expect(groups).toHaveLength(2);
    for (const group of groups) expect(within(group as HTMLElement).getAllByRole('button')).toHaveLength(1);
    expect(untested.textContent).not.toMatch(/version\.stremio-update|\d+ ms/);
    // Only a note found, so the sign-in is the bright button; Done / Start over end the page.
    expect(counts().primary).toEqual(['Go to Token →']);
    expect(screen.getByRole('button', { name: 'Done' })).toBeInstanceOf(HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Start over' }));
    expect(store.getState()).toMatchObject({ page: 'welcome', session: null, symptom: null });
  });
});

describe('Welcome asks what happened', () => {
  it.each([
    ['Authenticate shows 400 or an error page', 'token'],
    ['It was linked and stopped working', 'token'],
    ["My watches don't reach Trakt", 'scrobbling'],
    ['Check everything', 'version'],
  ] as const)('"%s" opens %s first; Start still runs every step', async (answer, page) => {
    const { fake } = renderWizard();
    expect(document.body.textContent).not.toMatch(/one step at a time/);
    fireEvent.click(screen.getByRole('radio', { name: answer }));
    fireEvent.click(screen.getByRole('button', { name: /Start the checks/ }));
    expect(screen.getByRole('button', { current: 'step' }).dataset.page).toBe(page);
    expect((await fake.nextRun()).request.steps).toEqual([...STEP_NAMES]);
    if (answer.startsWith('Authenticate'))
      await waitFor(() => expect(document.activeElement?.id).toBe('token-auth-url'));
  });
});
