import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IncidentFeedCache } from '../../electron/engine/runtime/context';
import { diagnose } from '../kit/diagnose';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { IpcResult, RunEvent } from '../../shared/ipc';
import { ReportSchema, type Report } from '../../shared/report';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { contextFor } from '../kit/engine';
import { serveStremioUpdater, serveWizardRelease } from '../kit/emulators/stremio-updater';
import { feedPayload, incident, newFeedKey, signedFeed } from '../kit/incident-feed';
import { FEED_PATH, startWorld, type World } from '../kit/world';

// Text that must never reach a report, a summary or the screen unless the feed carrying it verified.
const MARKER = 'Unverified marker text';

/** A cache in memory, as the app's electron-store and the CLI's file behave. */
function memoryCache(initial: string | null = null): IncidentFeedCache & { document: string | null } {
  const cache = {
    document: initial,
    read: async () => cache.document,
    write: async (document: string) => void (cache.document = document),
  };
  return cache;
}

describe('the known-incidents feed through the engine (loopback HTTPS)', () => {
  let world: World;
  let home: string;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    home = await mkdtemp(path.join(tmpdir(), 'doctor-incidents-'));
  });
  afterAll(() => world.close());
  beforeEach(() => {
    world.incidents.fault = 'normal';
    world.incidents.latencyMs = 0;
    serveStremioUpdater(world.stremioWeb);
    serveWizardRelease(world.wizardReleases, 'not-found');
  });

  const serve = (body: string, status = 200) =>
    world.incidents.route('GET', FEED_PATH, { status, headers: { 'content-type': 'text/plain' }, body });

  /** The version step on an empty machine: one finding, STREMIO_NOT_FOUND (info), and the feed beside it. */
  const run = async (
    options: { cache?: IncidentFeedCache; locale?: string; now?: number; probeMs?: number } = {},
  ): Promise<Report> => {
    const ctx = await contextFor(
      world,
      { stremio: { searchRoots: [home] }, ...(options.probeMs ? { timeouts: { probeMs: options.probeMs } } : {}) },
      {
        platform: 'win32',
        ...(options.cache ? { incidentCache: options.cache } : {}),
        ...(options.locale ? { locale: options.locale } : {}),
        ...(options.now ? { now: () => options.now! } : {}),
      },
    );
    const report = await diagnose(ctx, { steps: ['version'] });
    expect(ReportSchema.safeParse(report).success).toBe(true);
    return report;
  };
  const feedCheck = (report: Report) => report.checks.find((c) => c.id === 'connectivity.incidents')!;
  const finding = (report: Report, code: string) => report.findings.find((f) => f.problem === code);
  const matching = (overrides: Record<string, unknown> = {}) =>
    incident({ matches: { problems: ['STREMIO_NOT_FOUND'] }, ...overrides });

  it('matches a signed feed to the finding it explains: id, title, since, links', async () => {
    serve(signedFeed(feedPayload([matching()])));
    const report = await run();
    expect(feedCheck(report)).toMatchObject({ verdict: 'pass', step: 'connectivity', problems: [] });
    expect(feedCheck(report).details).toMatchObject({ source: 'download', inForce: ['trakt-sign-in-2026'] });
    expect(finding(report, 'STREMIO_NOT_FOUND')?.incident).toEqual({
      id: 'trakt-sign-in-2026',
      title: "Trakt's new sign-in breaks Stremio's link",
      since: '2026-07-23',
      links: ['https://github.com/trakt/trakt-api/issues/887'],
      body: 'Nothing on your computer fixes it.',
    });
    expect(finding(report, 'KNOWN_INCIDENT')).toBeUndefined();
    const markdown = renderSummaryMarkdown(report);
    expect(markdown).toContain('Known incidents: `trakt-sign-in-2026`.');
    expect(markdown).toContain('Known problem since Jul 23, 2026 — incident `trakt-sign-in-2026`');
  });

  it('picks the user language with English as the fallback', async () => {
    serve(signedFeed(feedPayload([matching()])));
    expect(finding(await run({ locale: 'de-AT' }), 'STREMIO_NOT_FOUND')?.incident?.title).toBe(
      'Die neue Trakt-Anmeldung stört Stremio',
    );
    expect(finding(await run({ locale: 'fr-FR' }), 'STREMIO_NOT_FOUND')?.incident?.title).toBe(
      "Trakt's new sign-in breaks Stremio's link",
    );
  });

  it('turns an incident that names no problem into a KNOWN_INCIDENT finding with its severity', async () => {
    serve(
      signedFeed(
        feedPayload([
          incident({ id: 'trakt-outage', severity: 'warning', matches: { problems: [] } }),
          incident({ id: 'ended', until: '2026-08-01', matches: { problems: [] } }),
          incident({
            id: 'not-yet',
            since: new Date(Date.now() + 86_400_000).toISOString(),
            matches: { problems: [] },
          }),
        ]),
      ),
    );
    const report = await run();
    const known = finding(report, 'KNOWN_INCIDENT');
    expect(known).toMatchObject({
      severity: 'warning',
      title: "Trakt's new sign-in breaks Stremio's link",
      explanation: 'Nothing on your computer fixes it.',
      checks: ['connectivity.incidents'],
      incident: { id: 'trakt-outage' },
    });
    // Only incidents in force: one that ended and one not begun are neither announced nor matched.
    expect(known?.evidence).toEqual([expect.stringContaining('incident trakt-outage')]);
    expect(finding(report, 'STREMIO_NOT_FOUND')?.incident).toBeUndefined();
  });

  const tamper = (document: string) => {
    const parsed = JSON.parse(document) as { payload: string; signature: string };
    // One added space: still JSON with the same meaning, but not the bytes that were signed.
    return JSON.stringify({ ...parsed, payload: parsed.payload.replace('"incidents":[', '"incidents": [') });
  };
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const past = new Date(Date.now() - 60_000).toISOString();
  const titled = (overrides: Record<string, unknown> = {}) => matching({ title: { en: MARKER }, ...overrides });
  const huge = (n: number) =>
    Array.from({ length: n }, (_, i) => titled({ id: `incident-${i}`, links: [], body: { en: MARKER } }));

  it.each([
    ['a tampered payload', () => tamper(signedFeed(feedPayload([titled()]))), /signature does not verify/],
    ['a feed signed with another key', () => signedFeed(feedPayload([titled()]), newFeedKey()), /signature/],
    ['an expired feed', () => signedFeed(feedPayload([titled()], Date.now(), { expiresAt: past })), /expired on/],
    [
      'a feed issued in the future',
      () => signedFeed(feedPayload([titled()], Date.now(), { issuedAt: future })),
      /issued in the future/,
    ],
    ['an oversize feed', () => signedFeed(feedPayload([titled()])).padEnd(70_000), /larger than 64(\.0)? KiB/],
    ['a non-JSON answer', () => `<!doctype html><title>${MARKER}</title>`, /not JSON/],
    [
      'a javascript: link',
      () => signedFeed(feedPayload([titled({ links: ['javascript:alert(1)'] })])),
      /links\.0: not an https link/,
    ],
    ['10 000 incidents', () => signedFeed(feedPayload(huge(10_000))), /larger than 64(\.0)? KiB/],
    ['51 incidents within the size', () => signedFeed(feedPayload(huge(51))), /incidents: too long or too many/],
    [
      'markup in a title',
      () => signedFeed(feedPayload([matching({ title: { en: '<b>bold</b>' } })])),
      /not plain text/,
    ],
  ])('ignores %s: INCIDENT_FEED_INVALID (info) with the reason, nothing of it shown', async (_what, body, reason) => {
    serve(body());
    const started = performance.now();
    const report = await run();
    expect(performance.now() - started).toBeLessThan(5000);
    expect(feedCheck(report)).toMatchObject({ verdict: 'warn', problems: ['INCIDENT_FEED_INVALID'] });
    expect(feedCheck(report).summary).toMatch(reason);
    expect(finding(report, 'INCIDENT_FEED_INVALID')).toMatchObject({ severity: 'info' });
    expect(finding(report, 'INCIDENT_FEED_INVALID')?.evidence.join(' ')).toMatch(reason);
    expect(report.findings.some((f) => f.incident)).toBe(false);
    expect(finding(report, 'KNOWN_INCIDENT')).toBeUndefined();
    for (const text of [JSON.stringify(report), renderSummaryMarkdown(report)]) {
      expect(text).not.toContain(MARKER);
      expect(text).not.toContain('javascript:');
      expect(text).not.toContain('<b>');
    }
  });

  // docs/i18n.md: why a feed was refused is the client's message, said in the run's language; the evidence stays English.
  it('says why a feed was refused in German, and keeps the English rule in the evidence', async () => {
    serve(tamper(signedFeed(feedPayload([titled()]))));
    const report = await run({ locale: 'de' });
    expect(feedCheck(report).summary).toBe(
      'Der Feed bekannter Störungen wurde verworfen: seine Signatur lässt sich mit dem öffentlichen Schlüssel nicht bestätigen. Nichts daraus wird angezeigt.',
    );
    expect(feedCheck(report).message).toEqual({
      key: 'checks-connectivity:incidents.ignored',
      params: { reason: { key: 'clients:incidentFeed.badSignature' } },
    });
    expect(finding(report, 'INCIDENT_FEED_INVALID')?.evidence.join(' ')).toContain(
      'its signature does not verify with the public key',
    );
  });

  it('keeps the verified feed and uses it offline while it has not expired', async () => {
    const cache = memoryCache();
    serve(signedFeed(feedPayload([matching()])));
    await run({ cache });
    expect(cache.document).not.toBeNull();

    world.incidents.fault = 'reset';
    const offline = await run({ cache });
    expect(feedCheck(offline)).toMatchObject({ verdict: 'pass', problems: [] });
    expect(feedCheck(offline).summary).toMatch(/could not be read.*last verified copy is used/);
    expect(feedCheck(offline).details).toMatchObject({ source: 'cache' });
    expect(finding(offline, 'STREMIO_NOT_FOUND')?.incident?.id).toBe('trakt-sign-in-2026');
  });

  it('offline with an expired kept feed: no incidents, the check says why', async () => {
    const cache = memoryCache(signedFeed(feedPayload([matching()])));
    world.incidents.fault = 'reset';
    const report = await run({ cache, now: Date.now() + 8 * 86_400_000 });
    expect(feedCheck(report).verdict).toBe('skipped');
    expect(feedCheck(report).summary).toMatch(/no verified copy within its expiry is kept/);
    expect(report.findings.some((f) => f.incident)).toBe(false);
    expect(report.untested).toContainEqual(expect.objectContaining({ check: 'connectivity.incidents' }));
  });

  it('refuses a kept copy edited on disk, and a replayed older feed over a newer kept one', async () => {
    const edited = memoryCache(tamper(signedFeed(feedPayload([matching()]))));
    world.incidents.fault = 'reset';
    expect(feedCheck(await run({ cache: edited })).verdict).toBe('skipped');

    world.incidents.fault = 'normal';
    const newer = memoryCache(signedFeed(feedPayload([matching({ id: 'newer' })], Date.now())));
    serve(signedFeed(feedPayload([matching({ id: 'older' })], Date.now() - 86_400_000)));
    const report = await run({ cache: newer });
    expect(feedCheck(report).summary).toMatch(/older than the kept copy/);
    expect(finding(report, 'STREMIO_NOT_FOUND')?.incident?.id).toBe('newer');
  });

  it('a 404 (nothing published) is not an invalid feed: skipped, no finding', async () => {
    serve('', 404);
    const report = await run();
    expect(feedCheck(report)).toMatchObject({ verdict: 'skipped', problems: [] });
    expect(feedCheck(report).summary).toMatch(/HTTP 404/);
  });

  it('never lengthens the diagnosis: a slow feed is cut when the other checks are done, the kept copy is used', async () => {
    const cache = memoryCache(signedFeed(feedPayload([matching()])));
    serve(signedFeed(feedPayload([matching({ id: 'slow' })])));
    world.incidents.latencyMs = 3000;
    const started = performance.now();
    const report = await run({ cache, probeMs: 5000 });
    const wall = performance.now() - started;
    expect(wall).toBeLessThan(2000);
    expect(feedCheck(report).summary).toMatch(/the diagnosis finished first.*last verified copy is used/);
    expect(finding(report, 'STREMIO_NOT_FOUND')?.incident?.id).toBe('trakt-sign-in-2026');
  });

  it('through the IPC service: the platform’s cache and language, the feed check streamed like any other', async () => {
    serve(signedFeed(feedPayload([matching()])));
    const cache = memoryCache();
    const events: RunEvent[] = [];
    const service = createDoctorService({
      config: resolveConfig(world.config({ stremio: { searchRoots: [home] } })),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
        incidentCache: cache,
        locale: 'de',
      },
      onRunEvent: (event) => events.push(event),
      contextOptions: { env: {}, platform: 'win32' },
    });
    const answer = (await dispatchIpc(service.handlers, 'diagnosis:run', { runId: 'inc-1', steps: ['version'] }, (t) =>
      service.secrets.redact(t),
    )) as IpcResult<Report>;
    if (!answer.ok) throw new Error(answer.error.message);
    expect(finding(answer.value, 'STREMIO_NOT_FOUND')?.incident?.title).toBe('Die neue Trakt-Anmeldung stört Stremio');
    expect(cache.document).not.toBeNull();
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'check-finished',
        result: expect.objectContaining({ id: 'connectivity.incidents' }),
      }),
    );
  });
});
