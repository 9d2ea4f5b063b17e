import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { STREMIO_TRAKT_CALLBACK, STREMIO_TRAKT_CLIENT_ID } from '../../electron/engine/clients/stremio/auth-url';
import type { Report } from '../../shared/report';
import { recordedService, type RecordedService } from '../kit/doctor-service';
import { installTokenWorld, type StremioEmulator } from '../kit/emulators/stremio';
import { startWorld, type World } from '../kit/world';

/**
 * Issue 20 N1: the corrected sign-in link kept the pasted link's own query, so a pasted authorize link
 * carrying a foreign `state` — or Stremio's start link of someone else's account — was followed and
 * offered as the one-click fix with that state. The link is now built from a fixed template (response_type,
 * Stremio's client_id and callback) and carries only a state from the signed-in account's own start link.
 */
const FOREIGN_STATE = 'FOREIGN-state-0a9b8c7d6e';
const OTHER_STATE = 'OTHER-account-state-1f2e3d4c';
const MINE = { id: '64a0b1c2d3e4f5a6b7c8d901', authKey: 'MINE-authkey-0f1e2d3c4b5a6978' };
const SOMEONE_ELSE = '64a0b1c2d3e4f5a6b7c8d9ff';

describe('the corrected link is built from a template, never from a pasted query (issue 20 N1)', () => {
  let world: World;
  let stremio: StremioEmulator;
  let svc: RecordedService;
  const ipc = <T>(channel: string, payload: unknown): Promise<T> => svc.value<T>(channel, payload);
  /** Clicks the fix of the AUTH_URL_WRONG_HOST finding and returns the address the browser got, or null. */
  const clickFix = async (report: Report): Promise<URL | null> => {
    const action = report.findings.find((f) => f.problem === 'AUTH_URL_WRONG_HOST')?.fix.action;
    if (action?.kind !== 'open-url') return null;
    expect(await ipc('fix:open-url', { url: action.url })).toEqual({ opened: true });
    return new URL(svc.opened.at(-1)!);
  };

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    ({ stremio } = installTokenWorld(world));
    stremio.addAccount({
      id: MINE.id,
      email: 'mine@example.net',
      password: 'MINE-password-1!',
      authKey: MINE.authKey,
      trakt: null,
    });
    // Someone else's start link: Stremio sends that account's sign-in, with its state, to the API host.
    world.stremioWeb.route('GET', `/trakt/auth/${SOMEONE_ELSE}`, {
      status: 302,
      headers: {
        location: `https://api.trakt.tv/oauth/authorize?response_type=code&client_id=${stremio.traktClientId}&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb&state=${OTHER_STATE}`,
      },
      body: '',
    });
    svc = recordedService(resolveConfig(world.config()));
  });
  afterAll(() => world.close());

  it('a pasted authorize link with a foreign state: the fix opens the template link, without that state', async () => {
    const pasted = `https://api.trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&redirect_uri=${encodeURIComponent(STREMIO_TRAKT_CALLBACK)}&state=${FOREIGN_STATE}&scope=extra`;
    const report = await ipc<Report>('diagnosis:run', { runId: 'n1-a', steps: ['token'], authUrl: pasted });
    const real = await clickFix(report);
    expect(real?.origin).toBe('https://auth.trakt.tv');
    expect(real?.pathname).toBe('/oauth/authorize');
    expect(Object.fromEntries(real!.searchParams)).toEqual({
      response_type: 'code',
      client_id: STREMIO_TRAKT_CLIENT_ID,
      redirect_uri: STREMIO_TRAKT_CALLBACK,
    });
  });

  it("someone else's start link pasted while signed in: followed, but no fix carries that account's state", async () => {
    const report = await ipc<Report>('diagnosis:run', {
      runId: 'n1-b',
      steps: ['token'],
      authUrl: `https://www.strem.io/trakt/auth/${SOMEONE_ELSE}`,
      credentials: { kind: 'auth-key', authKey: MINE.authKey },
    });
    const pastedCheck = report.checks.find((c) => c.id === 'token.pasted-url')!;
    expect(pastedCheck.problems).toContain('AUTH_URL_WRONG_HOST');
    const verification = (pastedCheck.details as { verification?: Record<string, unknown> }).verification;
    expect(verification?.correctedUrl).toBeUndefined();
    expect(verification?.notTried).toMatch(/another Stremio account/);
    // The account's own start link still gets its fix: the template, with no state (Stremio sent none).
    const real = await clickFix(report);
    expect(real?.searchParams.get('state') ?? null).toBeNull();
    expect(svc.opened.join('\n')).not.toContain(OTHER_STATE);
  });
});
