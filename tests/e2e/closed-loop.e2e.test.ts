import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOOP_ACCOUNT,
  PLANTED_WATCH,
  installClosedLoopWorld,
  type ClosedLoopWorld,
} from '../kit/emulators/closed-loop-world';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';
import { submitAuthKey } from './journeys/journey';

// The closed loop in real Chromium against the real engine: after the re-link fix the Token step watches the
// account with a countdown until the new link arrives, and the expired link shows "fixed, confirmed" on its
// card, the Summary, the copied Markdown and the bundle preview; the Scrobbling step's live test stops at once
// on Cancel, then sees a planted watch whose title appears in its panel and nowhere else.
describe('Confirming a fix end to end (Chromium + real engine)', () => {
  let world: World;
  let loop: ClosedLoopWorld;
  let wizard: WizardHarness;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    wizard = await openWizard({ world });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('the re-link watch counts down, confirms the new link, and the expired link is fixed, confirmed everywhere', async () => {
    const { page } = wizard;
    await page.locator('button.stepper-item[data-page="token"]').click();
    await wizard.waitForStep('token');
    const signIn = page.locator('[data-panel="token-sign-in"]');
    await submitAuthKey(signIn, LOOP_ACCOUNT.authKey);
    await wizard.waitForStep('token');
    await page.locator('article[data-finding="TRAKT_TOKEN_EXPIRED"]').first().waitFor();

    // The user authenticates again; Stremio stores the new link a poll after the watch starts.
    loop.relinkAfter(1);
    const panel = page.locator('[data-panel="relink-watch"]');
    await panel.getByRole('button', { name: "I'm doing it now — tell me when it worked" }).click();
    await panel.getByTestId('watch-countdown').waitFor();
    expect(await panel.getByRole('timer').textContent()).toMatch(/min left|s left/);
    const result = panel.getByTestId('relink-result');
    await result.waitFor({ timeout: 20_000 });
    expect(await result.getAttribute('data-verdict')).toBe('pass');
    expect(await result.textContent()).toMatch(/Linked again — valid until/);
    const card = page.locator('article[data-finding="TRAKT_TOKEN_EXPIRED"]').first();
    expect(await card.getByTestId('finding-resolution').textContent()).toMatch(/^Fixed, confirmed at /);

    await page.locator('[data-page="summary"]').first().click();
    const summaryCard = page.locator('.summary article[data-finding="TRAKT_TOKEN_EXPIRED"]');
    await summaryCard.waitFor();
    expect(await summaryCard.getByTestId('finding-resolution').textContent()).toMatch(/^Fixed, confirmed at /);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wizard.server.url).origin });
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toMatch(/\*\*Fixed\*\*, confirmed at \d\d:\d\d UTC by `token\.relink`/);
    const exportPanel = page.locator('[data-panel="summary-export"]');
    await exportPanel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
    expect(await exportPanel.getByTestId('bundle-summary').inputValue()).toMatch(/\*\*Fixed\*\*, confirmed at/);
    expect(wizard.pageErrors).toEqual([]);
  }, 60_000);

  it('the live test stops at once on Cancel, then shows the watch Trakt sees — its title in the panel only', async () => {
    const { page } = wizard;
    await page.locator('button.stepper-item[data-page="scrobbling"]').click();
    await wizard.waitForStep('scrobbling');
    const panel = page.locator('[data-panel="live-scrobble-test"]');
    await panel.getByRole('button', { name: 'Start the live test' }).click();
    await panel.getByTestId('live-scrobble-now').waitFor();
    await panel.getByTestId('watch-countdown').waitFor();
    const cancelled = performance.now();
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByText('Stopped before Trakt saw a watch.').waitFor({ timeout: 5000 });
    expect(performance.now() - cancelled).toBeLessThan(3000);

    // Stremio's scrobble is in progress (the new token's): seen by the test's first read.
    loop.trakt.scrobble(LOOP_ACCOUNT.newTraktToken, PLANTED_WATCH);
    await panel.getByRole('button', { name: 'Test again' }).click();
    const sighting = panel.getByTestId('live-scrobble-sighting');
    await sighting.waitFor({ timeout: 20_000 });
    expect(await sighting.textContent()).toMatch(
      new RegExp(`^Trakt sees you watching ${PLANTED_WATCH.title} S2E7 \\(episode, since `),
    );
    // Everywhere else: the kind and the time, never the title.
    expect(await page.locator('.check-list').textContent()).not.toContain(PLANTED_WATCH.title);
    await page.locator('[data-page="summary"]').first().click();
    await page.locator('.summary').waitFor();
    expect(await page.locator('.summary').textContent()).not.toContain(PLANTED_WATCH.title);
    const exportPanel = page.locator('[data-panel="summary-export"]');
    await exportPanel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
    expect(await exportPanel.getByTestId('bundle-summary').inputValue()).not.toContain(PLANTED_WATCH.title);
    const runEvents = JSON.stringify(
      wizard.events.map((e) => (e.type === 'check-finished' ? { ...e, windowOnly: null } : e)),
    );
    expect(runEvents).not.toContain(PLANTED_WATCH.title);
    expect(wizard.pageErrors).toEqual([]);
    expect(await wizard.cspViolations()).toEqual([]);
  }, 60_000);
});
