import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeBundle } from '../../electron/engine/bundle';
import { resolveConfig } from '../../electron/engine/core/config';
import { DiagnosisSession, type SessionEvent } from '../../electron/engine/session/diagnosis-session';
import { renderTextReport } from '../../electron/hosts/cli/text-report';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import {
  LOOP_ACCOUNT,
  PLANTED_WATCH,
  installClosedLoopWorld,
  type ClosedLoopWorld,
} from '../kit/emulators/closed-loop-world';
import { contextFor } from '../kit/engine';
import { recordedService } from '../kit/doctor-service';
import { readZip } from '../kit/read-zip';
import { startWorld, type World } from '../kit/world';

// What Trakt shows in progress is personal: the live scrobble test may show its title in the window's own
// panel (the check's window-only payload) and nowhere else — not the report, its text, the copy summary, the
// log, the network trace, IPC answers, other run events or the bundle.

function expectNoTitle(where: string, text: string): void {
  expect(text.includes(PLANTED_WATCH.title), `the title leaked into ${where}`).toBe(false);
  expect(text.includes(encodeURIComponent(PLANTED_WATCH.title)), `the title (URL-encoded) leaked into ${where}`).toBe(
    false,
  );
}

describe('a watched title seen by the live scrobble test stays in the window', () => {
  let world: World;
  let loop: ClosedLoopWorld;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    loop = installClosedLoopWorld(world, { nowMs: Date.now() });
  });
  afterAll(() => world.close());

  it('engine: report, text, copy summary, log, trace and bundle carry none; the window payload does', async () => {
    const lines: string[] = [];
    const events: SessionEvent[] = [];
    const ctx = await contextFor(world, {}, { logSink: (line) => lines.push(line) });
    const session = new DiagnosisSession({ records: ctx });
    await session.run(
      ctx,
      { kind: 'steps', steps: ['scrobbling'] },
      {
        credentials: { kind: 'auth-key', authKey: LOOP_ACCOUNT.authKey },
      },
    );
    loop.trakt.scrobble(LOOP_ACCOUNT.traktToken, PLANTED_WATCH);
    // The watch is in progress before the test: seen by its first read.
    const report = await session.run(
      ctx,
      { kind: 'checks', ids: ['scrobbling.live'] },
      { liveScrobble: { waitMs: 20_000 } },
      { onEvent: (e) => events.push(e) },
    );
    expect(report.checks.find((c) => c.id === 'scrobbling.live')?.verdict).toBe('pass');
    expectNoTitle('report.json', JSON.stringify(report));
    expectNoTitle('the text report', renderTextReport(report));
    expectNoTitle('the copy summary', renderSummaryMarkdown(report));
    expectNoTitle('the log', lines.join('\n'));
    expectNoTitle('the network trace', JSON.stringify(ctx.trace.list()));
    const windowOnly = events.flatMap((e) => (e.type === 'check-finished' && e.windowOnly ? [e.windowOnly] : []));
    expect(JSON.stringify(windowOnly)).toContain(PLANTED_WATCH.title);
    // Any text that carries it anyway (an error, an old log line) is scrubbed by the one redaction path.
    expect(ctx.secrets.redact(`now playing ${PLANTED_WATCH.title}`)).toBe('now playing [redacted title]');

    const input = session.bundleInput();
    if (!input) throw new Error('no bundle input');
    const target = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-live-bundle-')), 'bundle.zip');
    const written = await writeBundle({ ...input, identity: { homeDirs: [], userNames: [] } }, target);
    if (!written.ok) throw new Error(written.message);
    for (const entry of await readZip(target)) expectNoTitle(`bundle ${entry.name}`, entry.data.toString('utf8'));
  }, 30_000);

  it('service: IPC answers, the bundle preview, the log and every run event but the live payload carry none', async () => {
    const { call: ipc, events, log: lines } = recordedService(resolveConfig(world.config()));
    const diagnosis = await ipc('diagnosis:run', {
      runId: 'live-1',
      steps: ['scrobbling'],
      credentials: { kind: 'auth-key', authKey: LOOP_ACCOUNT.authKey },
    });
    expect(diagnosis.ok).toBe(true);
    const watch = await ipc('diagnosis:run', {
      runId: 'live-2',
      watch: { check: 'scrobbling.live', waitSeconds: 30 },
    });
    expect(watch.ok).toBe(true);
    const preview = await ipc('bundle:preview', {});
    expect(preview.ok).toBe(true);
    expectNoTitle('the diagnosis:run answers', JSON.stringify([diagnosis, watch]));
    expectNoTitle('the bundle preview', JSON.stringify(preview));
    expectNoTitle('the service log', lines.join('\n'));
    // The countdown's events: started, then finished at the first read, seen (no title in them).
    const progress = events.flatMap((e) => (e.type === 'watch-progress' ? [e.progress] : []));
    expect(progress.map((p) => [p.phase, p.polls, p.seen])).toEqual([
      ['started', 0, false],
      ['finished', 1, true],
    ]);
    const personal = events.filter(
      (e) => e.type === 'check-finished' && e.result.id === 'scrobbling.live' && e.windowOnly !== undefined,
    );
    expect(JSON.stringify(personal)).toContain(PLANTED_WATCH.title);
    expectNoTitle(
      'run events',
      JSON.stringify(events.map((e) => (e.type === 'check-finished' ? { ...e, windowOnly: null } : e))),
    );
  }, 30_000);
});
