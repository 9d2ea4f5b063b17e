import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveScrobbleDetailsSchema, LiveSightingSchema } from '../../shared/check-details/closed-loop';
import { readDetails } from '../../shared/check-details/details-schema';
import { DiagnosisSession, type SessionEvent } from '../../electron/engine/session/diagnosis-session';
import {
  LOOP_ACCOUNT,
  PLANTED_WATCH,
  installClosedLoopWorld,
  type ClosedLoopWorld,
} from '../kit/emulators/closed-loop-world';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const CREDENTIALS = { kind: 'auth-key', authKey: LOOP_ACCOUNT.authKey } as const;
const TRAKT_HEADERS = ['trakt-api-key', 'trakt-api-version', 'authorization'] as const;

describe('scrobbling.live: watching a scrobble reach Trakt (real loopback servers)', () => {
  let world: World;
  let loop: ClosedLoopWorld;
  beforeEach(async () => {
    world = await startWorld({ probeMs: 1500 });
    loop = installClosedLoopWorld(world, { nowMs: Date.now() });
  });
  afterEach(() => world.close());

  /**
   * The window's way: the diagnosis first, then the live test as its own run of the same session (`arrange`
   * shapes Trakt in between, so the Scrobbling step's own reads are not counted).
   */
  const live = async (waitMs: number, arrange: () => void = () => undefined) => {
    const events: SessionEvent[] = [];
    const ctx = await contextFor(world, { timeouts: { probeMs: 1500, overallMs: 3000 } });
    const session = new DiagnosisSession({ records: ctx });
    await session.run(ctx, { kind: 'steps', steps: ['token', 'revoked', 'scrobbling'] }, { credentials: CREDENTIALS });
    const readsBefore = loop.trakt.liveRequests().length;
    arrange();
    const started = performance.now();
    const report = await session.run(
      ctx,
      { kind: 'checks', ids: ['scrobbling.live'] },
      { liveScrobble: { waitMs } },
      { onEvent: (e) => events.push(e) },
    );
    const check = report.checks.find((c) => c.id === 'scrobbling.live')!;
    const finished = events.find((e) => e.type === 'check-finished' && e.result.id === 'scrobbling.live');
    return {
      report,
      check,
      wallMs: performance.now() - started,
      reads: loop.trakt.liveRequests().slice(readsBefore),
      details: readDetails(check.details, LiveScrobbleDetailsSchema)!,
      windowOnly: finished?.type === 'check-finished' ? finished.windowOnly : undefined,
    };
  };

  it('sees a watch in progress: pass, its kind in the report, its title in the window payload only', async () => {
    // A filter blocked the events path during the diagnosis; now Stremio's scrobble is in progress (the user
    // pressed play, then pause/resume): the test's first read sees it.
    loop.stremio.eventsPath = 'dropped';
    const { report, check, details, windowOnly, wallMs, reads } = await live(20_000, () =>
      loop.trakt.scrobble(LOOP_ACCOUNT.traktToken, PLANTED_WATCH),
    );
    expect(check.verdict).toBe('pass');
    expect(check.summary).toMatch(/^Trakt sees you watching an episode \(since /);
    expect(details).toMatchObject({
      polls: 1,
      activityReads: 0,
      watchingReads: 1,
      seenBy: 'watching',
      kind: 'episode',
      rateLimited: null,
    });
    expect(wallMs).toBeLessThan(3000);
    const sighting = LiveSightingSchema.parse(windowOnly);
    expect(sighting).toMatchObject({ title: PLANTED_WATCH.title, kind: 'episode', episode: 'S2E7' });
    expect(JSON.stringify(report)).not.toContain(PLANTED_WATCH.title);
    // A watch that reached Trakt confirms the scrobbling findings fixed (critical no more for the exit status).
    const blocked = report.findings.find((f) => f.problem === 'STREMIO_EVENTS_BLOCKED')!;
    expect(blocked.resolution).toEqual({ confirmedAt: details.seenAt, by: 'scrobbling.live' });
    // A read-only call with the token Stremio holds and the client_id seen in Stremio's redirect.
    expect(reads.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /users/me/watching']);
    for (const read of reads) {
      for (const header of TRAKT_HEADERS) expect(read.headers[header]).toBeDefined();
      expect(read.headers.authorization).toBe(`Bearer ${LOOP_ACCOUNT.traktToken}`);
      expect(read.headers['trakt-api-key']).toBe(loop.stremio.traktClientId);
    }
  }, 30_000);

  it('not seen: SCROBBLE_NOT_SEEN_LIVE, its fix ranking the blocked events path first', async () => {
    loop.stremio.eventsPath = 'dropped';
    const { report, check, details } = await live(1200);
    expect(check.verdict).toBe('fail');
    expect(check.problems).toEqual(['SCROBBLE_NOT_SEEN_LIVE']);
    expect(details).toMatchObject({ polls: 1, seenAt: null, maxRequestsPer5Min: 1 });
    const finding = report.findings.find((f) => f.problem === 'SCROBBLE_NOT_SEEN_LIVE')!;
    expect(finding.severity).toBe('critical');
    expect(finding.fix.steps).toEqual([
      'Allow api.strem.io/api/events in your ad blocker, DNS filter or VPN.',
      'Play something for at least a minute, then pause and resume once: Stremio sends its first scrobble only then.',
    ]);
    expect(finding.evidence[0]).toMatch(/causes the other checks support: events-path/);
  });

  it('not seen with nothing else found: pause/resume first; the link is ruled out by Trakt answering', async () => {
    const { report } = await live(1200);
    const steps = report.findings.find((f) => f.problem === 'SCROBBLE_NOT_SEEN_LIVE')!.fix.steps;
    expect(steps[0]).toMatch(/^Play something for at least a minute/);
    expect(steps.join(' ')).not.toMatch(/authenticate again/);
  });

  it('a 429 whose Retry-After outlasts the wait: TRAKT_RATE_LIMITED, not "not seen", and no further read', async () => {
    const { check, details, reads, wallMs } = await live(20_000, () => {
      loop.trakt.nextStates['/users/me/watching'] = [{ kind: 'rate-limited', retryAfter: '600' }];
    });
    expect(check.verdict).toBe('warn');
    expect(check.problems).toEqual(['TRAKT_RATE_LIMITED']);
    expect(details).toMatchObject({ polls: 1, rateLimited: { retryAfterSeconds: 600 } });
    expect(reads).toHaveLength(1);
    // It ends as soon as the pause is known to outlast the wait.
    expect(wallMs).toBeLessThan(3000);
  }, 30_000);

  it('a token Trakt refuses during the test ends it at once with TRAKT_TOKEN_REVOKED', async () => {
    const { check, reads } = await live(20_000, () => loop.trakt.revoke(LOOP_ACCOUNT.traktToken));
    expect(check.verdict).toBe('fail');
    expect(check.problems).toEqual(['TRAKT_TOKEN_REVOKED']);
    expect(reads).toHaveLength(1);
  });

  it('an expired link is not watched: skipped, authenticate first', async () => {
    await world.close();
    world = await startWorld({ probeMs: 1500 });
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    const { check, reads } = await live(20_000);
    expect(check.verdict).toBe('skipped');
    expect(check.summary).toMatch(/has expired/);
    expect(reads).toHaveLength(0);
  });
});
