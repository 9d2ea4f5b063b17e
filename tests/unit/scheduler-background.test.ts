import { say, testCheck, testContext } from '../kit/test-texts';
import { describe, expect, it } from 'vitest';
import type { AnyCheck } from '../../electron/engine/runtime/check';
import { resolveConfig } from '../../electron/engine/core/config';
import { planRun } from '../../electron/engine/session/run-plan';
import { diagnose } from '../kit/diagnose';

const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const foreground = (ms: number, dependsOn: readonly AnyCheck[] = []): AnyCheck =>
  testCheck<undefined>({
    id: 'token.work',
    step: 'token',
    title: 'Work',
    dependsOn,
    codes: [],
    budgetMs: () => 5000,
    run: async () => (await sleep(ms), { verdict: 'pass', summary: say('done') }),
  });

/** A background check that waits `ms` unless told to stop, then answers from what it has. */
const background = (ms: number, honoursStop = true): AnyCheck =>
  testCheck<undefined>({
    id: 'connectivity.feed',
    step: 'connectivity',
    title: 'Feed',
    dependsOn: [],
    codes: [],
    background: true,
    budgetMs: () => 10_000,
    run: ({ signal }) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve({ verdict: 'pass', summary: say('downloaded') }), ms);
        if (honoursStop)
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve({ verdict: 'pass', summary: say('answered from the kept copy') });
          });
      }),
  });

describe('background checks', () => {
  it('run in every run whatever its steps, and are never waited for past the other checks', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const started = performance.now();
    const report = await diagnose(ctx, { steps: ['token'] }, {}, [foreground(100), background(3000)]);
    expect(performance.now() - started).toBeLessThan(600);
    expect(report.checks.map((c) => [c.id, c.summary])).toEqual([
      ['token.work', 'done'],
      ['connectivity.feed', 'answered from the kept copy'],
    ]);
  });

  it('finish on their own when faster than the run', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const report = await diagnose(ctx, { steps: ['token'] }, {}, [foreground(300), background(50)]);
    expect(report.checks.find((c) => c.id === 'connectivity.feed')?.summary).toBe('downloaded');
  });

  it('are stopped shortly after the run when they ignore the stop', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const started = performance.now();
    const report = await diagnose(ctx, { steps: ['token'] }, {}, [foreground(50), background(5000, false)]);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(report.checks.find((c) => c.id === 'connectivity.feed')).toMatchObject({
      verdict: 'error',
      summary: 'Stopped: the diagnosis finished first.',
    });
  });

  it('cannot be depended on: that would put them on the critical path', () => {
    const feed = background(0);
    const state = { kept: new Map(), ranSteps: new Set<never>(), freshInput: false };
    expect(() => planRun([feed, foreground(0, [feed])], { kind: 'steps', steps: ['token'] }, state)).toThrow(
      /background check/,
    );
  });
});
