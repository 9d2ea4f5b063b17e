import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../shared/i18n/locales';
import type { WizardPage } from '../../renderer/src/lib/pages';
import { startWorld, type World } from '../kit/world';
import { openWizard, type WizardHarness } from '../e2e/harness';
import { signInWithAuthKey, startDiagnosis } from '../e2e/journeys/journey';
import { plantDeb, plantFlatpak, plantQtProfileLinux } from '../fixtures/installs/plant';
import { serveStremioUpdater } from '../kit/emulators/stremio-updater';
import { CINEMETA, STREMIO_TRAKT_CLIENT_ID, installTokenWorld, stremioTraktAddon } from '../kit/emulators/stremio';
import type { SignInWorld } from '../kit/emulators/trakt-sign-in-worlds';
import { SCROBBLING_ACCOUNT, daysAgo, finishedMovie, installScrobblingWorld } from '../kit/emulators/scrobbling-world';
import {
  GALLERY_DIR,
  LANGUAGE_SHOT_THEME,
  OTHER_LOCALES,
  SHOT_THEMES,
  SHOT_WINDOW,
  galleryFiles,
  languageShotFile,
  pageShotFile,
  withGallery,
  type ShotTheme,
} from './gallery';

/** Where the PNGs go: the README's gallery unless SCREENSHOTS_DIR says otherwise. */
const OUT_DIR = path.resolve(process.env.SCREENSHOTS_DIR ?? GALLERY_DIR);
/** Writing the README's own gallery: stale PNGs are removed and the README's section is rewritten. */
const IS_GALLERY = OUT_DIR === path.resolve(GALLERY_DIR);

const ACCOUNT = {
  id: '5e6f7a8b9c0d1e2f3a4b5c6d',
  email: 'gallery.viewer@example.org',
  password: 'gallery password 123',
  authKey: 'gallery-auth-key-00112233445566778899',
};
const TRAKT_TOKEN = 'gallery-trakt-token-0123456789';

/** Every PNG written, to compare with the gallery's list at the end. */
const written: string[] = [];

/** Opens `page` from the sidebar and waits until it shows its (finished) content. */
async function openPage(wizard: WizardHarness, page: WizardPage): Promise<void> {
  const tab = wizard.page;
  await tab.locator(`button.stepper-item[data-page="${page}"]`).click();
  await tab.locator(`[aria-current="step"][data-page="${page}"]`).waitFor();
  await tab.locator('#page-title').waitFor();
  if (page === 'summary') await tab.getByTestId('likely-cause').waitFor();
}

/** Chooses a palette in the header's Theme menu, as a user would. */
async function chooseTheme(wizard: WizardHarness, theme: ShotTheme): Promise<void> {
  await wizard.page.getByTestId('theme-menu').selectOption(theme);
  await expect.poll(() => wizard.page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
}

/** Saves the window as it shows now, scrolled to its top, with no focus ring or hover, as `file`. */
async function capture(wizard: WizardHarness, file: string): Promise<void> {
  const tab = wizard.page;
  await tab.mouse.move(0, SHOT_WINDOW.height - 1);
  const scrolled = await tab.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
    return [document.scrollingElement!, ...document.querySelectorAll('*')].some((el) => el.scrollTop > 0);
  });
  expect(scrolled, `${file}: something is scrolled`).toBe(false);
  await tab.screenshot({ path: path.join(OUT_DIR, file), animations: 'disabled', caret: 'hide' });
  written.push(file);
}

/** Shows `page` and saves it in both themes. */
async function shootPage(wizard: WizardHarness, page: WizardPage): Promise<void> {
  await openPage(wizard, page);
  for (const theme of SHOT_THEMES) {
    await chooseTheme(wizard, theme);
    await capture(wizard, pageShotFile(page, theme));
  }
}

/** Builds a world with `arrange`, opens the wizard on it, hands it to `use`; both closed after. */
async function inWorld(
  arrange: (world: World) => Promise<void> | void,
  use: (wizard: WizardHarness) => Promise<void>,
): Promise<void> {
  const world = await startWorld({ probeMs: 1000 });
  try {
    await arrange(world);
    const wizard = await openWizard({ world, viewport: SHOT_WINDOW, locale: 'en' });
    try {
      await use(wizard);
      expect(wizard.pageErrors).toEqual([]);
      expect(await wizard.cspViolations()).toEqual([]);
    } finally {
      await wizard.close();
    }
  } finally {
    await world.close();
  }
}

/** Stremio 5 from Flathub with its updater answering, so the Version step is quiet where it is not the subject. */
async function currentStremio(world: World): Promise<void> {
  serveStremioUpdater(world.stremioWeb);
  await plantFlatpak(world.home, '1.2.0');
}

/** A Stremio account linked to Trakt a day ago, Trakt granting its token, Trakt's sign-in as in `signIn`. */
function linkedAccount(world: World, signIn: SignInWorld) {
  const { stremio, trakt } = installTokenWorld(world, signIn);
  const nowS = Math.floor(Date.now() / 1000);
  stremio.addAccount({
    ...ACCOUNT,
    trakt: { access_token: TRAKT_TOKEN, created_at: nowS - 86400, expires_in: 7 * 86400 },
    addons: [CINEMETA, stremioTraktAddon(ACCOUNT.id)],
  });
  trakt.grant(TRAKT_TOKEN, { username: 'gallery_viewer' });
  return { stremio, trakt };
}

