import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../../shared/steps';
import { startWorld, type World } from '../kit/world';
import { openJourney, type JourneyWizard } from './journeys/journey';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

// WCAG 2.1 A/AA (axe-core) on every page of the wizard — Welcome, each step, the Summary and the bundle
// preview — in both colour schemes (the window follows prefers-color-scheme), after a real run against the
// emulators (a captive portal, so findings, fixes and failing rows are on screen). Then the whole journey
// by keyboard alone, with a visible focus indicator on everything Tab reaches.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Rules whose outcome depends on the colour scheme (the rest read structure, names and ARIA, the same in both). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's violations on the page as `rule: selector …` lines (empty when the page passes): every WCAG 2.1
 * A/AA rule, or only the colour rules. Legacy mode runs axe in the page itself; the default mode opens a
 * blank page per analysis to finish the run, several times slower for this single-frame app.
 */
async function violations(page: Page, where: string, only?: readonly string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true);
  const result = await (only ? builder.withRules([...only]) : builder).analyze();
  return result.violations.flatMap((v) =>
    v.nodes.map((n) => `${where}: ${v.id} (${v.impact ?? 'n/a'}) ${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
  );
}

/** A world where Connectivity fails (a hotel Wi-Fi sign-in page): findings, fixes and failing rows show. */
async function portalWorld(): Promise<World> {
  const world = await startWorld({ probeMs: 1000 });
  holdBehindHotelPortal(world);
  return world;
}

describe('axe-core: every page in both colour schemes (Chromium + real engine)', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    world = await portalWorld();
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it(
    'has no WCAG 2.1 A/AA violation on Welcome, each step, the Summary and the bundle preview',
    { timeout: 180_000 },
    async () => {
      const { page } = wizard;
      const found: string[] = [];
      let started = false;
      for (const scheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        // The palette really follows the scheme (each colour is light-dark() in styles.css): its page background.
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
          scheme === 'dark' ? 'rgb(15, 18, 24)' : 'rgb(246, 247, 249)',
        );
        // The first scheme gets every rule; the second only what a colour scheme can change.
        const only = scheme === 'dark' ? undefined : COLOUR_RULES;
        await page.locator('button.stepper-item[data-page="welcome"]').click();
        await page.getByTestId('start').waitFor();
        found.push(...(await violations(page, `${scheme} welcome`, only)));
        if (!started) {
          await page.getByTestId('start').click();
          await wizard.waitForAllSteps();
          started = true;
        }
        for (const step of STEP_NAMES) {
          await page.locator(`button.stepper-item[data-page="${step}"]`).click();
          await page.locator(`section[data-step="${step}"]`).waitFor();
          // Findings shown the way a user opens them: the first failing row's details expanded.
          // "Technical details" opened too (its rows, tables and hops are checked as well), and the
          // first failing row's details in it.
          const technical = page.getByTestId('technical-details').getByRole('button', { name: 'Technical details' });
          if ((await technical.count()) && (await technical.getAttribute('aria-expanded')) === 'false')
            await technical.click();
          const failing = page.locator('.check-row[data-verdict="fail"] button[aria-expanded="false"]').first();
          if (await failing.count()) await failing.click();
          found.push(...(await violations(page, `${scheme} ${step}`, only)));
        }
        await page.locator('button.stepper-item[data-page="summary"]').click();
        const panel = page.locator('[data-panel="summary-export"]');
        await panel.getByRole('button', { name: 'Export diagnostic bundle' }).waitFor();
        found.push(...(await violations(page, `${scheme} summary`, only)));
        await panel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
        await panel.getByTestId('bundle-files').waitFor();
        found.push(...(await violations(page, `${scheme} bundle preview`, only)));
        await panel
          .getByRole('button', { name: /^Cancel|^Close|^Done/ })
          .first()
          .click();
      }
      expect(found).toEqual([]);
      expect(wizard.pageErrors).toEqual([]);
    },
  );
});

/** What has the focus: a short description, and whether it shows a visible focus indicator. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { id: 'body', text: '', visible: false, element: null };
    const style = getComputedStyle(el);
    const indicator = style.outlineStyle !== 'none' || (style.boxShadow !== 'none' && style.boxShadow !== '');
    const element = el.tagName.toLowerCase();
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80);
    // Each element gets its own number (several "Details" buttons read the same), kept outside the DOM.
    const host = window as unknown as { __focusIds?: { map: WeakMap<Element, number>; next: number } };
    const ids = (host.__focusIds ??= { map: new WeakMap(), next: 0 });
    if (!ids.map.has(el)) ids.map.set(el, (ids.next += 1));
    return {
      id: `${element}#${ids.map.get(el)}|${text}`,
      text,
      visible: el.matches(':focus-visible') && indicator,
      element,
    };
  });
}

describe('keyboard only: Welcome → every step → Summary → bundle export', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    world = await portalWorld();
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  /** Presses Tab (or Shift+Tab) until the focused element matches; each stop must move and show focus. */
  async function tabTo(match: (text: string) => boolean, backwards = false, max = 120): Promise<string> {
    const { page } = wizard;
    let previous = (await focused(page)).id;
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
      const now = await focused(page);
      expect(now.id, 'focus moved').not.toBe(previous);
      if (now.element !== null) expect(now.visible, `visible focus on ${now.id}`).toBe(true);
      previous = now.id;
      if (match(now.text)) return now.text;
    }
    throw new Error('never reached the element by keyboard');
  }

  it(
    'reaches every page and saves the bundle with Tab, Shift+Tab, Enter, Space and Escape',
    { timeout: 90_000 },
    async () => {
      const { page } = wizard;
      await page.getByTestId('start').waitFor();
      await tabTo((t) => /^Start the checks/.test(t));
      await page.keyboard.press('Enter');
      await page.locator('[aria-current="step"][data-page="version"]').waitFor();
      for (const [index, step] of STEP_NAMES.entries()) {
        await page.locator(`section[data-step="${step}"]`).waitFor();
        const next = index === STEP_NAMES.length - 1 ? 'Summary' : null;
        await tabTo((t) => (next ? t.startsWith(`Next: ${next}`) : t.startsWith('Next')));
        if (index === 0) {
          // One step back with Shift+Tab and forward again: focus order works both ways.
          await tabTo(() => true, true);
          await tabTo((t) => t.startsWith('Next'));
        }
        await page.keyboard.press(index % 2 === 0 ? 'Enter' : 'Space');
      }
      await page.locator('[aria-current="step"][data-page="summary"]').waitFor();
      await page.locator('[data-panel="summary-export"]').waitFor();
      await wizard.waitForAllSteps();
      await tabTo((t) => t === 'Export diagnostic bundle');
      await page.keyboard.press('Enter');
      const panel = page.locator('[data-panel="summary-export"]');
      await panel.getByTestId('bundle-files').waitFor();
      // Escape leaves the focus where it is (nothing modal to close), then Save… by keyboard.
      await page.keyboard.press('Escape');
      await tabTo((t) => t === 'Save…');
      await page.keyboard.press('Enter');
      await panel.locator('[data-testid="bundle-outcome"][data-saved="true"]').waitFor();
      expect(wizard.pageErrors).toEqual([]);
    },
  );
});
