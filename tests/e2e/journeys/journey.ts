import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { readZip } from '../../kit/read-zip';
import type { World } from '../../kit/world';
import { openWizard, type WizardHarness, type WizardOptions } from '../harness';

/** A wizard whose save dialog answers with a file in a private folder (removed on close). */
export interface JourneyWizard extends WizardHarness {
  /** The folder the (harness) save dialog saves into. */
  readonly dir: string;
}

/** Opens the wizard on `world` with a save dialog that picks a file in a fresh temp folder. */
export async function openJourney(world: World, options: Omit<WizardOptions, 'world'> = {}): Promise<JourneyWizard> {
  const dir = await mkdtemp(path.join(tmpdir(), 'doctor-journey-'));
  const wizard = await openWizard({
    world,
    ...options,
    platform: { chooseBundlePath: async (name) => path.join(dir, name), ...options.platform },
  });
  return {
    ...wizard,
    dir,
    async close() {
      await wizard.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Welcome → Start: the whole diagnosis runs ahead; resolves when every step finished in the window. */
export async function startDiagnosis(wizard: WizardHarness): Promise<void> {
  await wizard.page.getByRole('button', { name: /Start the checks/ }).click();
  await wizard.waitForAllSteps();
}

/** The number of `diagnosis:run` calls answered so far. */
export const runsAnswered = (wizard: WizardHarness): number =>
  wizard.calls.filter((c) => c.channel === 'diagnosis:run').length;

/** Opens the Token step's ways in when a result folded them ("Analyse another address or sign in again"). */
export async function openTokenWays(panel: Locator): Promise<void> {
  const again = panel.getByTestId('token-ways-again').getByRole('button', { name: /sign in again/ });
  if ((await again.count()) > 0 && (await again.getAttribute('aria-expanded')) === 'false') await again.click();
}

/** Token step's sign-in panel: opens the e-mail/auth-key disclosure, fills the auth key, consents and submits. */
export async function submitAuthKey(panel: Locator, authKey: string): Promise<void> {
  // E-mail/password and auth-key sign-in wait behind a disclosure (the Token step leads with the fast path).
  const more = panel.getByRole('button', { name: 'Sign in with e-mail and password, or an auth key' });
  if ((await more.getAttribute('aria-expanded')) === 'false') await more.click();
  await panel.getByLabel('an auth key').check();
  await panel.getByRole('textbox', { name: 'Auth key' }).fill(authKey);
  await panel.getByLabel('I agree to these requests').check();
  await panel.getByRole('button', { name: 'Sign in and check' }).click();
}

/** Token step: signs in with an auth key after consent; resolves when the account re-run finished. */
export async function signInWithAuthKey(wizard: WizardHarness, authKey: string): Promise<void> {
  const { page } = wizard;
  const before = runsAnswered(wizard);
  await page.locator('button.stepper-item[data-page="token"]').click();
  const panel = page.locator('[data-panel="token-sign-in"]');
  await openTokenWays(panel);
  await submitAuthKey(panel, authKey);
  await expect.poll(() => runsAnswered(wizard), { timeout: 30_000 }).toBe(before + 1);
  await wizard.waitForAllSteps();
}

/** The Summary's findings, most important first (their problem codes). */
export async function summaryFindings(wizard: WizardHarness): Promise<string[]> {
  const { page } = wizard;
  await page.locator('button.stepper-item[data-page="summary"]').click();
  await page.locator('.summary h2, .summary #page-title').first().waitFor();
  return page
    .locator('.summary article[data-finding]')
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-finding') ?? ''));
}

/** Summary → Export diagnostic bundle → Save…; returns the saved bundle's report.json (parsed). */
export async function exportBundle(wizard: JourneyWizard): Promise<{ findings: { problem: string }[] }> {
  const panel = wizard.page.locator('[data-panel="summary-export"]');
  await panel.getByRole('button', { name: 'Export diagnostic bundle' }).click();
  await panel.getByTestId('bundle-files').waitFor();
  await panel.getByRole('button', { name: 'Save…' }).click();
  await panel.locator('[data-testid="bundle-outcome"][data-saved="true"]').waitFor();
  const saved = (await panel.getByTestId('bundle-path').textContent()) ?? '';
  expect(path.dirname(saved)).toBe(wizard.dir);
  const entries = await readZip(saved);
  const report = entries.find((e) => e.name === 'report.json');
  expect(report).toBeDefined();
  return JSON.parse(report?.data.toString('utf8') ?? '{}') as { findings: { problem: string }[] };
}
