import { say, testCheck, testContext } from '../kit/test-texts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { resolveConfig } from '../../electron/engine/core/config';
import type { AnyCheck, CheckOutcome } from '../../electron/engine/runtime/check';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { runChecks } from '../../electron/engine/runtime/scheduler';
import type { CheckResult } from '../../shared/report';

// What the engine promises about time, checked on a fake clock: the run-wide deadline (four probe
// timeouts plus 2 s), each check's own budget, cancellation, and skips that name their root cause.

const PROBE_MS = 1000;
/** The run-wide deadline the config derives from a 1 s probe timeout: 4 × 1000 + 2000. */
const DEADLINE_MS = 6000;
const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };

interface Spy {
  readonly aborted: Map<string, number>;
  readonly runs: string[];
}

/** A check that never finishes by itself: it records when its signal aborts. */
function hanging(
  spy: Spy,
  id: string,
  budgetMs: number,
  more: Partial<Pick<AnyCheck, 'interactive' | 'dependsOn'>> = {},
) {
  return testCheck({
    id,
    step: 'token',
    title: `Title of ${id}`,
    dependsOn: more.dependsOn ?? [],
    interactive: more.interactive ?? false,
    codes: [],
    budgetMs: () => budgetMs,
    run: ({ signal }) => {
      spy.runs.push(id);
      signal.addEventListener('abort', () => spy.aborted.set(id, Date.now()), { once: true });
      return new Promise<CheckOutcome>(() => undefined);
    },
  });
}

/** A check that ends after `ms` with `outcome`. */
function after(id: string, ms: number, outcome: CheckOutcome<unknown, object>, dependsOn: readonly AnyCheck[] = []) {
  return testCheck<unknown, object>({
    id,
    step: 'token',
    title: `Title of ${id}`,
    dependsOn,
    codes: ['STREMIO_NOT_SIGNED_IN'],
    budgetMs: () => 60_000,
    run: () => new Promise((resolve) => setTimeout(() => resolve(outcome), ms)),
  });
}

/** Starts a run on the fake clock; `finished` fills in as checks end, with the fake time they ended at. */
function start(ctx: EngineContext, checks: readonly AnyCheck[], signal?: AbortSignal) {
  const t0 = Date.now();
  const finished = new Map<string, { readonly result: CheckResult; readonly at: number }>();
  const done = runChecks(
    ctx,
    checks,
    { steps: ['token'] },
    {
      ...(signal ? { signal } : {}),
      onEvent: (event) => {
        if (event.type === 'check-finished')
          finished.set(event.result.id, { result: event.result, at: Date.now() - t0 });
      },
    },
  );
  return { finished, done, t0 };
}

let ctx: EngineContext;
let spy: Spy;

beforeEach(async () => {
  ctx = await testContext(resolveConfig({ ...loopbackDns, timeouts: { probeMs: PROBE_MS } }), { env: {} });
  spy = { aborted: new Map(), runs: [] };
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'performance'] });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the run-wide deadline', () => {
  it('stops every unfinished check at four probe timeouts plus 2 s, not a millisecond earlier', async () => {
    const slow = hanging(spy, 'token.slow', 60_000);
    const { finished, done, t0 } = start(ctx, [slow]);
    await vi.advanceTimersByTimeAsync(DEADLINE_MS - 1);
    expect(finished.size).toBe(0);
    expect(spy.aborted.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    const [completed] = await done;
    expect(finished.get('token.slow')?.at).toBe(DEADLINE_MS);
    expect(spy.aborted.get('token.slow')! - t0).toBe(DEADLINE_MS);
    expect(completed!.result).toMatchObject({
      verdict: 'error',
      summary: `Stopped: the run's deadline of ${DEADLINE_MS} ms was reached.`,
      durationMs: DEADLINE_MS,
    });
  });

  it('honours a deadline set in the config over the derived one', async () => {
    ctx = { ...ctx, config: { ...ctx.config, timeouts: { ...ctx.config.timeouts, overallMs: 300 } } };
    const { finished, done } = start(ctx, [hanging(spy, 'token.slow', 60_000)]);
    await vi.advanceTimersByTimeAsync(300);
    await done;
    expect(finished.get('token.slow')).toMatchObject({ at: 300, result: { verdict: 'error' } });
  });

  it('does not stop an interactive check (a person in a browser): its own budget does', async () => {
    const probe = hanging(spy, 'token.probe', 60_000);
    const person = hanging(spy, 'token.person', 20_000, { interactive: true });
    const { finished, done } = start(ctx, [probe, person]);
    await vi.advanceTimersByTimeAsync(DEADLINE_MS);
    expect([...finished.keys()]).toEqual(['token.probe']);
    await vi.advanceTimersByTimeAsync(20_000 - DEADLINE_MS);
    await done;
    expect(finished.get('token.person')).toMatchObject({
      at: 20_000,
      result: { verdict: 'error', summary: 'Stopped: it did not finish within its 20000 ms budget.' },
    });
  });
});

