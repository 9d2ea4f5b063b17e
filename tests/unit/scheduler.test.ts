import { say, testCheck, testContext } from '../kit/test-texts';
import { describe, expect, it } from 'vitest';
import type { AnyCheck, CheckSpec } from '../../electron/engine/runtime/check';
import { resolveConfig } from '../../electron/engine/core/config';
import { diagnose } from '../kit/diagnose';

const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };

function check(
  id: string,
  dependsOn: readonly AnyCheck[],
  run: CheckSpec<string, object>['run'],
  budgetMs = 1000,
): AnyCheck {
  return testCheck({
    id,
    step: 'token',
    title: `Title of ${id}`,
    dependsOn,
    codes: [],
    budgetMs: () => budgetMs,
    run,
  });
}

describe('scheduler', () => {
  it('runs independent checks concurrently and a dependent after its dependency', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const order: string[] = [];
    const a = check(
      'token.a',
      [],
      async () => (await sleep(200), order.push('a'), { verdict: 'pass', summary: say('a'), data: 'A' }),
    );
    const b = check(
      'token.b',
      [],
      async () => (await sleep(200), order.push('b'), { verdict: 'pass', summary: say('b'), data: 'B' }),
    );
    const c = check(
      'token.c',
      [a, b],
      async ({ deps }) => (order.push('c'), { verdict: 'pass', summary: say(`saw ${deps.get(a)}+${deps.get(b)}`) }),
    );
    const checks = [a, b, c];
    const started = Date.now();
    const report = await diagnose(ctx, { steps: ['token'] }, {}, checks);
    expect(Date.now() - started).toBeLessThan(380);
    expect(order.at(-1)).toBe('c');
    expect(report.checks.map((c) => c.summary)).toEqual(['a', 'b', 'saw A+B']);
  });

  it('names the root of a chain of skips instead of nesting reasons', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const account = check('token.account', [], async () => ({ verdict: 'skipped', summary: say('Not signed in.') }));
    const link = check('token.link', [account], async () => ({ verdict: 'pass', summary: say('never runs') }));
    const checks = [
      account,
      link,
      check('token.revoked', [link], async () => ({ verdict: 'pass', summary: say('never runs') })),
    ];
    const report = await diagnose(ctx, { steps: ['token'] }, {}, checks);
    expect(report.checks.map((c) => [c.verdict, c.summary])).toEqual([
      ['skipped', 'Not signed in.'],
      ['skipped', 'Skipped: it needs "Title of token.account", which was skipped (Not signed in).'],
      ['skipped', 'Skipped: it needs "Title of token.account", which was skipped (Not signed in).'],
    ]);
  });

  it('turns a check over its budget into an error and a thrown exception into an error value', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const checks = [
      check('token.slow', [], () => new Promise(() => undefined), 100),
      check('token.buggy', [], async () => {
        throw new Error('boom');
      }),
    ];
    const report = await diagnose(ctx, { steps: ['token'] }, {}, checks);
    expect(report.checks.map((c) => c.verdict)).toEqual(['error', 'error']);
    expect(report.checks[0]!.summary).toContain('100 ms budget');
    expect(report.untested.map((u) => u.check)).toEqual(['token.slow', 'token.buggy']);
  });
});
