import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import net from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { installTraktSignIn, type TraktOAuthEmulator } from '../kit/emulators/trakt-oauth';
import { startWorld, type World } from '../kit/world';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { openWizard, type WizardHarness } from './harness';

const CLIENT_ID = 'doctor-e2e-client-0123456789';

// The differential sign-in test in the real wizard: the app window (the harness's Chromium page) runs the
// card; a second, separate Chromium plays the user's system browser, on the emulated auth.trakt.tv.
describe('differential sign-in test card (Chromium + real engine, a second browser plays the user)', () => {
  let world: World;
  let auth: TraktOAuthEmulator;
  let wizard: WizardHarness;
  let systemBrowser: Browser;
  let browserPage: Page;
  let port: number;

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    const s = net.createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    port = (s.address() as net.AddressInfo).port;
    await new Promise((r) => s.close(r));
    // The "system browser": only the emulated Trakt hosts resolve (to loopback), everything else fails.
    systemBrowser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        ...CHROMIUM_ARGS.filter((a) => !a.startsWith('--host-resolver-rules')),
        '--host-resolver-rules=MAP auth.trakt.tv 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    });
    // It trusts the emulators' test CA the way a user's browser trusts Trakt's real certificate.
    browserPage = await (await systemBrowser.newContext({ ignoreHTTPSErrors: true })).newPage();
    wizard = await openWizard({
      world,
      configOverrides: { trakt: { clientId: CLIENT_ID, redirectPort: port } },
      platform: {
        openExternal: async (url) => {
          wizard.opened.push(url);
          void browserPage.goto(url).catch(() => undefined);
        },
      },
    });
    await wizard.page.locator('.stepper-item[data-page="token"]').click();
    await wizard.waitForStep('token');
    // The optional test waits behind a disclosure (the Token step leads with the fast path).
    await wizard.page
      .getByTestId('oauth-test-disclosure')
      .getByRole('button', { name: /^Optional: test signing in/ })
      .click();
  });
  afterAll(async () => {
    await wizard?.close();
    await systemBrowser?.close();
    await world?.close();
  });
  beforeEach(() => {
    ({ auth } = installTraktSignIn(world, CLIENT_ID, port));
  });

  const card = () => wizard.page.locator('[data-testid="oauth-test"]');

  it('explains the test and warns about the one-app limit; Start needs the acknowledgement', async () => {
    await expect.poll(() => card().count()).toBe(1);
    expect(await card().locator('[data-testid="oauth-limit-warning"]').textContent()).toContain(
      'one connected community app',
    );
    const startButton = card().getByRole('button', { name: 'Start the sign-in test' });
    expect(await startButton.isDisabled()).toBe(true);
    await card()
      .getByLabel(/I understand/)
      .check();
    expect(await startButton.isDisabled()).toBe(false);
  });

  it('signs in through the system browser: progress, "Yes" on Trakt, the loopback page, then pass', async () => {
    await card().getByRole('button', { name: 'Start the sign-in test' }).click();
    await expect
      .poll(() => card().locator('[data-testid="oauth-progress"]').getAttribute('data-phase'))
      .toBe('waiting-for-browser');
    expect(await card().getByRole('button', { name: 'Cancel' }).isVisible()).toBe(true);
    // The user, in their browser: Trakt's consent page, "Yes".
    await browserPage.locator('#approve').waitFor();
    await browserPage.locator('#approve').click();
    await browserPage.waitForURL(new RegExp(`^http://127\\.0\\.0\\.1:${port}/callback`));
    expect(await browserPage.textContent('body')).toContain('return to Stremio Trakt Doctor');
    await expect
      .poll(() => card().locator('[data-testid="oauth-result"]').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('pass');
    expect(await card().locator('[data-testid="oauth-result"]').textContent()).toContain("Stremio's side");
    // The result joins the Token step's report (its row, and so the Summary and the bundle).
    const row = wizard.page.locator('.check-row[data-check="token.oauth-differential"]');
    await expect.poll(() => row.getAttribute('data-verdict')).toBe('pass');
    // …and stays there when the Token step runs again (which reports the test as opt-in "skipped").
    const runs = () => wizard.calls.filter((c) => c.channel === 'diagnosis:run').length;
    const before = runs();
    await wizard.page.getByRole('button', { name: 'Re-run' }).click();
    await expect.poll(runs).toBe(before + 1);
    await wizard.waitForStep('token');
    await new Promise((r) => setTimeout(r, 300));
    expect(await row.getAttribute('data-verdict')).toBe('pass');
    expect(auth.checks.pkceVerified).toBe(1);
    expect(auth.revokedTokens).toEqual(auth.issuedTokens);
    expect(wizard.pageErrors).toEqual([]);
    // zod's one-time `Function('')` probe (allowsEval) is refused by the CSP by design; nothing else may be.
    expect(await wizard.cspViolations()).toEqual([]);
  });

  it("device code: the card shows the code, the user types it on Trakt's activation page, then pass", async () => {
    auth.deviceInterval = 0.2;
    await card()
      .getByLabel(/I understand/)
      .check();
    await card().getByRole('button', { name: 'Use a device code instead' }).click();
    const code = card().locator('[data-testid="oauth-device-code"] code');
    await code.waitFor();
    const userCode = (await code.textContent()) ?? '';
    expect(userCode).toBe(auth.userCodes[0]);
    // The engine opened the activation page in the system browser; the user types the code there.
    await browserPage.locator('#code').waitFor();
    await browserPage.locator('#code').fill(userCode);
    await browserPage.locator('#continue').click();
    await expect
      .poll(() => card().locator('[data-testid="oauth-result"]').getAttribute('data-verdict'), { timeout: 15_000 })
      .toBe('pass');
    expect(auth.revokedTokens).toEqual(auth.issuedTokens);
  });

  it('Cancel stops the wait and says so', async () => {
    await card()
      .getByLabel(/I understand/)
      .check();
    await card().getByRole('button', { name: 'Start the sign-in test' }).click();
    await expect
      .poll(() => card().locator('[data-testid="oauth-progress"]').getAttribute('data-phase'))
      .toBe('waiting-for-browser');
    await card().getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => card().locator('[data-testid="oauth-result"]').getAttribute('data-verdict'))
      .toBe('skipped');
    expect(await card().locator('[data-testid="oauth-result"]').textContent()).toContain('cancelled');
    expect(auth.issuedTokens).toEqual([]);
  });
});
