import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../kit/memory-stores';
import { installTokenWorld, userBody, type StremioEmulator } from '../kit/emulators/stremio';
import { coreProfile, plantLocalStorage, WEBVIEW2_LEVELDB } from '../fixtures/profiles/stremio-profile';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from './harness';
import { openTokenWays } from './journeys/journey';

const ACCOUNT = {
  id: '6b1c2d3e4f5a6b7c8d9e0f1a',
  email: 'e2e.viewer@example.org',
  password: 'e2e-password-!23',
  authKey: 'e2e-auth-key-00112233445566778899',
};
const TRAKT_TOKEN = 'e2e-trakt-token-aabbccddeeff0011';

// The Token step in real Chromium against the real engine: the pasted 400 page and Stremio's own
// redirect both give AUTH_URL_WRONG_HOST with the corrected-link button; the sign-in form asks for
// consent, refuses "remember" on a basic_text secret store, and the Revoked step follows.
describe('Token step end to end (Chromium + real engine)', () => {
  let world: World;
  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  let wizard: WizardHarness;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio, trakt } = installTokenWorld(world));
    stremio.addAccount({
      ...ACCOUNT,
      trakt: { access_token: TRAKT_TOKEN, created_at: Math.floor(Date.now() / 1000) - 3600, expires_in: 7 * 86400 },
    });
    // The Stremio app on this "computer" still shows last week's link.
    const stale = {
      ...ACCOUNT,
      trakt: {
        access_token: 'e2e-old-token-0000',
        created_at: Math.floor(Date.now() / 1000) - 9 * 86400,
        expires_in: 86400,
      },
    };
    await plantLocalStorage(
      world.home,
      WEBVIEW2_LEVELDB,
      'https://web.stremio.com',
      coreProfile({ authKey: ACCOUNT.authKey, user: userBody(stale) }),
    );
    trakt.grant(TRAKT_TOKEN, { username: 'e2e_user' });
    wizard = await openWizard({
      world,
      platform: {
        secretStore: createMemorySecretStore({
          available: false,
          backend: 'basic_text',
          reason: 'basic-text',
        }),
      },
    });
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('a pasted 400 address → AUTH_URL_WRONG_HOST and the corrected-link button opens the corrected link', async () => {
    const { page } = wizard;
    await page.locator('button.stepper-item[data-page="token"]').click();
    await wizard.waitForStep('token');
    const pasted = `${world.traktApi.origin}/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`;
    await page.getByLabel('Paste the address of the page that shows 400').fill(pasted);
    await page.getByRole('button', { name: 'Analyse this address' }).click();
    const card = page.locator('article[data-finding="AUTH_URL_WRONG_HOST"]');
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: /Open the corrected sign-in link/ }).click();
    await expect
      .poll(() => wizard.opened.at(-1))
      .toBe(
        `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`,
      );
  });

  it('signs in after consent (remember refused with the reason) and reads the account; the Revoked step follows', async () => {
    const { page } = wizard;
    const panel = page.locator('[data-panel="token-sign-in"]');
    // The pasted address was analysed: its result leads the page and the ways in folded into one line.
    await openTokenWays(panel);
    expect(await panel.getByTestId('token-consent').textContent()).toContain('POST https://api.strem.io/api/login');
    // E-mail/password and auth-key sign-in wait behind a disclosure (the Token step leads with the fast path).
    const more = panel.getByRole('button', { name: 'Sign in with e-mail and password, or an auth key' });
    if ((await more.getAttribute('aria-expanded')) === 'false') await more.click();
    const submit = panel.getByRole('button', { name: 'Sign in and check' });
    await panel.getByLabel('Stremio e-mail').fill(ACCOUNT.email);
    await panel.getByLabel('Password', { exact: true }).fill(ACCOUNT.password);
    expect(await submit.isDisabled()).toBe(true);
    await panel.getByLabel('I agree to these requests').check();
    const rememberBox = panel.getByLabel(/Remember this sign-in/);
    expect(await rememberBox.isDisabled()).toBe(true);
    expect(await panel.getByTestId('remember-unavailable').textContent()).toBe(
      'Remembering is not available here: no system keyring (GNOME Keyring, KWallet) is running, so the sign-in could only be stored with a built-in password anyone could undo.',
    );
    const logins = stremio.apiRequests('login').length;
    await submit.click();
    expect(await panel.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    const tokenRow = page.locator('.check-row[data-check="token.trakt-token"]');
    await expect.poll(() => tokenRow.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('pass');
    await expect
      .poll(() => page.locator('.check-row[data-check="token.auth-redirect"]').getAttribute('data-verdict'))
      .toBe('fail');
    // One sign-in action, one Stremio login; the Revoked step then reads the kept account.
    expect(stremio.apiRequests('login').length).toBe(logins + 1);
    await page.locator('button.stepper-item[data-page="revoked"]').click();
    const revokedRow = page.locator('.check-row[data-check="revoked.users-settings"]');
    await expect.poll(() => revokedRow.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('pass');
    // The Trakt username names the person: the engine keeps it nowhere, so the window never says it (issue 20 N2).
    expect(await revokedRow.textContent()).toContain('Trakt accepts the token');
    expect(await revokedRow.textContent()).not.toMatch(/e2e_user|signed in as/);
    expect(wizard.pageErrors).toEqual([]);
    expect(await wizard.cspViolations()).toEqual([]);
  });

  it('"use the account Stremio is signed in with" reads the local profile and the Cache step finds it stale', async () => {
    const { page } = wizard;
    await page.locator('button.stepper-item[data-page="token"]').click();
    const panel = page.locator('[data-panel="token-sign-in"]');
    await openTokenWays(panel);
    // The offer appears only after consent (the page was left, so the panel asks again).
    expect(await panel.getByTestId('token-profiles').count()).toBe(0);
    await panel.getByLabel('I agree to these requests').check();
    const runs = () =>
      wizard.calls
        .filter((c) => c.channel === 'diagnosis:run')
        .map((c) => c.payload as { rerun?: string; credentials?: { kind: string } });
    const before = runs().length;
    const reads = stremio.apiRequests('getUser').length + stremio.apiRequests('login').length;
    await panel
      .getByTestId('token-profiles')
      .getByRole('button', { name: 'Use the account Stremio is signed in with' })
      .click();
    // One run of the checks that depend on the account (Token's and Revoked access's), one Stremio read.
    await expect.poll(() => runs().length, { timeout: 30_000 }).toBe(before + 1);
    expect(runs().at(-1)).toMatchObject({ rerun: 'account', credentials: { kind: 'local-profile' } });
    await wizard.waitForStep('token');
    expect(stremio.apiRequests('getUser').length + stremio.apiRequests('login').length).toBe(reads + 1);
    // The Cache step ran ahead, and the sign-in's account re-run covered its profile check: opening it
    // shows the stale profile at once, with no new run and no second sign-in.
    await page.locator('button.stepper-item[data-page="cache"]').click();
    await wizard.waitForStep('cache');
    expect(runs()).toHaveLength(before + 1);
    const card = page.locator('article[data-finding="CACHED_PROFILE_STALE"]');
    expect(await card.textContent()).toContain('Sync now');
    expect(await page.locator('.check-row[data-check="cache.cached-profile"]').getAttribute('data-verdict')).toBe(
      'warn',
    );
  });

  it('every Token and Revoked code shows as a finding in the wizard (Re-run keeps the local-profile sign-in)', async () => {
    const { page } = wizard;
    const nowS = Math.floor(Date.now() / 1000);
    const account = (trakt: unknown) => stremio.addAccount({ ...ACCOUNT, trakt });
    const valid = { access_token: TRAKT_TOKEN, created_at: nowS - 3600, expires_in: 7 * 86400 };
    const reset = () => {
      account(valid);
      stremio.authRedirect = { kind: 'api-host' };
      trakt.state = { kind: 'normal' };
      trakt.approvedClientIds.add(stremio.traktClientId);
      trakt.grant(TRAKT_TOKEN, { username: 'e2e_user' });
    };
    const cases: ReadonlyArray<readonly ['token' | 'revoked', string, () => void]> = [
      ['token', 'TRAKT_NOT_LINKED', () => account(null)],
      ['token', 'TRAKT_TOKEN_EXPIRED', () => account({ ...valid, created_at: nowS - 3 * 86400, expires_in: 86400 })],
      ['token', 'TRAKT_TOKEN_EXPIRING', () => account({ ...valid, created_at: nowS - 20 * 3600, expires_in: 86400 })],
      ['token', 'AUTH_REDIRECT_FAILED', () => (stremio.authRedirect = { kind: 'status', status: 500 })],
      ['revoked', 'TRAKT_TOKEN_REVOKED', () => trakt.revoke(TRAKT_TOKEN)],
      ['revoked', 'TRAKT_APP_UNAPPROVED', () => trakt.approvedClientIds.delete(stremio.traktClientId)],
      ['revoked', 'CLOUDFLARE_BLOCKED', () => (trakt.state = { kind: 'cloudflare-block' })],
      ['revoked', 'TRAKT_ACCOUNT_LOCKED', () => trakt.grant(TRAKT_TOKEN, { username: 'e2e_user', locked: true })],
      [
        'revoked',
        'TRAKT_ACCOUNT_DEACTIVATED',
        () => trakt.grant(TRAKT_TOKEN, { username: 'e2e_user', deactivated: true }),
      ],
      ['revoked', 'TRAKT_VIP_REQUIRED', () => (trakt.state = { kind: 'vip-only' })],
      ['revoked', 'TRAKT_ACCOUNT_LIMIT', () => (trakt.state = { kind: 'account-limit' })],
      ['revoked', 'TRAKT_RATE_LIMITED', () => (trakt.state = { kind: 'rate-limited', retryAfter: '45' })],
    ];
    for (const [step, code, arrange] of cases) {
      reset();
      arrange();
      await page.locator(`button.stepper-item[data-page="${step}"]`).click();
      await page.getByRole('button', { name: 'Re-run' }).click();
      await wizard.waitForStep(step);
      await expect.poll(() => page.locator(`article[data-finding="${code}"]`).count(), { message: code }).toBe(1);
    }
    reset();
    // A local profile whose auth key Stremio no longer accepts.
    stremio.addAccount({ ...ACCOUNT, authKey: 'e2e-rotated-auth-key-99887766', trakt: valid });
    await page.locator('button.stepper-item[data-page="token"]').click();
    await page.getByRole('button', { name: 'Re-run' }).click();
    await wizard.waitForStep('token');
    await expect.poll(() => page.locator('article[data-finding="STREMIO_AUTH_INVALID"]').count()).toBe(1);
  });
});
