import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogParams } from '../../shared/i18n/report-text';
import { englishTranslator } from '../../shared/i18n/translator';
import { CINEMETA, installTokenWorld } from '../kit/emulators/stremio';
import { SCROBBLING_ACCOUNT, daysAgo, finishedMovie, installScrobblingWorld } from '../kit/emulators/scrobbling-world';
import { startWorld, type World } from '../kit/world';
import { openJourney, signInWithAuthKey, type JourneyWizard } from './journeys/journey';

// One outcome per page, measured where layout is real (Chromium, the window's default 1180 × 860): a healthy
// Connectivity fits the window; the Summary shows the whole fix and, when the fix says to send the bundle,
// its Export button without scrolling. The figures are printed for the record.
const WINDOW = { width: 1180, height: 860 };

/** The page's height and what it shows outside closed disclosures. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main')!;
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null && !el.closest('[hidden]');
    const count = (selector: string) => [...main.querySelectorAll(selector)].filter(visible).length;
    return {
      height: document.documentElement.scrollHeight,
      findings: count('article.finding'),
      rows: count('.check-row'),
    };
  });
}

/** Where an element's bottom edge is with the page scrolled to its top (px from the window's top). */
async function bottomAtTop(page: Page, selector: string): Promise<number> {
  return page.evaluate((s) => {
    window.scrollTo(0, 0);
    const box = document.querySelector(s)!.getBoundingClientRect();
    return Math.round(box.bottom);
  }, selector);
}

async function openPage(wizard: JourneyWizard, page: string): Promise<void> {
  await wizard.page.locator(`button.stepper-item[data-page="${page}"]`).click();
  await wizard.page.locator(`[aria-current="step"][data-page="${page}"]`).waitFor();
  if (page === 'summary') await wizard.page.getByTestId('bundle-export-button').waitFor();
}

describe('one outcome per page, in a real window (scrobbles stopped; healthy network)', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1000 });
    const now = Date.now();
    installScrobblingWorld(world, {
      nowMs: now,
      addons: [CINEMETA],
      library: [
        finishedMovie(now, 'tt0000401', 'Outcome Arrived', 5.5),
        finishedMovie(now, 'tt0000402', 'Outcome Missing One', 3),
        finishedMovie(now, 'tt0000403', 'Outcome Missing Two', 1),
      ],
      history: [{ watchedAt: daysAgo(now, 5.5), imdb: 'tt0000401', title: 'Outcome Arrived' }],
    });
    wizard = await openJourney(world, { viewport: WINDOW });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it(`"My watches don't reach Trakt" opens Scrobbling; before a sign-in it is one line whose Go to Token is the bright button`, async () => {
    const { page } = wizard;
    await page.getByRole('radio', { name: "My watches don't reach Trakt" }).check();
    await page.getByTestId('start').click();
    await page.locator('[aria-current="step"][data-page="scrobbling"]').waitFor();
    await wizard.waitForAllSteps();
    expect(await page.getByTestId('sign-in-line').textContent()).toMatch(/^6 checks need your Stremio sign-in\./);
    expect(await page.locator('main .button-primary').allTextContents()).toEqual(['Go to Token →']);
    expect(await measure(page)).toMatchObject({ findings: 0, rows: 0 });
  });

  it('Connectivity, healthy: one outcome and one folded line, within the window', async () => {
    await openPage(wizard, 'connectivity');
    const shown = await measure(wizard.page);
    console.log(`WINDOW connectivity (healthy): ${JSON.stringify(shown)}`);
    expect(shown).toMatchObject({ findings: 0, rows: 0 });
    expect(shown.height).toBeLessThanOrEqual(WINDOW.height);
    expect(await wizard.page.getByTestId('passed-checks').textContent()).toMatch(/8 other checks passed/);
  });

  it('after the sign-in the Summary shows the whole re-link fix and the bundle export without scrolling', async () => {
    await signInWithAuthKey(wizard, SCROBBLING_ACCOUNT.authKey);
    await openPage(wizard, 'summary');
    const { page } = wizard;
    const cause = page.getByTestId('likely-cause');
    expect(await cause.getAttribute('data-likely-cause')).toBe('SCROBBLES_NOT_REACHING_TRAKT');
    // The link reads Trakt and the events path is open: "pause and resume once" leads, the re-link follows (the
    // `linkWorks` wording); no install was found, so both Stremio menus are named.
    const en = englishTranslator();
    const steps = en.list('problems:SCROBBLES_NOT_REACHING_TRAKT.fix.steps', {
      ...catalogParams(en),
      context: 'linkWorks',
    });
    expect(await cause.locator('.fix-step-text').allTextContents()).toEqual(steps);
    const exportBottom = await bottomAtTop(page, '[data-testid="likely-cause"] [data-testid="bundle-export-button"]');
    const lastStepBottom = await bottomAtTop(page, '[data-testid="likely-cause"] .fix-steps > li:last-child');
    console.log(
      `WINDOW summary (scrobbles): ${JSON.stringify({ ...(await measure(page)), exportBottom, lastStepBottom })}`,
    );
    expect(exportBottom).toBeLessThanOrEqual(WINDOW.height);
    expect(lastStepBottom).toBeLessThanOrEqual(WINDOW.height);
    // The other findings do not repeat it.
    expect(await page.locator('.summary article[data-finding="SCROBBLES_NOT_REACHING_TRAKT"]').count()).toBe(1);
  });

  it('the Scrobbling timeline shows the day scrobbles stopped, readable in both themes (axe colour rules)', async () => {
    await openPage(wizard, 'scrobbling');
    const { page } = wizard;
    const timeline = page.getByTestId('scrobbling-timeline');
    expect(await timeline.getAttribute('data-story')).toBe('stopped');
    // At a glance: the picture leads the page, above the finding's long fix, on the first screen.
    expect(await bottomAtTop(page, '[data-testid="scrobbling-timeline"]')).toBeLessThanOrEqual(WINDOW.height);
    expect(await timeline.getByTestId('timeline-story').textContent()).toMatch(
      /^Trakt last recorded a watch on .+\. Since then Stremio finished 2 titles, and Trakt recorded none\.$/,
    );
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const fills = await page.evaluate(() =>
        ['.tl-finished', '.tl-recorded'].map((s) => getComputedStyle(document.querySelector(`svg ${s}`)!).fill),
      );
      expect(new Set(fills).size, scheme).toBe(2);
      const result = await new AxeBuilder({ page })
        .include('[data-testid="scrobbling-timeline"]')
        .withRules(['color-contrast'])
        .setLegacyMode(true)
        .analyze();
      expect(result.violations.map((v) => `${scheme}: ${v.id}`)).toEqual([]);
    }
    expect(wizard.pageErrors).toEqual([]);
  });
});

