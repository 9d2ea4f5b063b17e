import type { World } from '../world';
import { CINEMETA, installTokenWorld, stremioTraktAddon, type StremioEmulator } from './stremio';
import type { TraktApiEmulator, WatchingFixture } from './trakt-api';
import type { SignInWorld, TraktSignInWorld } from './trakt-sign-in-worlds';

const DAY_S = 86_400;

/** The account of every closed-loop world, with the link Stremio stores after a re-link (docs/testing.md). */
export const LOOP_ACCOUNT = {
  id: '64a0b1c2d3e4f5a6b7c8d9a7',
  email: 'loop.viewer@example.net',
  password: 'loop-password-1',
  authKey: 'loop-authkey-0123456789abcdef',
  traktToken: 'loop-trakt-token-old-0011223344',
  newTraktToken: 'loop-trakt-token-new-5566778899',
} as const;

/** A watched title planted so tests can prove it reaches no report, log, trace, copy summary or bundle. */
export const PLANTED_WATCH: WatchingFixture = {
  kind: 'episode',
  title: 'Periwinkle Submarine Tribunal',
  year: 2024,
  season: 2,
  episode: 7,
  startedAt: '2026-12-07T20:58:00.000Z',
};

/** The Trakt link as Stremio stores it (`user.trakt`), made `createdAgoS` before `nowMs`, lasting `lifetimeS`. */
export function traktLink(token: string, nowMs: number, createdAgoS: number, lifetimeS = 7 * DAY_S): object {
  return { access_token: token, created_at: Math.floor(nowMs / 1000) - createdAgoS, expires_in: lifetimeS };
}

/** Options of a closed-loop world. */
export interface ClosedLoopWorldOptions {
  readonly nowMs: number;
  /** The link on the account before the fix (default `valid`). */
  readonly link?: 'valid' | 'expired' | 'none';
  /** Trakt's browser sign-in (default `forwarding`: the chain reaches Trakt's sign-in page). */
  readonly signIn?: SignInWorld;
}

/** What a closed-loop world gives the test: the emulators and the re-link Stremio stores when the user finishes. */
export interface ClosedLoopWorld {
  readonly stremio: StremioEmulator;
  readonly trakt: TraktApiEmulator;
  readonly signIn: TraktSignInWorld;
  /** Stremio stores a fresh link (new token, made now) after `afterReads` more `getUser` reads; Trakt accepts it. */
  relinkAfter(afterReads: number): void;
}

/**
 * One Stremio account with a Trakt link (valid, expired or none), Stremio's own Trakt add-on and Cinemeta,
 * and both tokens known to Trakt's API: the old one as long as the link holds it, the new one once re-linked.
 */
export function installClosedLoopWorld(world: World, options: ClosedLoopWorldOptions): ClosedLoopWorld {
  const { stremio, trakt, signIn } = installTokenWorld(world, options.signIn ?? 'forwarding');
  const link = options.link ?? 'valid';
  stremio.addAccount({
    id: LOOP_ACCOUNT.id,
    email: LOOP_ACCOUNT.email,
    password: LOOP_ACCOUNT.password,
    authKey: LOOP_ACCOUNT.authKey,
    trakt:
      link === 'none'
        ? null
        : link === 'expired'
          ? traktLink(LOOP_ACCOUNT.traktToken, options.nowMs, 9 * DAY_S)
          : traktLink(LOOP_ACCOUNT.traktToken, options.nowMs, DAY_S),
    addons: [CINEMETA, stremioTraktAddon(LOOP_ACCOUNT.id)],
  });
  const account = { username: 'loop_viewer', vip: true };
  trakt.grant(LOOP_ACCOUNT.traktToken, account);
  trakt.grant(LOOP_ACCOUNT.newTraktToken, account);
  return {
    stremio,
    trakt,
    signIn,
    relinkAfter: (afterReads) =>
      stremio.relink(LOOP_ACCOUNT.id, traktLink(LOOP_ACCOUNT.newTraktToken, Date.now(), 0), { afterReads }),
  };
}
