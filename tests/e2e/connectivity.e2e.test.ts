import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../shared/problems';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';

// The Connectivity step in real Chromium against the real engine: a DNS filter sinkholes Trakt, the
// step shows the per-host chain (DNS failed, nothing above it blamed), the DNS_FILTERED finding and how
// to allow Trakt in common filters.
describe('Connectivity step end to end (Chromium + real engine)', () => {
  let world: World;
  let wizard: WizardHarness;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
      world.dns(host, { kind: 'records', a: ['0.0.0.0'] }, 'system');
    wizard = await openWizard({ world });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('shows DNS_FILTERED with its fix and the per-host chain', async () => {
    const { page } = wizard;
    await page.getByRole('button', { name: /Start the checks/ }).click();
    // Every step runs ahead: the Connectivity page shows its finished results when opened.
    await wizard.waitForAllSteps();
    await page.locator('button.stepper-item[data-page="connectivity"]').click();
    await wizard.waitForStep('connectivity');
    const dnsRow = page.locator('.check-row[data-check="connectivity.dns"]');
    await expect.poll(() => dnsRow.getAttribute('data-verdict')).toBe('fail');

    const card = page.locator('article[data-finding="DNS_FILTERED"]');
    expect(await card.locator('h3').textContent()).toContain(PROBLEMS.DNS_FILTERED.title);
    const evidence = await card.locator('.evidence').textContent();
    expect(evidence).toContain('api.trakt.tv → 0.0.0.0 (system');
    expect(evidence).toContain('127.0.0.1 (reference');
    expect(await card.textContent()).toContain(PROBLEMS.DNS_FILTERED.fix.steps[0]);
    expect(await page.locator('article[data-finding]').count()).toBe(1);

    const help = page.locator('[data-help="DNS_FILTERED"]');
    expect(await help.textContent()).toContain('@@||trakt.tv^');

    const chains = page.locator('[data-testid="connectivity-chains"]');
    const trakt = chains.locator('tr[data-host="trakt.tv"]');
    expect(await trakt.locator('td[data-layer="dns"]').getAttribute('data-status')).toBe('fail');
    expect(await trakt.locator('td[data-layer="tcp"]').getAttribute('data-status')).toBe('skipped');
    expect(await trakt.locator('td[data-layer="http"]').getAttribute('data-status')).toBe('skipped');
    const stremio = chains.locator('tr[data-host="www.strem.io"]');
    for (const layer of ['dns', 'tcp', 'tls', 'http'])
      expect(await stremio.locator(`td[data-layer="${layer}"]`).getAttribute('data-status'), layer).toBe('ok');
    expect(await stremio.locator('td[data-layer="http"]').textContent()).toMatch(/\d+ ms/);

    expect(wizard.pageErrors).toEqual([]);
    expect(await wizard.cspViolations()).toEqual([]);
  });
});
