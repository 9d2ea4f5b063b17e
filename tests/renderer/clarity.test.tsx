/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS } from '../../shared/problems';
import type { Finding } from '../../shared/report';
import { checkResult, report } from './fake-doctor';
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
  it('opens with the paste field and the local profile; sign-in form, request list and sign-in test are collapsed', async () => {
    const { fake } = renderWizard({ page: 'token' });
    const run = await fake.nextRun();
    act(() => run.finish(report(['token'], [checkResult('token.stremio-account', { verdict: 'skipped' })])));
    await waitFor(() => expect(screen.getByTestId('run-status-text').textContent).toMatch(/^Sign in below/));
    const paste = screen.getByLabelText('Paste the address of the page that shows 400');
    expect(screen.getByRole('button', { name: 'Analyse this address' }).className).toContain('button-primary');
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
    const details = within(card).getByRole('button', { name: /Details/ });
    expect(before(explanation, fix) && before(fix, action) && before(action, details)).toBe(true);
    // Closed: the evidence is hidden (out of sight and of the accessibility tree).
    expect(within(card).getByText(portal.evidence[0]!).closest('[hidden]')).not.toBeNull();
    expect(details.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(details);
    expect(details.getAttribute('aria-expanded')).toBe('true');
    expect(within(card).getByText(portal.evidence[0]!).closest('[hidden]')).toBeNull();
    expect(card.textContent).toContain('Confidence 97%');
    expect(card.textContent).toContain('connectivity.captive-portal');
  });
});

describe('the Summary', () => {
  it('opens with the most likely cause and the one thing to do next, then everything else', async () => {
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
    expect(within(cause).getByRole('heading', { name: 'What to do next' })).toBeInstanceOf(HTMLElement);
    // Only the first step and the action: the one thing to do next.
    const [first, ...rest] = englishTranslator().list('problems:CAPTIVE_PORTAL.fix.steps');
    expect([...cause.querySelectorAll('.fix-steps li')].map((li) => li.textContent)).toEqual([first]);
    expect(rest.length).toBeGreaterThan(0);
    expect(within(cause).getByRole('button', { name: 'Run Connectivity again' })).toBeInstanceOf(HTMLElement);
    const cards = screen.getAllByRole('article');
    expect(cards.map((c) => c.dataset.finding)).toEqual(['CAPTIVE_PORTAL', 'STREMIO_OUTDATED']);
    expect(before(cause, cards[0]!)).toBe(true);
    expect(before(cause, screen.getByRole('button', { name: 'Copy summary' }))).toBe(true);
  });
});
