import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { englishWindowI18n } from '../../renderer/src/i18n/window-i18n';
import { WIZARD_PAGES, pageTitleKey, type WizardPage } from '../../renderer/src/lib/pages';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from '../e2e/harness';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

/** Where the PNGs go: docs/screenshots/ (the README's gallery) unless SCREENSHOTS_DIR says otherwise. */
const OUT_DIR = path.resolve(process.env.SCREENSHOTS_DIR ?? 'docs/screenshots');
const VIEWPORT = { width: 1180, height: 820 };

/** The file name of a page's screenshot: `04-connectivity.png`. */
const fileOf = (page: WizardPage) =>
  `${String(WIZARD_PAGES.indexOf(page) + 1).padStart(2, '0')}-${englishWindowI18n().t(pageTitleKey(page)).toLowerCase().replace(/\s+/g, '-')}.png`;

/** Shows `page` the way a user would read it (the first failing row's details open) and saves a PNG. */
async function shoot(wizard: WizardHarness, page: WizardPage, file: string, fullPage = true): Promise<string> {
  const { page: tab } = wizard;
  await tab.locator(`button.stepper-item[data-page="${page}"]`).click();
  await tab.locator(`[aria-current="step"][data-page="${page}"]`).waitFor();
  await tab.locator('#page-title').waitFor();
  if (page === 'summary') await tab.locator('[data-panel="summary-export"]').waitFor();
  const failing = tab.locator('.check-row[data-verdict="fail"] button[aria-expanded="false"]').first();
  if (await failing.count()) await failing.click();
  await tab.mouse.move(0, 0);
  const target = path.join(OUT_DIR, file);
  await tab.screenshot({ path: target, fullPage, animations: 'disabled' });
  return target;
}

// A realistic bad day: a hotel Wi-Fi sign-in page (Connectivity fails), everything else as emulated.
// Every page in English, then the Summary once per other language (the window follows the browser's
// languages). One world for all; one window per language.
describe('wizard screenshots', () => {
  let world: World;
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    world = await startWorld({ probeMs: 1000 });
    holdBehindHotelPortal(world);
  });
  afterAll(async () => {
    await world?.close();
  });

  /** Opens the wizard in `locale`, runs the diagnosis (Start runs every step ahead) and hands it to `use`. */
  async function withWizard(locale: string, use: (wizard: WizardHarness) => Promise<void>): Promise<void> {
    const wizard = await openWizard({ world, viewport: VIEWPORT, locale });
    try {
      await use(wizard);
      expect(wizard.pageErrors).toEqual([]);
    } finally {
      await wizard.close();
    }
  }

  it('writes one PNG per page in English, Welcome … Summary', async () => {
    const written: string[] = [];
    await withWizard('en', async (wizard) => {
      written.push(await shoot(wizard, 'welcome', fileOf('welcome')));
      await wizard.page.getByTestId('start').click();
      await wizard.waitForAllSteps();
      for (const page of WIZARD_PAGES.slice(1)) written.push(await shoot(wizard, page, fileOf(page)));
    });
    console.log(`screenshots written to ${OUT_DIR}:\n${written.map((f) => `  ${path.basename(f)}`).join('\n')}`);
    expect(written).toHaveLength(WIZARD_PAGES.length);
  });

  it('writes the Summary (first screen) once per other language (summary.<locale>.png)', async () => {
    const written: string[] = [];
    for (const locale of LOCALES.filter((l) => l !== 'en'))
      await withWizard(locale, async (wizard) => {
        expect(await wizard.page.evaluate(() => navigator.language)).toBe(locale);
        await wizard.page.getByTestId('start').click();
        await wizard.waitForAllSteps();
        // The first screen only: the language is what this picture is about.
        written.push(await shoot(wizard, 'summary', `summary.${locale}.png`, false));
      });
    console.log(`screenshots written to ${OUT_DIR}:\n${written.map((f) => `  ${path.basename(f)}`).join('\n')}`);
    expect(written).toHaveLength(LOCALES.length - 1);
  });
});