describe('per-check budgets', () => {
  it('stops a check at its own budget and aborts its signal then, while the others go on', async () => {
    const slow = hanging(spy, 'token.slow', 250);
    const fine = after('token.fine', 400, { verdict: 'pass', summary: say('Fine.') });
    const { finished, done, t0 } = start(ctx, [slow, fine]);
    await vi.advanceTimersByTimeAsync(249);
    expect(finished.size).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(finished.get('token.slow')).toMatchObject({
      at: 250,
      result: { verdict: 'error', summary: 'Stopped: it did not finish within its 250 ms budget.' },
    });
    expect(spy.aborted.get('token.slow')! - t0).toBe(250);
    await vi.advanceTimersByTimeAsync(150);
    await done;
    expect(finished.get('token.fine')).toMatchObject({ at: 400, result: { verdict: 'pass' } });
  });

  it('clears a finished check’s budget timer (no timer outlives the run)', async () => {
    const { done } = start(ctx, [after('token.quick', 10, { verdict: 'pass', summary: say('Quick.') })]);
    await vi.advanceTimersByTimeAsync(10);
    await done;
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('cancellation', () => {
  it('ends running checks as skipped (cancelled, interactive ones too) and never starts their dependents', async () => {
    const controller = new AbortController();
    const probe = hanging(spy, 'token.probe', 60_000);
    const person = hanging(spy, 'token.person', 60_000, { interactive: true });
    const dependent = hanging(spy, 'token.dependent', 60_000, { dependsOn: [probe] });
    const { finished, done } = start(ctx, [probe, person, dependent], controller.signal);
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const completed = await done;
    expect(completed.map((c) => [c.result.verdict, c.result.summary])).toEqual([
      ['skipped', 'Stopped: the run was cancelled.'],
      ['skipped', 'Stopped: the run was cancelled.'],
      ['skipped', 'Skipped: it needs "Title of token.probe", which was skipped (Stopped: the run was cancelled).'],
    ]);
    expect([...finished.values()].every((f) => f.at === 100)).toBe(true);
    expect(spy.runs).toEqual(['token.probe', 'token.person']);
  });

  it('runs nothing when cancelled before it starts', async () => {
    const controller = new AbortController();
    controller.abort();
    const completed = await start(ctx, [hanging(spy, 'token.probe', 60_000)], controller.signal).done;
    expect(completed[0]!.result).toMatchObject({ verdict: 'skipped', summary: 'Skipped: the run was cancelled.' });
    expect(spy.runs).toEqual([]);
  });
});

describe('skips name their root cause', () => {
  it('names the check that could not complete at the root of a chain, not the skip between', async () => {
    const root = hanging(spy, 'token.root', 100);
    const middle = after('token.middle', 0, { verdict: 'pass', summary: say('never runs') }, [root]);
    const leaf = after('token.leaf', 0, { verdict: 'pass', summary: say('never runs') }, [middle]);
    const { done } = start(ctx, [root, middle, leaf]);
    await vi.advanceTimersByTimeAsync(100);
    const completed = await done;
    const why =
      'Skipped: it needs "Title of token.root", which could not complete (Stopped: it did not finish within its 100 ms budget).';
    expect(completed.map((c) => c.result.summary)).toEqual([
      'Stopped: it did not finish within its 100 ms budget.',
      why,
      why,
    ]);
    expect(completed[2]!.blockedBy?.id).toBe('token.root');
  });
});

describe('check contracts', () => {
  it('turns a code the check did not declare into an error, with no observation passed on', async () => {
    const sloppy = testCheck({
      id: 'token.sloppy',
      step: 'token',
      title: 'Sloppy',
      dependsOn: [],
      codes: ['TRAKT_NOT_LINKED'],
      budgetMs: () => 1000,
      run: async () => ({ verdict: 'fail', summary: say('Offline?'), problems: [{ code: 'OFFLINE', evidence: 'x' }] }),
    });
    const [completed] = await start(ctx, [sloppy]).done;
    expect(completed!.result).toMatchObject({
      verdict: 'error',
      problems: [],
      summary: 'The check broke its contract: it raised OFFLINE, not among its declared codes.',
    });
    expect(completed!.observations).toEqual([]);
  });

  it('turns details that do not match their schema into an error', async () => {
    const Schema = z.object({ count: z.number() });
    const drifting = testCheck<undefined, z.infer<typeof Schema>>({
      id: 'token.drifting',
      step: 'token',
      title: 'Drifting',
      dependsOn: [],
      codes: [],
      details: Schema,
      budgetMs: () => 1000,
      // A cast stands for the drift a schema catches: an engine type and its shared schema gone apart.
      run: async () => ({
        verdict: 'pass',
        summary: say('Fine.'),
        details: { count: 'three' } as unknown as { count: number },
      }),
    });
    const [completed] = await start(ctx, [drifting]).done;
    expect(completed!.result).toMatchObject({
      verdict: 'error',
      summary: 'The check broke its contract: its details do not match their schema.',
    });
  });

  it('turns a window-only payload without a schema, or off it, into an error; passes one on its schema', async () => {
    const View = z.object({ titles: z.array(z.string()) });
    const payloadCheck = (id: string, windowOnly: unknown, schema?: typeof View) =>
      testCheck<undefined, object, z.infer<typeof View>>({
        id,
        step: 'token',
        title: id,
        dependsOn: [],
        codes: [],
        ...(schema ? { windowOnly: schema } : {}),
        budgetMs: () => 1000,
        // A cast stands for a check breaking its contract: a payload the types would refuse.
        run: async () => ({ verdict: 'pass', summary: say('Fine.'), windowOnly: windowOnly as { titles: string[] } }),
      });
    const events: unknown[] = [];
    const checks = [
      payloadCheck('token.unschemed', { titles: ['A'] }),
      payloadCheck('token.drifting-view', { titles: 3 }, View),
      payloadCheck('token.view', { titles: ['Arriving'] }, View),
    ];
    const completed = await runChecks(ctx, checks, { steps: ['token'] }, { onEvent: (e) => void events.push(e) });
    expect(completed.map((c) => [c.result.verdict, c.result.summary])).toEqual([
      ['error', 'The check broke its contract: it returned a window-only payload without a schema.'],
      ['error', 'The check broke its contract: its window-only payload does not match its schema.'],
      ['pass', 'Fine.'],
    ]);
    const windowOnly = events.flatMap((e) => {
      const event = e as { type: string; windowOnly?: unknown; result?: { id: string } };
      return event.type === 'check-finished' && event.windowOnly !== undefined
        ? [[event.result?.id, event.windowOnly]]
        : [];
    });
    // Only the payload on its schema reaches the window.
    expect(windowOnly).toEqual([['token.view', { titles: ['Arriving'] }]]);
  });

  it('refuses to read a check that is not in dependsOn', async () => {
    const other = after('token.other', 0, { verdict: 'pass', summary: say('Other.'), data: 1 });
    const reader = testCheck({
      id: 'token.reader',
      step: 'token',
      title: 'Reader',
      dependsOn: [],
      codes: [],
      budgetMs: () => 1000,
      run: async ({ deps }) => ({ verdict: 'pass', summary: say(`read ${String(deps.get(other))}`) }),
    });
    const { done } = start(ctx, [other, reader]);
    await vi.advanceTimersByTimeAsync(0);
    const completed = await done;
    expect(completed[1]!.result).toMatchObject({
      verdict: 'error',
      summary:
        'The check failed unexpectedly: token.reader reads token.other, which is not in its dependsOn or consults',
    });
  });
});
