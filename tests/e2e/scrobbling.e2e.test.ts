import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SCROBBLING_ACCOUNT,
  THIRD_PARTY_TRAKT_ADDON,
  daysAgo,
  finishedEpisode,
  finishedMovie,
  installScrobblingWorld,
} from '../kit/emulators/scrobbling-world';
import { CINEMETA } from '../kit/emulators/stremio';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';
import { submitAuthKey } from './journeys/journey';

const NOW = Date.now();
const TITLES = {
  arrived: 'Velvet Cormorant Sonata',
  show: 'Glacier Pickle Chronicles',
  missing: 'Obsidian Marmalade Heist',
};
const ADDON_URL = (THIRD_PARTY_TRAKT_ADDON as { transportUrl: string }).transportUrl;

// The Scrobbling step in real Chromium against the real engine: signing in on the Token step re-runs
// its reads (it ran ahead) on the account the session keeps; its page shows the findings and the
// side-by-side titles; the Summary, the copied Markdown and the bundle preview carry none of them.
describe('Scrobbling step end to end (Chromium + real engine)', () => {
  let world: World;
  let wizard: WizardHarness;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    installScrobblingWorld(world, {
      nowMs: NOW,
      addons: [CINEMETA, THIRD_PARTY_TRAKT_ADDON],
      library: [
        finishedMovie(NOW, 'tt0000201', TITLES.arrived, 2),
        finishedEpisode(NOW, 'tt0000202', TITLES.show, 4, 1, 1),
        finishedMovie(NOW, 'tt0000203', TITLES.missing, 0.5),
      ],
      history: [
        { watchedAt: daysAgo(NOW, 2), imdb: 'tt0000201', title: TITLES.arrived },
        { watchedAt: daysAgo(NOW, 1), imdb: 'tt0000202', title: TITLES.show, season: 4, episode: 1 },
      ],
    });
    wizard = await openWizard({ world });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('after signing in, the step reads the kept account; its page shows the findings and the titles side by side', async () => {
    const { page } = wizard;
    await page.locator('button.stepper-item[data-page="token"]').click();
    await wizard.waitForStep('token');
    const panel = page.locator('[data-panel="token-sign-in"]');
    expect(await panel.getByTestId('token-consent').textContent()).toContain(
      'GET https://api.trakt.tv/users/me/history',
    );
    await submitAuthKey(panel, SCROBBLING_ACCOUNT.authKey);
    await wizard.waitForStep('token');
    // Scrobbling ran ahead (skipped: no account); the sign-in's account re-run covered it, so opening it
    // shows the reads on the account the session keeps, with no new run (no second sign-in).
    await page.locator('button.stepper-item[data-page="scrobbling"]').click();
    await wizard.waitForStep('scrobbling');
    expect(wizard.calls.filter((c) => c.channel === 'diagnosis:run')).toHaveLength(2);
    const comparisonRow = page.locator('.check-row[data-check="scrobbling.comparison"]');
    await expect.poll(() => comparisonRow.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('fail');
    await page.locator('article[data-finding="SCROBBLES_NOT_REACHING_TRAKT"]').waitFor();
    await page.locator('article[data-finding="TRAKT_APP_LIMIT_RISK"]').waitFor();
    // The last 30 days as a picture with its sentence; the titles behind it wait under one line.
    const timeline = page.getByTestId('scrobbling-timeline');
    await timeline.waitFor();
    expect(await timeline.getAttribute('data-story')).not.toBe('empty');
    const view = page.getByTestId('scrobbling-comparison');
    await view.getByRole('button', { name: 'Watched in Stremio ↔ on Trakt' }).click();
    const missing = view.locator('[data-on-trakt="false"]');
    expect(await missing.count()).toBe(1);
    expect(await missing.textContent()).toContain(TITLES.missing);
    expect(await view.getByTestId('scrobbling-trakt').textContent()).toContain(`${TITLES.show} · S4E1`);
    // The finding and the check rows say counts and dates only.
    const rows = (await page.locator('section[data-step="scrobbling"] .check-list').allTextContents()).join(' ');
    expect(rows).not.toBe('');
    expect(await timeline.textContent()).not.toContain(TITLES.missing);
    for (const title of Object.values(TITLES)) expect(rows).not.toContain(title);
    expect(wizard.pageErrors).toEqual([]);
  });

  it('the Summary, the copied Markdown and the bundle preview carry no title and no add-on address', async () => {
    const { page } = wizard;
    await page.locator('[data-page="summary"]').first().click();
    await page.locator('.summary article[data-finding="SCROBBLES_NOT_REACHING_TRAKT"]').waitFor();
    const summaryText = (await page.locator('.summary').textContent()) ?? '';
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(wizard.server.url).origin });
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.getByText('Copied to the clipboard.').waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('SCROBBLES_NOT_REACHING_TRAKT');
    const exportPanel = page.locator('[data-panel="summary-export"]');
    await exportPanel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
    const bundleSummary = await exportPanel.getByTestId('bundle-summary').inputValue();
    expect(bundleSummary).toContain('SCROBBLES_NOT_REACHING_TRAKT');
    for (const [where, text] of Object.entries({ summaryText, markdown, bundleSummary })) {
      for (const value of [...Object.values(TITLES), ADDON_URL])
        expect(text.includes(value), `${value} in ${where}`).toBe(false);
    }
    expect(wizard.pageErrors).toEqual([]);
    expect(await wizard.cspViolations()).toEqual([]);
  });
});
