import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../shared/problems';
import { STEP_NAMES } from '../../shared/steps';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

// The whole wizard in real Chromium against the real engine and the loopback emulators: a hotel-style
// captive portal makes Connectivity fail, and the finding follows the user to the Summary.
describe('wizard end to end (Chromium + real engine)', () => {
  let world: World;
  let wizard: WizardHarness;
  let signIn: () => void;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    signIn = holdBehindHotelPortal(world);
    wizard = await openWizard({ world });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('walks Welcome → Summary with live results, the portal finding, its fixes and the copied summary', async () => {
    const { page } = wizard;
    await page.getByRole('button', { name: /Start the checks/ }).click();
    await expect.poll(() => page.locator('[aria-current="step"]').getAttribute('data-page')).toBe('version');
    // Start runs every step ahead in one run; Next shows results that are already there.
    await wizard.waitForAllSteps();
    const runs = () => wizard.calls.filter((c) => c.channel === 'diagnosis:run').length;
    for (const step of ['cache', 'connectivity'] as const) {
      await page.getByRole('button', { name: /^Next/ }).click();
      await wizard.waitForStep(step);
    }
    expect(runs()).toBe(1);
    const portalRow = page.locator('.check-row[data-check="connectivity.captive-portal"]');
    await expect.poll(() => portalRow.getAttribute('data-verdict')).toBe('fail');
    // Said once: the finding's card explains it; the failing row waits under "Technical details".
    const card = page.locator('article[data-finding="CAPTIVE_PORTAL"]');
    expect(await card.locator('h3').textContent()).toContain(PROBLEMS.CAPTIVE_PORTAL.title);
    expect(await card.textContent()).toContain(PROBLEMS.CAPTIVE_PORTAL.explanation);
    expect(await card.locator('.evidence').textContent()).toContain('302');
    expect(await portalRow.isVisible()).toBe(false);
    await page.getByTestId('technical-details').getByRole('button', { name: 'Technical details' }).click();

    // Details expand into key/values from the real check.
    await portalRow.getByRole('button', { name: /Details/ }).click();
    expect(await portalRow.locator('.check-details dt').count()).toBeGreaterThan(0);

    // Live streaming: the page received run-started, then check-started/-finished events before the report.
    const connectivityRun = wizard.calls.find(
      (c) => c.channel === 'diagnosis:run' && JSON.stringify(c.payload).includes('connectivity'),
    );
    const runId = (connectivityRun?.payload as { runId: string }).runId;
    const types = wizard.events.filter((e) => e.runId === runId).map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['run-started', 'check-started']);
    expect(types.at(-1)).toBe('run-finished');

    // The portal is fixed; the fix's re-run button runs the real check again and it passes.
    signIn();
    await card.getByRole('button', { name: /Run Connectivity again/ }).click();
    await wizard.waitForStep('connectivity');
    await expect.poll(() => portalRow.getAttribute('data-verdict')).toBe('pass');
    signIn = holdBehindHotelPortal(world);
    await page.getByRole('button', { name: 'Re-run' }).click();
    await wizard.waitForStep('connectivity');
    await expect.poll(() => portalRow.getAttribute('data-verdict')).toBe('fail');

    for (const step of STEP_NAMES.slice(STEP_NAMES.indexOf('token'))) {
      await page.getByRole('button', { name: /^Next/ }).click();
      await wizard.waitForStep(step);
    }
    // The start, the fix's re-run and Re-run: opening the later steps ran nothing again.
    expect(runs()).toBe(3);
    await page.getByRole('button', { name: /Next: Summary/ }).click();
    const summaryCard = page.locator('.summary article[data-finding="CAPTIVE_PORTAL"]');
    await summaryCard.waitFor();
    expect(await page.locator('.summary article').first().getAttribute('data-finding')).toBe('CAPTIVE_PORTAL');
    expect(await page.getByTestId('untested').count()).toBeLessThanOrEqual(1);

    // An open-url fix from the UI goes through fix:open-url and the allow-list to the (recorded) opener.
    const notFound = page.locator('.summary article[data-finding="STREMIO_NOT_FOUND"]');
    await notFound.getByRole('button', { name: /Stremio downloads/ }).click();
    await notFound.getByText('Opened in your browser.').waitFor();
    expect(wizard.opened).toEqual(['https://www.stremio.com/downloads']);

    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wizard.server.url).origin });
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain(PROBLEMS.CAPTIVE_PORTAL.title);

    expect(wizard.pageErrors).toEqual([]);
    // zod (pulled in through shared/report.ts) probes `Function('')` once to pick its JIT; the CSP blocks
    // that probe as intended and zod falls back. Anything else (an inline script or style) is a bug.
    expect(await wizard.cspViolations()).toEqual([]);
    expect(wizard.calls.filter((c) => !c.result.ok)).toEqual([]);
  });

  it('runs under Trusted Types: a string reaching a DOM script sink throws, and the walk above raised no violation', async () => {
    expect(wizard.server.csp).toContain("require-trusted-types-for 'script'");
    const outcome = await wizard.page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<img src=x onerror=alert(1)>';
        return 'assigned';
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(outcome).toBe('TypeError');
    // That refusal is the only violation, reported once per policy (the header and the page's meta); the
    // wizard itself (React, the store, zod) never hit a sink during the walk above.
    expect(await wizard.cspViolations()).toEqual([
      'require-trusted-types-for trusted-types-sink',
      'require-trusted-types-for trusted-types-sink',
    ]);
    expect(wizard.pageErrors).toEqual([]);
  });

  it('records an allow-listed open-url fix and shows the refusal for another host', async () => {
    const { page } = wizard;
    const before = wizard.opened.length;
    const result = await page.evaluate(() =>
      window.doctor['fix:open-url']({ url: 'https://trakt.tv/oauth/authorized_applications' }),
    );
    expect(result).toEqual({ ok: true, value: { opened: true } });
    expect(wizard.opened.slice(before)).toEqual(['https://trakt.tv/oauth/authorized_applications']);
    const refused = await page.evaluate(() => window.doctor['fix:open-url']({ url: 'https://evil.example/' }));
    expect(refused).toEqual({
      ok: true,
      value: { opened: false, reason: 'evil.example is not on the list of sites the wizard opens' },
    });
    expect(wizard.opened).toHaveLength(before + 1);
  });

  it('works from the keyboard: focus lands on each page heading, Tab reaches Start, Enter moves on', async () => {
    const { page } = wizard;
    await page.goto(wizard.server.url);
    const focused = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id,
        testId: document.activeElement?.getAttribute('data-testid'),
        page: document.activeElement?.getAttribute('data-page'),
        text: document.activeElement?.textContent,
      }));
    await expect.poll(async () => (await focused()).id).toBe('page-title');
    // "What happened?" first (one Tab stop for the group, on its chosen answer), then Start.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('everything');
    await page.keyboard.press('Tab');
    expect((await focused()).testId).toBe('start');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused()).text).toBe('Version');
    await wizard.waitForStep('version');
    // The stepper comes before the page in focus order: one Shift+Tab from the heading reaches its last item.
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).page).toBe('summary');
    expect(wizard.pageErrors).toEqual([]);
  });
});
