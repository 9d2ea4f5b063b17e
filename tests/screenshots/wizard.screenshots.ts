import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWindowI18n } from '../../renderer/src/i18n/window-i18n';
import { WIZARD_PAGES, pageTitleKey } from '../../renderer/src/lib/pages';

const english = englishWindowI18n();
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from '../e2e/harness';

const OUT_DIR = path.resolve(process.env.SCREENSHOTS_DIR ?? 'artifacts/screenshots');

// A realistic bad day: a hotel Wi-Fi sign-in page (Connectivity fails), everything else as emulated.
describe('wizard screenshots', () => {
  let world: World;
  let wizard: WizardHarness;
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    world = await startWorld({ probeMs: 1500 });
    world.captivePortal.route('GET', '/generate_204', {
      status: 302,
      headers: { location: 'http://login.hotel.example/portal' },
      body: '<html>Please log in</html>',
    });
    wizard = await openWizard({ world, viewport: { width: 1180, height: 820 } });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('writes one PNG per page, Welcome … Summary', async () => {
    const { page } = wizard;
    const written: string[] = [];
    for (const [index, wizardPage] of WIZARD_PAGES.entries()) {
      if (index > 0) await page.locator('[data-testid="next"], [data-testid="start"]').first().click();
      if (wizardPage !== 'welcome' && wizardPage !== 'summary') await wizard.waitForStep(wizardPage);
      await page.locator(`[aria-current="step"][data-page="${wizardPage}"]`).waitFor();
      await page.locator('#page-title').waitFor();
      // Screenshots show findings expanded the way a user would open them: the first failing row's details.
      const failing = page.locator('.check-row[data-verdict="fail"] button[aria-expanded="false"]').first();
      if (await failing.count()) await failing.click();
      await page.mouse.move(0, 0);
      const file = path.join(
        OUT_DIR,
        `${String(index + 1).padStart(2, '0')}-${english.t(pageTitleKey(wizardPage)).toLowerCase().replace(/\s+/g, '-')}.png`,
      );
      await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
      written.push(file);
    }
    console.log(`screenshots written to ${OUT_DIR}:\n${written.map((f) => `  ${path.basename(f)}`).join('\n')}`);
    expect(written).toHaveLength(WIZARD_PAGES.length);
    expect(wizard.pageErrors).toEqual([]);
  });
});
