import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../../shared/steps';
import { readZip } from '../kit/read-zip';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

// The Summary's Export diagnostic bundle in real Chromium against the real engine: preview first, then
// the (harness) save dialog's path, then the .zip on disk.
describe('export diagnostic bundle end to end (Chromium + real engine)', () => {
  let world: World;
  let wizard: WizardHarness;
  let dir: string;
  const asked: string[] = [];
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-e2e-bundle-'));
    world = await startWorld({ probeMs: 1500 });
    holdBehindHotelPortal(world);
    wizard = await openWizard({
      world,
      platform: {
        chooseBundlePath: async (defaultName) => {
          asked.push(defaultName);
          return path.join(dir, defaultName);
        },
      },
    });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('Summary → Export → preview → Save writes the previewed bundle where the dialog said', async () => {
    const { page } = wizard;
    await page.getByRole('button', { name: /Start the checks/ }).click();
    // Start runs every step ahead in one run: the Summary needs no step opened.
    await wizard.waitForAllSteps();
    await page.locator('[data-page="summary"]').first().click();
    await page.locator('.summary article[data-finding="CAPTIVE_PORTAL"]').waitFor();

    const panel = page.locator('[data-panel="summary-export"]');
    expect(await panel.getByTestId('bundle-privacy').textContent()).toContain(
      'Nothing is uploaded; secrets and personal details are redacted',
    );
    await panel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
    const files = panel.getByTestId('bundle-files');
    await files.waitFor();
    const names = await files.locator('tbody td code').allTextContents();
    expect(names).toEqual([
      'manifest.json',
      'report.json',
      'summary.md',
      'environment.json',
      'network-trace.json',
      'logs/app.log',
    ]);
    const summary = await panel.getByTestId('bundle-summary').inputValue();
    expect(summary).toContain('CAPTIVE_PORTAL');
    expect(asked).toEqual([]);

    await panel.getByRole('button', { name: 'Save…' }).click();
    const outcome = panel.getByTestId('bundle-outcome');
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-saved')).toBe('true');
    expect(asked).toEqual([expect.stringMatching(/^stremio-trakt-doctor-\d{4}-\d{2}-\d{2}\.zip$/)]);
    const saved = path.join(dir, asked[0] ?? '');
    expect(await panel.getByTestId('bundle-path').textContent()).toBe(saved);

    const entries = await readZip(saved);
    expect(entries.map((e) => e.name)).toEqual(names);
    expect(entries.find((e) => e.name === 'summary.md')?.data.toString('utf8')).toBe(summary);
    const report = JSON.parse(entries.find((e) => e.name === 'report.json')?.data.toString('utf8') ?? '{}') as {
      steps: string[];
    };
    expect(report.steps).toEqual([...STEP_NAMES]);
    expect(wizard.calls.filter((c) => c.channel === 'diagnosis:run')).toHaveLength(1);

    // The same name again: refused in the window, the file left alone.
    await panel.getByRole('button', { name: 'Done' }).click();
    await panel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
    await panel.getByRole('button', { name: 'Save…' }).click();
    await panel.locator('[data-testid="bundle-outcome"][data-saved="false"]').waitFor();
    expect(await panel.getByRole('status').textContent()).toBe(
      'Not saved: a file with that name is already there, and the app left it alone.',
    );
    await panel.getByRole('button', { name: /^Replace/ }).click();
    await panel.locator('[data-testid="bundle-outcome"][data-saved="true"]').waitFor();

    expect(wizard.pageErrors).toEqual([]);
    expect(await wizard.cspViolations()).toEqual([]);
    expect(wizard.calls.filter((c) => !c.result.ok)).toEqual([]);
  });
});
