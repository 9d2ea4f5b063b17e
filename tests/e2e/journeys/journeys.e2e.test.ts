import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CINEMETA, installTokenWorld, stremioTraktAddon, type StremioEmulator } from '../../kit/emulators/stremio';
import type { TraktApiEmulator } from '../../kit/emulators/trakt-api';
import {
  SCROBBLING_ACCOUNT,
  daysAgo,
  finishedMovie,
  installScrobblingWorld,
} from '../../kit/emulators/scrobbling-world';
import { startWorld, type World } from '../../kit/world';
import { plantFlatpak } from '../../fixtures/installs/plant';
import {
  exportBundle,
  openJourney,
  runsAnswered,
  signInWithAuthKey,
  startDiagnosis,
  summaryFindings,
  type JourneyWizard,
} from './journey';

// Whole journeys in real Chromium against the emulators: Welcome → Start (every step runs ahead) → a
// sign-in where the journey needs the account → the Summary's top finding → the bundle export, whose
// report.json carries the same findings. One world and one browser per journey.
const ACCOUNT = {
  id: '5e6f7a8b9c0d1e2f3a4b5c6d',
  email: 'journey.viewer@example.org',
  password: 'journey password 123',
  authKey: 'journey-auth-key-00112233445566778899',
};
const TRAKT_TOKEN = 'journey-trakt-token-0123456789';
const nowS = () => Math.floor(Date.now() / 1000);

/** A world with a Stremio account linked to Trakt (`trakt` = the link), Trakt granting the token. */
async function accountWorld(
  signInWorld: Parameters<typeof installTokenWorld>[1],
  trakt: { access_token: string; created_at: number; expires_in: number },
): Promise<{ world: World; stremio: StremioEmulator; traktApi: TraktApiEmulator }> {
  const world = await startWorld({ probeMs: 1000 });
  const { stremio, trakt: traktApi } = installTokenWorld(world, signInWorld);
  // As Stremio keeps a linked account: Cinemeta, and the Trakt add-on Authenticate installed (update_trakt_addon.rs).
  stremio.addAccount({ ...ACCOUNT, trakt, addons: [CINEMETA, stremioTraktAddon(ACCOUNT.id)] });
  traktApi.grant(TRAKT_TOKEN, { username: 'journey_user' });
  return { world, stremio, traktApi };
}

/** Runs one journey: Start, optional sign-in, the Summary's findings, the bundle's findings. */
async function journey(wizard: JourneyWizard, authKey: string | null) {
  await startDiagnosis(wizard);
  // Opening steps shows what ran ahead: no step starts again.
  for (const step of ['version', 'cache', 'connectivity'] as const)
    await wizard.page.locator(`button.stepper-item[data-page="${step}"]`).click();
  expect(runsAnswered(wizard)).toBe(1);
  if (authKey) await signInWithAuthKey(wizard, authKey);
  const shown = await summaryFindings(wizard);
  const bundle = await exportBundle(wizard);
  // "No Stremio account" is said once on the Summary: as the line of checks waiting for the sign-in, not a card.
  const saved = bundle.findings.map((f) => f.problem);
  expect(saved.filter((code) => code !== 'STREMIO_NOT_SIGNED_IN')).toEqual(shown);
  if (saved.includes('STREMIO_NOT_SIGNED_IN'))
    await expect.poll(() => wizard.page.locator('.summary [data-testid="sign-in-line"]').count()).toBe(1);
  expect(wizard.pageErrors).toEqual([]);
  expect(await wizard.cspViolations()).toEqual([]);
  return shown;
}

describe('journey: a healthy setup', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    ({ world } = await accountWorld('forwarding', {
      access_token: TRAKT_TOKEN,
      created_at: nowS() - 3600,
      expires_in: 7 * 86400,
    }));
    // Stremio 5 from Flathub (Flatpak updates it): the Version step has nothing to say.
    await plantFlatpak(world.home, '1.2.0');
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('signed in, nothing is wrong: the Summary says so and the bundle agrees', async () => {
    const findings = await journey(wizard, ACCOUNT.authKey);
    expect(findings).toEqual([]);
  });
});

describe('journey: the 2026 sign-in failure (Trakt injects PKCE)', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    ({ world } = await accountWorld('migrated', {
      access_token: TRAKT_TOKEN,
      created_at: nowS() - 3600,
      expires_in: 7 * 86400,
    }));
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('the top finding is TRAKT_AUTH_PKCE_INJECTED', async () => {
    const findings = await journey(wizard, ACCOUNT.authKey);
    expect(findings[0]).toBe('TRAKT_AUTH_PKCE_INJECTED');
  });
});

describe('journey: an expired Trakt token', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    ({ world } = await accountWorld('forwarding', {
      access_token: TRAKT_TOKEN,
      created_at: nowS() - 3 * 86400,
      expires_in: 86400,
    }));
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('the top finding is TRAKT_TOKEN_EXPIRED', async () => {
    const findings = await journey(wizard, ACCOUNT.authKey);
    expect(findings[0]).toBe('TRAKT_TOKEN_EXPIRED');
  });
});

describe('journey: a DNS filter blocks Trakt', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1000 });
    for (const host of ['trakt.tv', 'api.trakt.tv', 'auth.trakt.tv'])
      world.dns(host, { kind: 'records', a: ['0.0.0.0'] }, 'system');
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('the top finding is DNS_FILTERED (no sign-in needed)', async () => {
    const findings = await journey(wizard, null);
    expect(findings[0]).toBe('DNS_FILTERED');
  });
});

describe('journey: scrobbles do not reach Trakt', () => {
  let world: World;
  let wizard: JourneyWizard;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1000 });
    const now = Date.now();
    installScrobblingWorld(world, {
      nowMs: now,
      addons: [CINEMETA],
      library: [
        finishedMovie(now, 'tt0000301', 'Journey Arrived Movie', 2),
        finishedMovie(now, 'tt0000302', 'Journey Missing Movie', 0.5),
      ],
      history: [{ watchedAt: daysAgo(now, 2), imdb: 'tt0000301', title: 'Journey Arrived Movie' }],
    });
    wizard = await openJourney(world);
  });
  afterAll(async () => {
    await wizard?.close();
    await world?.close();
  });

  it('after the sign-in the account checks run again; the top finding is SCROBBLES_NOT_REACHING_TRAKT', async () => {
    const findings = await journey(wizard, SCROBBLING_ACCOUNT.authKey);
    expect(findings[0]).toBe('SCROBBLES_NOT_REACHING_TRAKT');
    // The bundle never carries a watched title (docs/architecture.md: privacy).
    expect(JSON.stringify(await wizard.page.locator('.summary').textContent())).not.toContain('Journey Missing');
  });
});
