import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import {
  SCROBBLING_ACCOUNT,
  daysAgo,
  finishedEpisode,
  finishedMovie,
  installScrobblingWorld,
} from '../kit/emulators/scrobbling-world';
import { libraryItem, type LibraryFixture } from '../kit/emulators/stremio';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const ITEMS = 20_000;
/** Generous bounds for a shared 2-core machine; the figures printed are the record. */
const MAX_MS = 6000;
const MAX_HEAP_GROWTH_MB = 250;

/** A library like a heavy user's: mostly old items, some watched since the link, a few finished. */
function bigLibrary(): LibraryFixture[] {
  return Array.from({ length: ITEMS }, (_, i): LibraryFixture => {
    const id = `tt${String(1_000_000 + i)}`;
    if (i % 1000 === 0) return finishedMovie(NOW, id, `Big Library Movie ${i}`, 1 + (i % 5));
    if (i % 1000 === 1) return finishedEpisode(NOW, id, `Big Library Show ${i}`, 2, 3, 2);
    return {
      id,
      name: `Big Library Title ${i} with a realistically long name`,
      type: i % 3 === 0 ? 'series' : 'movie',
      lastWatched: i % 4 === 0 ? null : daysAgo(NOW, 10 + (i % 900)),
      timeWatched: 1_000_000,
      duration: 6_000_000,
      ...(i % 3 === 0 ? { videoId: `${id}:1:${1 + (i % 20)}` } : {}),
    };
  });
}

describe('a library of 20 000 items', () => {
  let world: World;
  let bytes = 0;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 5000 });
    const library = bigLibrary();
    const { stremio } = installScrobblingWorld(world, {
      nowMs: NOW,
      history: library
        .filter((_, i) => i % 1000 === 0)
        .map((item) => ({ watchedAt: item.lastWatched!, imdb: item.id, title: item.name })),
    });
    // Served as one prebuilt body, so the figures measure the engine, not the emulator's serialiser.
    const body = Buffer.from(JSON.stringify({ result: library.map(libraryItem) }));
    bytes = body.length;
    stremio.methodReplies.datastoreGet = { status: 200, headers: { 'content-type': 'application/json' }, body };
  });
  afterAll(() => world.close());

  it(`reads, matches and reports within ${MAX_MS} ms and ${MAX_HEAP_GROWTH_MB} MB of heap`, async () => {
    const ctx = await contextFor(world, {}, { now: () => NOW });
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
    const started = performance.now();
    const report = await diagnose(ctx, {
      steps: ['scrobbling'],
      credentials: { kind: 'auth-key', authKey: SCROBBLING_ACCOUNT.authKey },
    });
    const ms = performance.now() - started;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    const growthMb = (peak - before) / 1024 / 1024;
    const library = report.checks.find((c) => c.id === 'scrobbling.library');
    const libraryMs = library?.durationMs ?? -1;
    console.log(
      `FIGURE scrobbling 20k library: ${(bytes / 1024 / 1024).toFixed(1)} MiB answer; whole step ${ms.toFixed(0)} ms (library check ${libraryMs} ms); heap growth peak ${growthMb.toFixed(0)} MB`,
    );
    expect(library?.details).toMatchObject({ items: ITEMS, read: ITEMS, unreadable: 0 });
    expect(library?.details).toMatchObject({ finishedSinceLink: 40 });
    expect(report.checks.find((c) => c.id === 'scrobbling.comparison')?.summary).toMatch(/^20 of 40 titles/);
    expect(ms).toBeLessThan(MAX_MS);
    expect(growthMb).toBeLessThan(MAX_HEAP_GROWTH_MB);
  });
});
