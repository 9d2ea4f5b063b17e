/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS } from '../../shared/problems';
import type { Finding } from '../../shared/report';
import { checkResult, notSignedIn, report } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

const portal: Finding = {
  problem: 'CAPTIVE_PORTAL',
  title: PROBLEMS.CAPTIVE_PORTAL.title,
  explanation: PROBLEMS.CAPTIVE_PORTAL.explanation,
  severity: 'critical',
  confidence: 0.97,
  evidence: ['connectivity.captive-portal: the probe answered 302 → http://login.hotel.example/portal'],
  checks: ['connectivity.captive-portal'],
  fix: {
    title: 'Sign in to the network',
    steps: ['Open any web page.', 'Run this step again.'],
    action: { kind: 'rerun-step', step: 'connectivity' },
  },
};
const outdated: Finding = {
  problem: 'STREMIO_OUTDATED',
  title: PROBLEMS.STREMIO_OUTDATED.title,
  explanation: PROBLEMS.STREMIO_OUTDATED.explanation,
  severity: 'warning',
  confidence: 0.9,
  evidence: ['version.stremio-installs: 4.4.168 installed, 5.0.0 available'],
  fix: { title: 'Update Stremio', steps: ['Download the newest Stremio.'] },
};

/** True when `a` comes before `b` in the document (reading and tab order). */
const before = (a: Element, b: Element) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('the Token step leads with the fast path', () => {
  it('opens with the numbered ways in: 1 paste (no account), 2 this computer, 3 sign in; forms and the test collapsed', async () => {
    const { fake } = renderWizard({ page: 'token' });
    const run = await fake.nextRun();
    act(() => run.finish(report(['token'], [notSignedIn('token.stremio-account')])));
    await screen.findByTestId('sign-in-line');
    const ways = [...document.querySelectorAll<HTMLElement>('.token-ways > li')].map((li) => li.dataset.way);
    expect(ways).toEqual(['paste', 'local', 'sign-in']);
    const paste = screen.getByLabelText('Paste the address of the page that shows 400');
    const analyse = screen.getByRole('button', { name: 'Analyse this address' });
    expect(analyse.className).toContain('button-primary');
    // Disabled, and it says why (also to a screen reader, through aria-describedby).
    expect((analyse as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('analyse-why').textContent).toBe('Paste an address first.');
    expect(analyse.getAttribute('aria-describedby')).toBe(screen.getByTestId('analyse-why').id);
    fireEvent.change(paste, { target: { value: 'https://api.trakt.tv/oauth/authorize?client_id=x' } });
    expect((analyse as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('analyse-why')).toBeNull();
    // One primary action: Next steps back on this page.
    expect(screen.getByRole('button', { name: /^Next/ }).className).not.toContain('button-primary');

    const more = within(screen.getByTestId('token-more-sign-in')).getByRole('button', {
      name: 'Sign in with e-mail and password, or an auth key',
    });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('textbox', { name: 'Stremio e-mail' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Which requests exactly?' }).getAttribute('aria-expanded')).toBe('false');
    const oauth = within(screen.getByTestId('oauth-test-disclosure')).getByRole('button', { name: /^Optional: test/ });
    expect(oauth.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Start the sign-in test' })).toBeNull();
    expect(before(paste, more)).toBe(true);
    expect(screen.queryByText(/Nothing could be checked/)).toBeNull();

    // The disclosure opens on click and closes on Escape, focus back on its button.
    fireEvent.click(more);
    expect(more.getAttribute('aria-expanded')).toBe('true');
    const email = screen.getByRole('textbox', { name: 'Stremio e-mail' });
    fireEvent.keyDown(email, { key: 'Escape' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(more);
  });
});

describe('a finding opens with what it means and what to do', () => {
  it('shows explanation, fix steps and action first; evidence, confidence and ids only behind Details', async () => {
    const { fake } = renderWizard({ page: 'connectivity' });
    const run = await fake.nextRun();
    act(() =>
      run.finish(report(['connectivity'], [checkResult('connectivity.captive-portal', { verdict: 'fail' })], [portal])),
    );
    const card = (await screen.findByRole('heading', { name: portal.title })).closest('article')!;
    const explanation = within(card).getByText(portal.explanation);
    const fix = within(card).getByText('How to fix: Sign in to the network');
    const action = within(card).getByRole('button', { name: 'Run Connectivity again' });
    const details = within(card).getByRole('button', { name: 'Technical details' });
    expect(before(explanation, fix) && before(fix, action) && before(action, details)).toBe(true);
    // Closed: the evidence is hidden (out of sight and of the accessibility tree).
    expect(within(card).getByText(portal.evidence[0]!).closest('[hidden]')).not.toBeNull();
    expect(details.getAttribute('aria-expanded')).toBe('false');
    expect(details.textContent).toMatch(/Technical details/);

    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByText(portal.evidence[0]!).closest('[hidden]')).toBeNull();
    expect(card.textContent).toContain('Confidence 97%');
    expect(card.textContent).toContain('connectivity.captive-portal');
  });
});

describe('the Summary', () => {
  it('opens with the most likely cause and its whole fix (every step, the button in place), then the rest once', async () => {
    const { fake, store } = renderWizard({ page: 'version' });
    const run = await fake.nextRun();
    act(() =>
      run.finish(report(['version', 'connectivity'], [checkResult('version.stremio-installs')], [portal, outdated])),
    );
    act(() => store.getState().goTo('summary'));
    const cause = await screen.findByTestId('likely-cause', {}, { timeout: 5000 });
    expect(within(cause).getByRole('heading', { name: 'Most likely cause' })).toBeInstanceOf(HTMLElement);
    expect(cause.textContent).toContain(portal.title);
    expect(cause.textContent).toContain(portal.explanation);
    // Every step of the fix, never its first step alone; the re-run button under the step that says so.
    const steps = englishTranslator().list('problems:CAPTIVE_PORTAL.fix.steps');
    expect(steps.length).toBeGreaterThan(1);
    const items = [...cause.querySelectorAll('.fix-steps > li')];
    expect(items.map((li) => li.querySelector('.fix-step-text')?.textContent)).toEqual(steps);
    const rerun = within(cause).getByRole('button', { name: 'Run Connectivity again' });
    expect(items.findIndex((li) => li.contains(rerun))).toBe(steps.findIndex((step) => /again/.test(step)));
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.dataset.finding)).toEqual(['CAPTIVE_PORTAL', 'STREMIO_OUTDATED']);
    expect(before(cause, cards[0]!)).toBe(true);
    expect(before(cause, screen.getByRole('button', { name: 'Copy summary' }))).toBe(true);
  });
});
