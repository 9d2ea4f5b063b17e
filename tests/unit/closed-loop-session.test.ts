import { describe, expect, it } from 'vitest';
import { RELINK_FIXES } from '../../shared/check-details/closed-loop';
import type { Finding } from '../../shared/report';
import { isOpenCritical, rankFindings } from '../../shared/severity';
import { resolveConfig } from '../../electron/engine/core/config';
import { CHECKS } from '../../electron/engine/checks/registry';
import { SIGN_IN_CODES } from '../../electron/engine/checks/token/sign-in/verdict';
import type { AnyCheck, CheckOutcome, CompletedCheck } from '../../electron/engine/runtime/check';
import { runChecks } from '../../electron/engine/runtime/scheduler';
import { applyResolutions } from '../../electron/engine/session/apply-resolutions';
import { planRun } from '../../electron/engine/session/run-plan';
import { parseArgs } from '../../electron/hosts/cli/args';
import { say, testCheck, testContext } from '../kit/test-texts';

const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };

function finding(problem: string, checks: string[], severity: Finding['severity'] = 'critical'): Finding {
  return {
    problem,
    title: problem,
    explanation: '',
    severity,
    confidence: 0.9,
    evidence: [`${problem} seen`],
    checks,
    fix: { title: '', steps: [] },
  };
}

function completed(id: string, finishedAtMs: number, confirms?: CompletedCheck['confirms']): CompletedCheck {
  return {
    result: {
      id,
      step: id.split('.')[0] as 'token',
      title: id,
      verdict: 'pass',
      problems: [],
      summary: '',
      details: {},
      durationMs: 1,
    },
    data: undefined,
    observations: [],
    finishedAtMs,
    ...(confirms ? { confirms } : {}),
  };
}

describe('confirmed-fixed findings (resolution)', () => {
  const confirmedAt = Date.UTC(2026, 11, 7, 21, 14);
  const session = [
    completed('token.trakt-token', confirmedAt - 60_000),
    completed('token.auth-redirect', confirmedAt + 60_000),
    completed('token.relink', confirmedAt, {
      codes: ['TRAKT_TOKEN_EXPIRED', 'AUTH_URL_WRONG_HOST'],
      atMs: confirmedAt,
    }),
  ];

  it('marks a finding seen before the confirmation, not one a later run saw again, and ranks it after the open ones', () => {
    const findings = applyResolutions(
      [finding('TRAKT_TOKEN_EXPIRED', ['token.trakt-token']), finding('AUTH_URL_WRONG_HOST', ['token.auth-redirect'])],
      session,
    );
    expect(findings.map((f) => [f.problem, f.resolution])).toEqual([
      ['AUTH_URL_WRONG_HOST', undefined],
      ['TRAKT_TOKEN_EXPIRED', { confirmedAt: '2026-12-07T21:14:00.000Z', by: 'token.relink' }],
    ]);
    expect(findings.filter(isOpenCritical).map((f) => f.problem)).toEqual(['AUTH_URL_WRONG_HOST']);
    // Ranking keeps confirmed findings last, whatever their severity (the copy summary ranks again).
    expect(rankFindings([...findings].reverse()).map((f) => f.problem)).toEqual([
      'AUTH_URL_WRONG_HOST',
      'TRAKT_TOKEN_EXPIRED',
    ]);
  });

  it("a new link fixes every sign-in failure the chain can report but Cloudflare's block (Connectivity sees it too)", () => {
    for (const code of SIGN_IN_CODES) expect(RELINK_FIXES.includes(code), code).toBe(code !== 'CLOUDFLARE_BLOCKED');
  });
});

describe('interactive checks in run plans', () => {
  const relink = CHECKS.find((c) => c.id === 'token.relink')!;
  const live = CHECKS.find((c) => c.id === 'scrobbling.live')!;
  const kept = (ids: readonly string[], verdict: 'pass' | 'skipped' = 'pass') =>
    new Map(ids.map((id) => [id, { ...completed(id, 0), result: { ...completed(id, 0).result, verdict } }]));

  it('a sign-in re-run of the account dependents keeps a closed-loop result the session holds', () => {
    const plan = planRun(
      CHECKS,
      { kind: 'dependents', of: 'token.stremio-account' },
      { kept: kept(['token.relink', 'scrobbling.live']), ranSteps: new Set(['token', 'scrobbling']), freshInput: true },
    );
    expect(plan.run.map((c) => c.id)).not.toContain(relink.id);
    expect(plan.run.map((c) => c.id)).not.toContain(live.id);
    expect(plan.run.map((c) => c.id)).toContain('scrobbling.addons');
  });

  it('a live test run starts only itself, reusing the account and reading the consulted results as held, skipped ones too', () => {
    const held = new Map([
      ...kept(['token.stremio-account', 'token.trakt-token', 'scrobbling.addons', 'scrobbling.events-path']),
      ...kept(['revoked.users-settings', 'scrobbling.app-limit'], 'skipped'),
    ]);
    const plan = planRun(
      CHECKS,
      { kind: 'checks', ids: [live.id] },
      {
        kept: held,
        ranSteps: new Set(['token', 'revoked', 'scrobbling']),
        freshInput: false,
      },
    );
    expect(plan.run.map((c) => c.id)).toEqual([live.id]);
    expect([...plan.reused.keys()].sort()).toEqual([...held.keys()].sort());
  });
});