/** The Summary in another language, chosen in the header's Language menu (the run's results stay). */
async function shootLanguage(wizard: WizardHarness, locale: Locale): Promise<void> {
  const tab = wizard.page;
  await tab.getByTestId('language-menu').selectOption(locale);
  await expect.poll(() => tab.evaluate(() => document.documentElement.lang)).toBe(locale);
  // The page says itself in that language (every language names the Summary in its own word).
  expect(await tab.locator('#page-title').textContent()).not.toBe('Summary');
  await chooseTheme(wizard, LANGUAGE_SHOT_THEME);
  await capture(wizard, languageShotFile(locale));
}

// Each page in a world where it has something to say (tests/screenshots/gallery.ts says which), in the app
// window's default size, scrolled to its top, in both themes; then the Summary in every other language.
describe('wizard screenshots', () => {
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
  });

  it('Welcome, Token and Summary: the 2026 sign-in failure (Trakt injects PKCE), pasted, then signed in', async () => {
    await inWorld(
      async (world) => {
        await currentStremio(world);
        linkedAccount(world, 'migrated');
      },
      async (wizard) => {
        const tab = wizard.page;
        await shootPage(wizard, 'welcome');
        await startDiagnosis(wizard);
        // The address Stremio's Authenticate opens, as the user copies it from the browser.
        await openPage(wizard, 'token');
        const pasted = `https://api.trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb`;
        await tab.getByLabel('Paste the address of the page that shows 400').fill(pasted);
        await tab.getByRole('button', { name: 'Analyse this address' }).click();
        await tab.locator('article[data-finding="TRAKT_AUTH_PKCE_INJECTED"]').waitFor({ timeout: 20_000 });
        await shootPage(wizard, 'token');
        await signInWithAuthKey(wizard, ACCOUNT.authKey);
        await shootPage(wizard, 'summary');
        expect(await tab.getByTestId('likely-cause').getAttribute('data-likely-cause')).toBe(
          'TRAKT_AUTH_PKCE_INJECTED',
        );
        for (const locale of OTHER_LOCALES) await shootLanguage(wizard, locale);
      },
    );
  });

  it('Version and Cache: Stremio 4 from the Linux .deb, outdated, with its caches', async () => {
    await inWorld(
      async (world) => {
        serveStremioUpdater(world.stremioWeb);
        await plantDeb(world.home, '4.4.168-1');
        await plantQtProfileLinux(world.home);
      },
      async (wizard) => {
        await startDiagnosis(wizard);
        await shootPage(wizard, 'version');
        expect(await wizard.page.locator('article[data-finding="STREMIO_OUTDATED"]').count()).toBe(1);
        await shootPage(wizard, 'cache');
      },
    );
  });

  it('Connectivity: a DNS filter answers 0.0.0.0 for Trakt', async () => {
    await inWorld(
      async (world) => {
        await currentStremio(world);
        for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
          world.dns(host, { kind: 'records', a: ['0.0.0.0'] }, 'system');
      },
      async (wizard) => {
        await startDiagnosis(wizard);
        await shootPage(wizard, 'connectivity');
        expect(await wizard.page.locator('article[data-finding="DNS_FILTERED"]').count()).toBe(1);
      },
    );
  });

  it('Revoked access: signed in, the link revoked on Trakt', async () => {
    await inWorld(
      async (world) => {
        await currentStremio(world);
        linkedAccount(world, 'forwarding').trakt.revoke(TRAKT_TOKEN);
      },
      async (wizard) => {
        await startDiagnosis(wizard);
        await signInWithAuthKey(wizard, ACCOUNT.authKey);
        await openPage(wizard, 'revoked');
        await wizard.page.locator('article[data-finding="TRAKT_TOKEN_REVOKED"]').waitFor();
        await shootPage(wizard, 'revoked');
      },
    );
  });

  it('Scrobbling: signed in, watches stopped reaching Trakt 5 days ago', async () => {
    await inWorld(
      async (world) => {
        await currentStremio(world);
        const now = Date.now();
        // Linked a week ago (Trakt's links last 7 days): the first watches reached Trakt, none since 5 days ago.
        const arrived = [6.2, 5.8, 5.3].map((days, i) => ({ days, id: `tt000050${i}`, title: `Arrived ${i}` }));
        const missing = [4.6, 3.2, 1.4, 0.4].map((days, i) => ({ days, id: `tt000060${i}`, title: `Missing ${i}` }));
        installScrobblingWorld(world, {
          nowMs: now,
          linkedDaysAgo: 6.5,
          library: [...arrived, ...missing].map((w) => finishedMovie(now, w.id, w.title, w.days)),
          history: arrived.map((w) => ({ watchedAt: daysAgo(now, w.days), imdb: w.id, title: w.title })),
        });
      },
      async (wizard) => {
        await startDiagnosis(wizard);
        await signInWithAuthKey(wizard, SCROBBLING_ACCOUNT.authKey);
        await openPage(wizard, 'scrobbling');
        await wizard.page.locator('[data-testid="scrobbling-timeline"][data-story="stopped"]').waitFor();
        await shootPage(wizard, 'scrobbling');
      },
    );
  });

  afterAll(async () => {
    console.log(`screenshots written to ${OUT_DIR}:\n${written.map((f) => `  ${f}`).join('\n')}`);
  });

  it('wrote every picture of the gallery; the README shows them (stale PNGs removed)', async () => {
    expect([...written].sort()).toEqual(galleryFiles().sort());
    if (!IS_GALLERY) return;
    for (const file of await readdir(OUT_DIR))
      if (file.endsWith('.png') && !written.includes(file)) await rm(path.join(OUT_DIR, file));
    const readme = path.resolve('README.md');
    await writeFile(readme, withGallery(await readFile(readme, 'utf8')));
  });
});
