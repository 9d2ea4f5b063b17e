import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RelinkDetailsSchema } from '../../shared/check-details/closed-loop';
import { readDetails } from '../../shared/check-details/details-schema';
import type { WatchProgress } from '../../shared/check-details/closed-loop';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { diagnose } from '../kit/diagnose';
import { renderTextReport } from '../../electron/hosts/cli/text-report';
import { LOOP_ACCOUNT, installClosedLoopWorld, type ClosedLoopWorld } from '../kit/emulators/closed-loop-world';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';

const CREDENTIALS = { kind: 'auth-key', authKey: LOOP_ACCOUNT.authKey } as const;

describe('token.relink: watching a re-link take effect (real loopback servers)', () => {
  let world: World;
  let loop: ClosedLoopWorld;
  beforeEach(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterEach(() => world.close());

  it('confirms a fresh link after the wait, and the expired-link finding becomes fixed everywhere', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    // Stremio stores the new link after the account check's read and the watch's first poll.
    loop.relinkAfter(2);
    const progress: WatchProgress[] = [];
    // A run deadline far below the wait: the interactive watch is exempt from it.
    const ctx = await contextFor(world, { timeouts: { probeMs: 1500, overallMs: 3000 } });
    const started = performance.now();
    const report = await diagnose(ctx, {
      steps: ['token'],
      credentials: CREDENTIALS,
      relink: { waitMs: 20_000, onProgress: (p) => progress.push(p) },
    });
    const wallMs = performance.now() - started;
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('pass');
    expect(relink.summary).toMatch(/^Linked again — valid until /);
    const details = readDetails(relink.details, RelinkDetailsSchema)!;
    expect(details).toMatchObject({ waitSeconds: 20, polls: 2, failedPolls: 0, pollEverySeconds: 5 });
    expect(details.renewedAt).not.toBeNull();
    expect(Date.parse(details.after!.createdAt)).toBeGreaterThan(Date.parse(details.before!.createdAt));
    // The second poll came 5 s after the first: polite, and past the run's 3 s deadline.
    expect(wallMs).toBeGreaterThanOrEqual(4900);
    expect(loop.stremio.apiRequests('getUser')).toHaveLength(3);
    expect(progress.map((p) => p.phase)).toEqual(['started', 'polled', 'finished']);
    expect(progress.at(-1)).toMatchObject({ polls: 2, seen: true });

    const expired = report.findings.find((f) => f.problem === 'TRAKT_TOKEN_EXPIRED')!;
    expect(expired.resolution).toEqual({ confirmedAt: details.renewedAt, by: 'token.relink' });
    expect(expired.severity).toBe('critical');
    expect(report.findings.filter((f) => f.severity === 'critical' && !f.resolution)).toEqual([]);
    expect(renderSummaryMarkdown(report)).toMatch(/\*\*Fixed\*\*, confirmed at \d\d:\d\d UTC by `token\.relink`/);
    const text = renderTextReport(report);
    expect(text).toMatch(/fixed, confirmed at .+ by Watching for a new Trakt link/);
    // A finding confirmed fixed is never the verdict line.
    expect(text.split('\n')[1]).not.toMatch(/Trakt link (has )?expired/i);
    // The new token is a secret like the old one.
    expect(JSON.stringify(report)).not.toContain(LOOP_ACCOUNT.newTraktToken);
  }, 30_000);

  it('a link renewed before the watch started is confirmed by the first poll', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'none' });
    loop.relinkAfter(1);
    const ctx = await contextFor(world);
    const report = await diagnose(ctx, { steps: ['token'], credentials: CREDENTIALS, relink: { waitMs: 20_000 } });
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('pass');
    expect(readDetails(relink.details, RelinkDetailsSchema)).toMatchObject({ polls: 1, before: null });
    expect(report.findings.find((f) => f.problem === 'TRAKT_NOT_LINKED')?.resolution?.by).toBe('token.relink');
  });

  it('an unchanged link ends in TRAKT_LINK_NOT_RENEWED, the failing sign-in chain ranked first', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired', signIn: 'legacy' });
    const ctx = await contextFor(world);
    const report = await diagnose(ctx, { steps: ['token'], credentials: CREDENTIALS, relink: { waitMs: 1200 } });
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('warn');
    expect(relink.problems).toEqual(['TRAKT_LINK_NOT_RENEWED']);
    expect(readDetails(relink.details, RelinkDetailsSchema)).toMatchObject({ polls: 1, renewedAt: null });
    const finding = report.findings.find((f) => f.problem === 'TRAKT_LINK_NOT_RENEWED')!;
    expect(finding.fix.steps[0]).toBe(
      "Stremio's Trakt sign-in link fails from this computer (\"Stremio's sign-in link ends in an error on Trakt's API address\"): fix that first, then authenticate again.",
    );
    expect(finding.fix.steps[1]).toMatch(/^If your Stremio account has several profiles/);
    expect(finding.fix.steps[2]).toMatch(/press "Yes" on Trakt's approval page/);
    expect(finding.alsoPossible).toEqual(['AUTH_URL_WRONG_HOST']);
    // Nothing was confirmed: the expired link and the broken sign-in stay open.
    expect(report.findings.filter((f) => f.resolution)).toEqual([]);
    // The copy summary says the ranked steps again in another language.
    const { createTranslator } = await import('../../shared/i18n/translator');
    const de = renderSummaryMarkdown(report, await createTranslator('de'));
    expect(de).toContain('Hat Ihr Stremio-Konto mehrere Profile, tun Sie das im Hauptprofil');
  });

  it('a chain that reached Trakt is said last, after what to check', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'valid' });
    const ctx = await contextFor(world);
    const report = await diagnose(ctx, { steps: ['token'], credentials: CREDENTIALS, relink: { waitMs: 1200 } });
    const steps = report.findings.find((f) => f.problem === 'TRAKT_LINK_NOT_RENEWED')!.fix.steps;
    expect(steps[0]).toMatch(/^If your Stremio account has several profiles/);
    expect(steps.at(-1)).toBe(
      "Stremio's Trakt sign-in link reached Trakt's sign-in page from this computer: the link itself works.",
    );
  });

  it('stops at once on cancel, the check skipped: cancelled', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    const ctx = await contextFor(world);
    const cancel = new AbortController();
    const started = performance.now();
    const run = diagnose(
      ctx,
      {
        steps: ['token'],
        credentials: CREDENTIALS,
        relink: { waitMs: 60_000, onProgress: (p) => p.phase === 'started' && setTimeout(() => cancel.abort(), 200) },
      },
      { signal: cancel.signal },
    );
    const report = await run;
    expect(performance.now() - started).toBeLessThan(3000);
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('skipped');
    expect(relink.summary).toBe('Stopped: the run was cancelled.');
    expect(report.untested.map((u) => u.check)).toContain('token.relink');
  });

  it('never starts unless asked: without the option it is skipped as opt-in and reads nothing', async () => {
    loop = installClosedLoopWorld(world, { nowMs: Date.now(), link: 'expired' });
    const ctx = await contextFor(world);
    const report = await diagnose(ctx, { steps: ['token'], credentials: CREDENTIALS });
    const relink = report.checks.find((c) => c.id === 'token.relink')!;
    expect(relink.verdict).toBe('skipped');
    expect(relink.summary).toMatch(/opt-in/);
    expect(loop.stremio.apiRequests('getUser')).toHaveLength(1);
  });
});