describe('consulted checks in the scheduler', () => {
  const outcome = (verdict: CheckOutcome['verdict'], codes: string[] = []): CheckOutcome =>
    ({
      verdict,
      summary: say(verdict),
      problems: codes.map((code) => ({ code, evidence: code })),
    }) as CheckOutcome;
  const consulted = testCheck({
    id: 'scrobbling.consulted',
    step: 'scrobbling',
    title: 'Consulted',
    dependsOn: [],
    codes: ['STREMIO_EVENTS_BLOCKED'],
    budgetMs: () => 1000,
    run: async () => outcome('skipped'),
  });
  const found = testCheck({
    id: 'scrobbling.found',
    step: 'scrobbling',
    title: 'Found',
    dependsOn: [],
    codes: ['STREMIO_EVENTS_BLOCKED'],
    budgetMs: () => 1000,
    run: async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return outcome('fail', ['STREMIO_EVENTS_BLOCKED']);
    },
  });
  const reader = testCheck({
    id: 'scrobbling.reader',
    step: 'scrobbling',
    title: 'Reader',
    dependsOn: [],
    consults: [consulted, found],
    codes: [],
    budgetMs: () => 1000,
    run: async ({ deps }) => {
      const a = deps.result(consulted);
      const b = deps.result(found);
      return { verdict: 'pass', summary: say(`${a?.verdict}/${b?.verdict}:${b?.problems.join(',')}`) };
    },
  });

  it('waits for a consulted check of the same run and is not skipped by one that was', async () => {
    const ctx = await testContext(resolveConfig(loopbackDns), { env: {} });
    const done = await runChecks(ctx, [consulted, found, reader] as AnyCheck[], { steps: ['scrobbling'] });
    expect(done[2]!.result).toMatchObject({ verdict: 'pass', summary: 'skipped/fail:STREMIO_EVENTS_BLOCKED' });
  });
});

describe('the CLI flags of the closed loop', () => {
  const args = (argv: string[]) => {
    const parsed = parseArgs(['diagnose', ...argv]);
    if (parsed.command !== 'diagnose') throw new Error('not diagnose');
    return parsed.args;
  };

  it('take an optional number of seconds (default 300) and leave the next option alone', () => {
    expect(args(['--await-relink'])).toMatchObject({ awaitRelinkSeconds: 300 });
    expect(args(['--await-relink', '120', '--json'])).toMatchObject({ awaitRelinkSeconds: 120, json: true });
    expect(args(['--live-scrobble', '--json'])).toMatchObject({ liveScrobbleSeconds: 300, json: true });
    expect(args(['--live-scrobble=45'])).toMatchObject({ liveScrobbleSeconds: 45 });
    const none = args([]);
    expect(none.awaitRelinkSeconds).toBeUndefined();
    expect(none.liveScrobbleSeconds).toBeUndefined();
  });

  it.each([['9'], ['901'], ['1e2'], ['-10'], ['60.5']])('refuses %s seconds', (value) => {
    expect(() => args(['--await-relink', value])).toThrow(/cli:error\.waitSeconds/);
  });
});

describe('the IPC contract of the closed loop', () => {
  it('accepts a watch request within 10–900 s, alone, and a watch-progress event', async () => {
    const { RunRequestSchema, RunEventSchema } = await import('../../shared/ipc');
    const watch = { check: 'token.relink', waitSeconds: 300 };
    expect(RunRequestSchema.safeParse({ runId: 'w-1', watch }).success).toBe(true);
    expect(RunRequestSchema.safeParse({ runId: 'w-2', watch: { ...watch, waitSeconds: 5 } }).success).toBe(false);
    expect(RunRequestSchema.safeParse({ runId: 'w-3', watch: { ...watch, check: 'token.other' } }).success).toBe(false);
    expect(RunRequestSchema.safeParse({ runId: 'w-4', watch, steps: ['token'] }).success).toBe(false);
    const progress = {
      check: 'scrobbling.live',
      phase: 'rate-limited',
      polls: 4,
      startedAt: '2026-12-07T21:00:00.000Z',
      waitUntil: '2026-12-07T21:05:00.000Z',
      resumeAt: '2026-12-07T21:01:00.000Z',
      seen: false,
    };
    expect(RunEventSchema.safeParse({ type: 'watch-progress', runId: 'w-1', progress }).success).toBe(true);
    expect(
      RunEventSchema.safeParse({ type: 'watch-progress', runId: 'w-1', progress: { ...progress, phase: 'x' } }).success,
    ).toBe(false);
  });
});