describe('the 2026 sign-in failure: the Summary’s fix says to send the bundle, and its button is on the first screen', () => {
  let world: World;
  let wizard: JourneyWizard;
  const authKey = 'outcome-auth-key-00112233445566778899';
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1000 });
    const { stremio, trakt } = installTokenWorld(world, 'migrated');
    const nowS = Math.floor(Date.now() / 1000);
    stremio.addAccount({
      id: '5e6f7a8b9c0d1e2f3a4b5c7e',
      email: 'outcome.viewer@example.org',
      password: 'outcome password 123',
      authKey,
      trakt: { access_token: 'outcome-trakt-token-0123456789', created_at: nowS - 3600, expires_in: 7 * 86400 },
    });
    trakt.grant('outcome-trakt-token-0123456789', { username: 'outcome_user' });
    wizard = await openJourney(world, { viewport: WINDOW });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('TRAKT_AUTH_PKCE_INJECTED: every step, the export under "Export the diagnostic bundle", within 860 px', async () => {
    await wizard.page.getByTestId('start').click();
    await wizard.waitForAllSteps();
    await signInWithAuthKey(wizard, authKey);
    await openPage(wizard, 'summary');
    const { page } = wizard;
    const cause = page.getByTestId('likely-cause');
    expect(await cause.getAttribute('data-likely-cause')).toBe('TRAKT_AUTH_PKCE_INJECTED');
    const steps = englishTranslator().list('problems:TRAKT_AUTH_PKCE_INJECTED.fix.steps');
    expect(await cause.locator('.fix-step-text').allTextContents()).toEqual(steps);
    const exportStep = cause.locator('.fix-steps > li').filter({ has: page.getByTestId('bundle-export-button') });
    expect(await exportStep.locator('.fix-step-text').textContent()).toMatch(/^Export the diagnostic bundle/);
    const exportBottom = await bottomAtTop(page, '[data-testid="likely-cause"] [data-testid="bundle-export-button"]');
    console.log(`WINDOW summary (PKCE): ${JSON.stringify({ ...(await measure(page)), exportBottom })}`);
    expect(exportBottom).toBeLessThanOrEqual(WINDOW.height);
    expect(wizard.pageErrors).toEqual([]);
  });
});
