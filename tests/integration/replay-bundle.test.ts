import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBundle } from '../../electron/engine/bundle';
import { CONNECTIVITY_CHECKS } from '../../electron/engine/checks/connectivity';
import type { TraceEntry } from '../../electron/engine/net/trace';
import { diagnose } from '../kit/diagnose';
import type { Report } from '../../shared/report';
import { contextFor } from '../kit/engine';
import { readZip } from '../kit/read-zip';
import { replayTrace } from '../kit/replay-trace';
import { startWorld, type World } from '../kit/world';

// docs/testing.md "Reproducing a user's world": a bundle from one world (the "user's") is enough to
// shape a fresh world that gives the same findings — the trace alone, no bodies, no secrets.

/** Cloudflare's WAF answer as the trace keeps it: who answered, no body (trakt-api#670). */
const CLOUDFLARE_BLOCK = {
  status: 403,
  headers: { server: 'cloudflare', 'cf-ray': '8f9e2d1c0b4a3f21-FRA', 'content-type': 'text/html; charset=UTF-8' },
  body: '<!DOCTYPE html><title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>',
};

const problems = (report: Report) => report.findings.map((f) => f.problem).sort();
const connectivity = async (world: World) =>
  diagnose(await contextFor(world), { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);

describe('reproducing a user world from their bundle', () => {
  let users: World;
  let ours: World;
  let folder: string;
  beforeAll(async () => {
    [users, ours] = await Promise.all([startWorld(), startWorld()]);
    folder = await mkdtemp(path.join(tmpdir(), 'doctor-replay-'));
  });
  afterAll(async () => {
    await Promise.all([users.close(), ours.close(), rm(folder, { recursive: true, force: true })]);
  });

  it('gives the same findings from the bundle network trace alone', async () => {
    // The user's network: Cloudflare blocks Trakt, and every server's clock reads 10 minutes ahead of theirs.
    users.traktWeb.fallback(CLOUDFLARE_BLOCK);
    users.traktApi.fallback(CLOUDFLARE_BLOCK);
    for (const host of [users.stremioWeb, users.stremioApi, users.traktWeb, users.traktApi, users.traktAuth])
      host.dateOffsetMs = 10 * 60_000;
    const ctx = await contextFor(users);
    const usersReport = await diagnose(ctx, { steps: ['connectivity'] }, {}, CONNECTIVITY_CHECKS);
    expect(problems(usersReport)).toEqual(['CLOCK_SKEW', 'CLOUDFLARE_BLOCKED']);
    const written = await writeBundle({ report: usersReport, ctx }, path.join(folder, 'bundle.zip'));
    if (!written.ok) throw new Error(written.message);

    // Our side: a healthy world finds nothing until it is shaped by the bundle's trace.
    expect(problems(await connectivity(ours))).toEqual([]);
    const entries = await readZip(written.path);
    const trace = JSON.parse(
      entries.find((e) => e.name === 'network-trace.json')!.data.toString('utf8'),
    ) as TraceEntry[];
    expect(trace.length).toBeGreaterThan(0);
    const replayed = replayTrace(ours, trace);
    // `Date` has a one-second resolution: the recorded offset is 10 minutes give or take a second.
    expect(Math.abs(replayed.find((h) => h.host === 'trakt.tv')!.dateOffsetMs - 10 * 60_000)).toBeLessThanOrEqual(1000);

    const reproduced = await connectivity(ours);
    expect(problems(reproduced)).toEqual(problems(usersReport));
    const skew = reproduced.findings.find((f) => f.problem === 'CLOCK_SKEW')!;
    expect(skew.severity).toBe('critical');
    expect(reproduced.findings.find((f) => f.problem === 'CLOUDFLARE_BLOCKED')!.evidence.join('\n')).toContain(
      'server: cloudflare',
    );
  });
});
