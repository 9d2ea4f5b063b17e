import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import type { SessionEvent } from '../../electron/engine/session/diagnosis-session';
import { ScrobblingViewSchema } from '../../shared/check-details/scrobbling';
import type { Report } from '../../shared/report';
import {
  SCROBBLING_ACCOUNT,
  THIRD_PARTY_TRAKT_ADDON,
  daysAgo,
  finishedEpisode,
  finishedMovie,
  installScrobblingWorld,
  type ScrobblingWorldOptions,
} from '../kit/emulators/scrobbling-world';
import { CINEMETA, stremioTraktAddon, type StremioEmulator } from '../kit/emulators/stremio';
import type { TraktApiEmulator } from '../kit/emulators/trakt-api';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const NOW = Date.parse('2026-11-30T12:00:00Z');

describe('the Scrobbling step against emulated Stremio and Trakt', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());

  let stremio: StremioEmulator;
  let trakt: TraktApiEmulator;
  const run = async (options: Omit<ScrobblingWorldOptions, 'nowMs'>, tweak?: () => void) => {
    ({ stremio, trakt } = installScrobblingWorld(world, { nowMs: NOW, ...options }));
    tweak?.();
    const lines: string[] = [];
    const events: SessionEvent[] = [];
    const ctx = await contextFor(world, {}, { now: () => NOW, logSink: (line) => lines.push(line) });
    const report = await diagnose(
      ctx,
      { steps: ['scrobbling'], credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey } },
      { onEvent: (e) => events.push(e) },
    );
    return { report, lines, events };
  };
  const check = (report: Report, id: string) => {
    const found = report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no ${id} in the report`);
    return found;
  };
  const codes = (report: Report) => report.findings.map((f) => f.problem);

  it('scrobbles arriving: every finished title is in the history → a pass that says what matched', async () => {
    const { report, events } = await run({
      library: [
        finishedMovie(NOW, 'tt0133093', 'Arriving Movie One', 1),
        finishedEpisode(NOW, 'tt0903747', 'Arriving Show', 2, 5, 2),
        // Not finished (30 %): not compared.
        { id: 'tt0111161', name: 'Half Watched', lastWatched: daysAgo(NOW, 1), timeWatched: 100, duration: 1000 },
      ],
      history: [
        { watchedAt: daysAgo(NOW, 1.02), imdb: 'tt0133093', title: 'Arriving Movie One' },
        { watchedAt: daysAgo(NOW, 2.01), imdb: 'tt0903747', title: 'Arriving Show', season: 2, episode: 5 },
      ],
    });
    const comparison = check(report, 'scrobbling.comparison');
    expect(comparison.verdict).toBe('pass');
    expect(comparison.summary).toMatch(
      /^All 2 titles you finished in Stremio since Nov 24, 2026 are on Trakt; the last watch Trakt recorded is from Nov 29, 2026\./,
    );
    expect(codes(report)).not.toContain('SCROBBLES_NOT_REACHING_TRAKT');
    expect(check(report, 'scrobbling.library').details).toMatchObject({ watchedSinceLink: 3, finishedSinceLink: 2 });
    // The history was asked since the link, with the token and Stremio's client_id.
    const asked = world.traktApi.requests.filter((r) => r.path === '/users/me/history');
    expect(asked).toHaveLength(1);
    expect(asked[0]!.query.get('start_at')).toBe(
      new Date(Math.floor((NOW - 6 * 86400000) / 1000) * 1000).toISOString(),
    );
    expect(asked[0]!.headers['trakt-api-key']).toBe(stremio.traktClientId);
    expect(asked[0]!.headers.authorization).toBe(`Bearer ${SCROBBLING_ACCOUNT.traktToken}`);
    // The window gets the titles side by side, in the finished event only.
    const finished = events.find((e) => e.type === 'check-finished' && e.result.id === 'scrobbling.comparison');
    const view = finished?.type === 'check-finished' ? finished.windowOnly : undefined;
    const parsed = ScrobblingViewSchema.safeParse(view);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const { data } = parsed;
    expect(data.stremio.map((w) => [w.title, w.episode ?? null, w.onTrakt])).toEqual([
      ['Arriving Movie One', null, true],
      ['Arriving Show', 'S2E5', true],
    ]);
    expect(data.trakt.map((w) => w.title)).toEqual(['Arriving Movie One', 'Arriving Show']);
  });

  it('scrobbles missing since a date → SCROBBLES_NOT_REACHING_TRAKT with how many of how many and the last date Trakt has', async () => {
    const world4 = {
      library: [
        finishedMovie(NOW, 'tt0000001', 'Missing One', 0.5),
        finishedMovie(NOW, 'tt0000002', 'Missing Two', 1.5),
        finishedEpisode(NOW, 'tt0000003', 'Missing Show', 1, 2, 2.5),
        finishedMovie(NOW, 'tt0000004', 'Arrived Before', 5),
      ],
      history: [{ watchedAt: daysAgo(NOW, 5), imdb: 'tt0000004', title: 'Arrived Before' }],
      // Trakt's own record of the last watch (last_activities) is that one.
    };
    const { report } = await run(world4);
    const comparison = check(report, 'scrobbling.comparison');
    expect(comparison.verdict).toBe('fail');
    expect(comparison.summary).toBe(
      '3 of 4 titles you finished since Nov 24, 2026 are not on Trakt; the last watch Trakt recorded is from Nov 25, 2026.',
    );
    const finding = report.findings.find((f) => f.problem === 'SCROBBLES_NOT_REACHING_TRAKT');
    expect(finding).toMatchObject({ severity: 'critical', confidence: 0.8 });
    expect(finding?.evidence[0]).toContain('3 of 4 titles finished in Stremio since Nov 24, 2026');
    expect(finding?.fix.steps.join(' ')).toMatch(/Log out/);
    // The window's timeline: per UTC day, what Stremio finished and what Trakt recorded (counts only).
    const timeline = comparison.details.timeline as { firstDay: string; finished: unknown[]; recorded: unknown[] };
    expect(timeline.firstDay).toBe('2026-11-01');
    expect(timeline.finished.slice(23)).toEqual([0, 1, 0, 0, 1, 1, 1]);
    expect(timeline.recorded.slice(23)).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(timeline.finished.slice(0, 23).every((n) => n === null)).toBe(true);
    // The link reads Trakt and the events path answers: "play, pause and resume once" comes first, because Stremio
    // sends its first scrobble only on a pause or resume (stremio-core src/models/player.rs), re-linking after it.
    expect(finding?.variant).toBe('linkWorks');
    expect(finding?.evidence[0]).toContain("the link reads Trakt's history and api.strem.io/api/events answers");
    expect(finding?.fix.title).toBe('Pause and resume once, then watch something short');
    expect(finding?.fix.steps[0]).toMatch(
      /^Play anything in Stremio, then pause and resume it once: Stremio sends its first scrobble/,
    );
    expect(finding?.fix.steps[2]).toMatch(/^Still missing\? Re-link/);
    // With the path blocked, re-linking is not the first thing either way: the default order starts with Connected Apps.
    const blocked = await run(world4, () => (stremio.eventsPath = 'blocker-page'));
    const plain = blocked.report.findings.find((f) => f.problem === 'SCROBBLES_NOT_REACHING_TRAKT')!;
    expect(plain).not.toHaveProperty('variant');
    expect(plain.fix.steps[0]).toBe('Open Trakt → Settings → "Connected Apps" and revoke "Stremio".');
    expect(plain.fix.steps[5]).toContain('pause and resume it once');
  });

  it('the wrong episode of the right show, or a watch two days off, does not count as scrobbled', async () => {
    const { report } = await run({
      library: [
        finishedEpisode(NOW, 'tt0000010', 'Episode Show', 3, 4, 1),
        finishedMovie(NOW, 'tt0000011', 'Late Movie', 1),
      ],
      history: [
        { watchedAt: daysAgo(NOW, 1), imdb: 'tt0000010', title: 'Episode Show', season: 3, episode: 3 },
        { watchedAt: daysAgo(NOW, 3.5), imdb: 'tt0000011', title: 'Late Movie' },
      ],
    });
    expect(check(report, 'scrobbling.comparison').summary).toMatch(/^2 of 2 titles/);
    expect(report.findings.find((f) => f.problem === 'SCROBBLES_NOT_REACHING_TRAKT')?.confidence).toBe(0.9);
  });

  it('kitsu:/tmdb: ids among recent items → SCROBBLE_IDS_UNSUPPORTED by id kind, and they are not counted as missing', async () => {
    const { report } = await run({
      library: [
        { ...finishedMovie(NOW, 'kitsu:1376', 'Anime A', 1), type: 'series' },
        { ...finishedMovie(NOW, 'kitsu:7442', 'Anime B', 2), type: 'series' },
        finishedMovie(NOW, 'tmdb:603', 'Tmdb Movie', 3),
        finishedMovie(NOW, 'tt0133093', 'Imdb Movie', 1),
        // Watched before the link: not recent.
        finishedMovie(NOW, 'mal:5114', 'Old Anime', 30),
      ],
      history: [{ watchedAt: daysAgo(NOW, 1), imdb: 'tt0133093', title: 'Imdb Movie' }],
    });
    const library = check(report, 'scrobbling.library');
    expect(library.verdict).toBe('warn');
    expect(library.details).toMatchObject({ nonImdbByKind: { kitsu: 2, tmdb: 1 } });
    const finding = report.findings.find((f) => f.problem === 'SCROBBLE_IDS_UNSUPPORTED');
    expect(finding?.evidence[0]).toBe(
      'scrobbling.library: 3 of 4 titles watched since Nov 24, 2026 have non-IMDb ids (kitsu: 2, tmdb: 1)',
    );
    expect(check(report, 'scrobbling.comparison').verdict).toBe('pass');
  });

  it('a free account plus a third-party Trakt add-on → TRAKT_APP_LIMIT_RISK; VIP with the same add-on → no risk', async () => {
    const addons = [CINEMETA, THIRD_PARTY_TRAKT_ADDON];
    const free = await run({ addons, vip: false });
    expect(check(free.report, 'scrobbling.app-limit').verdict).toBe('warn');
    expect(codes(free.report)).toContain('TRAKT_APP_LIMIT_RISK');
    expect(free.report.findings.find((f) => f.problem === 'TRAKT_APP_LIMIT_RISK')?.evidence).toEqual([
      'scrobbling.app-limit: Trakt user.vip = false (a free account connects 1 community app, VIP 50; premium and official apps never count); 1 other Trakt add-on on the Stremio account',
    ]);
    // The fix describes the tiers and the meter, asks about apps connected since the limit, opens the real page.
    const risk = free.report.findings.find((f) => f.problem === 'TRAKT_APP_LIMIT_RISK')!;
    expect(risk.explanation).toContain(
      'Since July 22, 2026 a free Trakt account may connect 1 community app and a VIP account 50; premium and official apps never count.',
    );
    expect(risk.fix.steps[0]).toContain('read the meter next to "Community": x/y places used');
    expect(risk.fix.steps[1]).toMatch(/^Did you connect another Trakt app or add-on since July 22, 2026\?/);
    expect(risk.fix.action).toMatchObject({ kind: 'open-url', url: 'https://app.trakt.tv/settings/apps/connected' });
    const vip = await run({ addons, vip: true });
    expect(check(vip.report, 'scrobbling.app-limit').verdict).toBe('pass');
    expect(codes(vip.report)).not.toContain('TRAKT_APP_LIMIT_RISK');
    // Stremio's own Trakt add-on alone is no risk on a free account either.
    const own = await run({ vip: false });
    expect(check(own.report, 'scrobbling.app-limit').verdict).toBe('pass');
  });

  it("missing Cinemeta and Stremio Trakt add-on: reported as users' evidence, not as a certainty", async () => {
    const { report } = await run({
      addons: [],
      library: [finishedMovie(NOW, 'tt0000020', 'Lost Movie', 1), finishedMovie(NOW, 'tt0000021', 'Lost Two', 2)],
    });
    expect(check(report, 'scrobbling.addons').verdict).toBe('warn');
    expect(check(report, 'scrobbling.addons').summary).toContain('a report, not a confirmed cause');
    expect(codes(report)).toContain('STREMIO_TRAKT_ADDON_MISSING');
    const evidence = report.findings.find((f) => f.problem === 'SCROBBLES_NOT_REACHING_TRAKT')?.evidence[0] ?? '';
    expect(evidence).toContain("Cinemeta and Stremio's Trakt add-on not installed (reported to stop scrobbling");
    expect(evidence).toContain('unconfirmed');
  });

  it('a linked account without its own Trakt add-on → STREMIO_TRAKT_ADDON_MISSING, evidence in counts, never an address', async () => {
    // What addonCollectionGet answers after an add-on manager removed it: Cinemeta, a community Trakt add-on, and
    // Stremio's Trakt add-on of another account (copied collections carry it) — none is this account's.
    const { report } = await run({
      addons: [CINEMETA, THIRD_PARTY_TRAKT_ADDON, stremioTraktAddon('5f0c9e2b7a1d3c4e5f607182')],
    });
    const addons = check(report, 'scrobbling.addons');
    expect(addons).toMatchObject({
      verdict: 'warn',
      problems: ['STREMIO_TRAKT_ADDON_MISSING'],
      details: { installed: 3, stremioTraktAddon: false, traktLinked: true, cinemeta: true, otherTrakt: 1 },
    });
    const finding = report.findings.find((f) => f.problem === 'STREMIO_TRAKT_ADDON_MISSING')!;
    expect(finding).toMatchObject({ severity: 'warning', checks: ['scrobbling.addons'] });
    expect(finding.fix.title).toBe('Authenticate again (it installs the add-on)');
    expect(finding.evidence).toEqual([
      'scrobbling.addons: user.trakt is set, but the account holds no www.strem.io/trakt/addon/<account id>/manifest.json; it holds 3 add-ons, 2 official, 1 other naming Trakt, 1 Stremio Trakt add-on of another account, Cinemeta installed',
    ]);
    // Add-on addresses are personal: not one reaches the report.
    const text = JSON.stringify(report);
    expect(text).not.toContain('trakt-lists.example.org');
    expect(text).not.toContain('5f0c9e2b7a1d3c4e5f607182');
    expect(text).not.toContain(SCROBBLING_ACCOUNT.id);
    // With its own add-on, the same account has no such finding.
    const own = await run({ addons: [CINEMETA, stremioTraktAddon(SCROBBLING_ACCOUNT.id)] });
    expect(check(own.report, 'scrobbling.addons')).toMatchObject({ verdict: 'pass', problems: [] });
  });

  it('history pages > 1: page 1 first, then the rest together, every watch matched', async () => {
    const history = Array.from({ length: 600 }, (_, i) => ({
      watchedAt: daysAgo(NOW, 0.01 + i * 0.009),
      imdb: `tt9${String(i).padStart(6, '0')}`,
      title: `Paged ${i}`,
    }));
    const library = [0, 300, 599].map((i) =>
      finishedMovie(NOW, `tt9${String(i).padStart(6, '0')}`, `Paged ${i}`, 0.01 + i * 0.009),
    );
    const { report } = await run({ history, library });
    const pages = world.traktApi.requests.filter((r) => r.path === '/users/me/history').slice(-3);
    expect(pages.map((r) => r.query.get('page')).sort()).toEqual(['1', '2', '3']);
    expect(pages.every((r) => r.query.get('limit') === '250')).toBe(true);
    expect(check(report, 'scrobbling.trakt-history').details).toMatchObject({
      entries: 600,
      pagesRead: 3,
      complete: true,
    });
    expect(check(report, 'scrobbling.comparison').summary).toMatch(/^All 3 titles/);
  });

  it('more history than the bound: the newest 10 pages are read, and older watches are not called missing', async () => {
    const history = Array.from({ length: 2600 }, (_, i) => ({
      watchedAt: daysAgo(NOW, 0.01 + i * 0.002),
      imdb: `tt8${String(i).padStart(6, '0')}`,
      title: `Bounded ${i}`,
    }));
    const { report } = await run({
      history,
      library: [
        finishedMovie(NOW, 'tt8000000', 'Bounded 0', 0.01),
        // Older than the 2 500th entry and not in history at all: outside what was read, so not compared.
        finishedMovie(NOW, 'tt7000001', 'Too Old To Tell', 5.15),
      ],
    });
    expect(check(report, 'scrobbling.trakt-history').details).toMatchObject({
      entries: 2500,
      pagesRead: 10,
      pageCount: 11,
      complete: false,
    });
    expect(check(report, 'scrobbling.trakt-history').summary).toContain('older watches are not compared');
    expect(check(report, 'scrobbling.comparison')).toMatchObject({ verdict: 'pass' });
    expect(check(report, 'scrobbling.comparison').summary).toMatch(/^All 1 title/);
  });

  it('Trakt 401 on the history → TRAKT_TOKEN_REVOKED, the comparison skipped with the reason', async () => {
    const { report } = await run({ library: [finishedMovie(NOW, 'tt0000030', 'Any', 1)] }, () =>
      trakt.revoke(SCROBBLING_ACCOUNT.traktToken),
    );
    const history = check(report, 'scrobbling.trakt-history');
    expect(history.verdict).toBe('fail');
    expect(history.problems).toEqual(['TRAKT_TOKEN_REVOKED']);
    // The Trakt client's reading, nested as the shared message (docs/i18n.md), not an English fragment.
    expect(history.summary).toBe(
      "Trakt's history could not be read: Trakt refuses the token (401): its access was revoked or replaced.",
    );
    expect(history.message).toEqual({
      key: 'checks-scrobbling:trakt-history.refused',
      params: { reason: { key: 'checks-revoked:users-settings.unauthorized' } },
    });
    const evidence = report.findings.find((f) => f.problem === 'TRAKT_TOKEN_REVOKED')?.evidence ?? [];
    expect(evidence.some((e) => e.startsWith('scrobbling.trakt-history: GET /users/me/history → 401'))).toBe(true);
    expect(check(report, 'scrobbling.comparison').verdict).toBe('skipped');
  });

  it('Trakt 429 on the history only → TRAKT_RATE_LIMITED with Retry-After, no false "not reaching Trakt"', async () => {
    const { report } = await run({ library: [finishedMovie(NOW, 'tt0000031', 'Any', 1)] }, () => {
      trakt.pathStates['/users/me/history'] = { kind: 'rate-limited', retryAfter: '30' };
    });
    expect(check(report, 'scrobbling.trakt-history').verdict).toBe('warn');
    expect(check(report, 'scrobbling.trakt-history').summary).toContain('try again in 30 s');
    expect(codes(report)).toContain('TRAKT_RATE_LIMITED');
    expect(codes(report)).not.toContain('SCROBBLES_NOT_REACHING_TRAKT');
  });

  it('garbage JSON from datastoreGet or the history → the check errors with a reason, nothing crashes', async () => {
    const library = await run({}, () => {
      stremio.methodReplies.datastoreGet = { status: 200, body: '{"result": [{"_id": "tt1", "name": ' };
    });
    expect(check(library.report, 'scrobbling.library')).toMatchObject({ verdict: 'error' });
    expect(check(library.report, 'scrobbling.library').summary).toBe(
      "Stremio's answer to datastoreGet could not be read: the answer (HTTP 200) is not JSON.",
    );
    // What the answer lacked is the client's message, not an English fragment (docs/i18n.md).
    expect(check(library.report, 'scrobbling.library').message?.params?.reason).toEqual({
      key: 'clients:stremioAnswer.notJson',
      params: { status: 200 },
    });
    const history = await run({}, () => {
      trakt.pathStates['/users/me/history'] = { kind: 'garbage-200' };
    });
    expect(check(history.report, 'scrobbling.trakt-history').verdict).toBe('error');
    expect(check(history.report, 'scrobbling.trakt-history').summary).toBe(
      "Trakt's history could not be read: Trakt answered the history request with something that is not a list of history entries.",
    );
  });

  it('a lastWatched in the future and a duration of 0: left out and said so, never counted as missing', async () => {
    const { report } = await run({
      library: [
        finishedMovie(NOW, 'tt0000040', 'Future Movie', -3),
        { id: 'tt0000041', name: 'No Duration', lastWatched: daysAgo(NOW, 1), timeWatched: 5_000_000, duration: 0 },
        { ...finishedMovie(NOW, 'tt0000042', 'Flagged', 1), duration: 0, timeWatched: 0, flaggedWatched: 1 },
      ],
      history: [{ watchedAt: daysAgo(NOW, 1), imdb: 'tt0000042', title: 'Flagged' }],
    });
    const library = check(report, 'scrobbling.library');
    expect(library.details).toMatchObject({ futureDated: 1, unknownDuration: 1, finishedSinceLink: 1 });
    expect(library.summary).toContain('1 with a "last watched" date in the future');
    expect(check(report, 'scrobbling.comparison').summary).toMatch(/^All 1 title you finished/);
  });

  it('the events path: answers → pass; dropped or a blocker page while the API answers → STREMIO_EVENTS_BLOCKED', async () => {
    const open = await run({});
    expect(check(open.report, 'scrobbling.events-path').verdict).toBe('pass');
    // The probe carries no auth key and no events: nothing can be recorded on the account.
    const probe = world.stremioApi.requests.filter((r) => r.path === '/api/events').at(-1);
    expect(JSON.parse(probe?.body ?? 'null')).toEqual({ type: 'Events', events: [] });

    const dropped = await run({}, () => (stremio.eventsPath = 'dropped'));
    expect(check(dropped.report, 'scrobbling.events-path').verdict).toBe('fail');
    expect(dropped.report.findings.find((f) => f.problem === 'STREMIO_EVENTS_BLOCKED')).toMatchObject({
      severity: 'critical',
      confidence: 0.8,
    });
    const page = await run({}, () => (stremio.eventsPath = 'blocker-page'));
    expect(page.report.findings.find((f) => f.problem === 'STREMIO_EVENTS_BLOCKED')?.confidence).toBe(0.7);
  });

  it('without credentials every Scrobbling check is skipped, naming the missing sign-in', async () => {
    installScrobblingWorld(world, { nowMs: NOW });
    const ctx = await contextFor(world, {}, { now: () => NOW });
    const report = await diagnose(ctx, { steps: ['scrobbling'] });
    const own = report.checks.filter((c) => c.step === 'scrobbling');
    expect(own).toHaveLength(7);
    expect(own.every((c) => c.verdict === 'skipped')).toBe(true);
    expect(own[0]?.summary).toMatch(/Stremio account/);
  });
});
