import { say, testContext, testTitle } from '../kit/test-texts';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { previewBundle } from '../../electron/engine/bundle';
import type { AnyCheck, CheckOutcome } from '../../electron/engine/runtime/check';
import type { EngineContext } from '../../electron/engine/runtime/context';
import { DiagnosisSession } from '../../electron/engine/session/diagnosis-session';
import { dependentsOf } from '../../electron/engine/session/run-plan';
import { PROBLEMS, type ProblemCode } from '../../shared/problems';
import type { Report } from '../../shared/report';
import { STEP_NAMES, type StepName } from '../../shared/steps';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';

const loopbackDns = { dns: { system: ['127.0.0.1:9'], reference: ['127.0.0.1:9'] } };
const NOW = Date.parse('2026-11-25T10:00:00Z');

/** A check whose outcome the test sets between runs; counts its runs. */
interface Scripted extends AnyCheck {
  outcome: CheckOutcome<unknown> | (() => Promise<CheckOutcome<unknown>>);
  runs: number;
}

function scripted(id: string, dependsOn: AnyCheck[] = [], extra: Partial<AnyCheck> = {}): Scripted {
  testTitle(id, `Title of ${id}`);
  const check: Scripted = {
    id,
    step: id.split('.')[0] as StepName,
    dependsOn,
    codes: Object.keys(PROBLEMS) as ProblemCode[],
    budgetMs: () => 2000,
    outcome: { verdict: 'pass', summary: say(`${id} fine`), data: { from: id } },
    runs: 0,
    async run() {
      check.runs += 1;
      return typeof check.outcome === 'function' ? check.outcome() : check.outcome;
    },
    ...extra,
  };
  return check;
}

/** A registry like the engine's: an account check, what depends on it across three steps, and unrelated checks. */
function registry() {
  const installs = scripted('version.installs');
  const account = scripted('token.account');
  const profile = scripted('cache.profile', [account]);
  const link = scripted('token.link', [account]);
  const oauth = scripted('token.oauth', [], { interactive: true });
  const settings = scripted('revoked.settings', [link]);
  return {
    installs,
    profile,
    account,
    link,
    oauth,
    settings,
    all: [installs, profile, account, link, oauth, settings],
  };
}

async function sessionWith(checks: readonly AnyCheck[], steps?: readonly StepName[]) {
  const ctx = await testContext(resolveConfig(loopbackDns), { env: {}, now: () => NOW });
  return { ctx, session: new DiagnosisSession({ records: ctx, checks, ...(steps ? { steps } : {}) }) };
}

const verdicts = (report: Report | null) => report?.checks.map((c) => `${c.id}:${c.verdict}:${c.summary}`);

describe('DiagnosisSession: the latest result of every check across runs', () => {
  it('a re-run replaces that check’s result and its findings; results of checks not re-run stay', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    expect(session.report()).toBeNull();
    r.settings.outcome = {
      verdict: 'fail',
      summary: say('revoked'),
      problems: [{ code: 'TRAKT_TOKEN_REVOKED', evidence: 'revoked.settings: 401' }],
    };
    await session.run(ctx, { kind: 'steps', steps: ['token', 'revoked'] });
    expect(session.report()?.findings.map((f) => f.problem)).toEqual(['TRAKT_TOKEN_REVOKED']);

    r.settings.outcome = { verdict: 'pass', summary: say('fixed') };
    const after = await session.run(ctx, { kind: 'steps', steps: ['revoked'] });
    expect(after).toEqual(session.report());
    expect(verdicts(after)).toEqual([
      'token.account:pass:token.account fine',
      'token.link:pass:token.link fine',
      'token.oauth:pass:token.oauth fine',
      'revoked.settings:pass:fixed',
    ]);
    // The replaced result's finding is gone; the step never run is listed as untested.
    expect(after.findings).toEqual([]);
    expect(after.untested).toEqual([
      ...STEP_NAMES.filter((s) => s !== 'token' && s !== 'revoked').map((check) => ({
        check,
        reason: 'this step was not run',
      })),
    ]);
    expect(after.steps).toEqual(['token', 'revoked']);
    // Revoked access read the kept account and link instead of running them again.
    expect([r.account.runs, r.link.runs, r.settings.runs]).toEqual([1, 1, 2]);
  });

  it('runs a kept dependency again when the run brings credentials, or when the kept one was skipped', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    r.account.outcome = { verdict: 'skipped', summary: say('Not signed in.') };
    await session.run(ctx, { kind: 'steps', steps: ['token'] });
    r.account.outcome = { verdict: 'pass', summary: say('signed in') };
    await session.run(ctx, { kind: 'steps', steps: ['revoked'] });
    expect(r.account.runs).toBe(2);
    await session.run(
      ctx,
      { kind: 'steps', steps: ['revoked'] },
      { credentials: { kind: 'auth-key', authKey: 'k'.repeat(16) } },
    );
    expect(r.account.runs).toBe(3);
    // The link was skipped behind the account, so it ran again each time too.
    expect(r.link.runs).toBe(2);
  });

  it('the dependents scope runs the root and every check depending on it, in the steps already run — one run', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    expect([...dependentsOf(r.all, 'token.account')].sort()).toEqual([
      'cache.profile',
      'revoked.settings',
      'token.account',
      'token.link',
    ]);
    await session.run(ctx, { kind: 'steps', steps: ['token'] });
    await session.run(ctx, { kind: 'steps', steps: ['revoked'] });
    const events: string[] = [];
    r.account.outcome = { verdict: 'pass', summary: say('signed in now') };
    await session.run(
      ctx,
      { kind: 'dependents', of: 'token.account' },
      { credentials: { kind: 'auth-key', authKey: 'k'.repeat(16) } },
      { onEvent: (e) => void (e.type === 'run-started' && events.push(`${e.steps.join('+')}:${e.checks.join('+')}`)) },
    );
    // Cache never ran: its check waits for the Cache step (which will read the kept account).
    expect(events).toEqual(['token+revoked:token.account+token.link+revoked.settings']);
    expect([r.account.runs, r.link.runs, r.settings.runs, r.profile.runs, r.oauth.runs]).toEqual([2, 2, 2, 0, 1]);
    await session.run(ctx, { kind: 'steps', steps: ['cache'] });
    expect([r.account.runs, r.profile.runs]).toEqual([2, 1]);
  });

  it('an interactive check runs when asked for; a later step run keeps its result', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    await session.run(ctx, { kind: 'steps', steps: ['token'] });
    r.oauth.outcome = {
      verdict: 'warn',
      summary: say('declined'),
      problems: [{ code: 'OAUTH_DENIED', evidence: 'token.oauth: denied' }],
    };
    await session.run(ctx, { kind: 'checks', ids: ['token.oauth'] });
    r.oauth.outcome = { verdict: 'skipped', summary: say('opt-in') };
    const report = await session.run(ctx, { kind: 'steps', steps: ['token'] });
    expect(r.oauth.runs).toBe(2);
    expect(report.checks.find((c) => c.id === 'token.oauth')?.summary).toBe('declined');
    expect(report.findings.map((f) => [f.problem, f.checks])).toEqual([['OAUTH_DENIED', ['token.oauth']]]);
  });

  it('an interactive run re-runs the held results that read it, reusing their other dependencies', async () => {
    const r = registry();
    const evidence = scripted('token.evidence', [r.link, r.oauth]);
    const { ctx, session } = await sessionWith([...r.all, evidence]);
    await session.run(ctx, { kind: 'checks', ids: ['token.oauth'] });
    // A fresh session holds no reader yet: only the asked check ran.
    expect([r.oauth.runs, evidence.runs, r.link.runs]).toEqual([1, 0, 0]);
    await session.run(ctx, { kind: 'steps', steps: ['token'] });
    expect([r.oauth.runs, evidence.runs, r.link.runs]).toEqual([1, 1, 1]);
    evidence.outcome = { verdict: 'pass', summary: say('confirmed by the sign-in test') };
    const report = await session.run(ctx, { kind: 'checks', ids: ['token.oauth'] });
    expect([r.oauth.runs, evidence.runs, r.link.runs, r.account.runs]).toEqual([2, 2, 1, 1]);
    expect(report.checks.find((c) => c.id === 'token.evidence')?.summary).toBe('confirmed by the sign-in test');
  });

  it('cancelling a run keeps the earlier results of the checks it cut short, and the results that finished', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    await session.run(ctx, { kind: 'steps', steps: ['token', 'revoked'] });
    const controller = new AbortController();
    r.account.outcome = { verdict: 'fail', summary: say('rejected now') };
    r.link.outcome = () => new Promise(() => undefined);
    const run = session.run(
      ctx,
      { kind: 'steps', steps: ['token'] },
      {},
      {
        signal: controller.signal,
        onEvent: (e) => {
          if (e.type === 'check-started' && e.id === 'token.link') controller.abort();
        },
      },
    );
    const report = await run;
    expect(verdicts(report)).toEqual([
      'token.account:fail:rejected now',
      'token.link:pass:token.link fine',
      'token.oauth:pass:token.oauth fine',
      'revoked.settings:pass:revoked.settings fine',
    ]);
    // A check with no earlier result shows the cancel.
    const fresh = await sessionWith(registry().all);
    const cancelled = new AbortController();
    cancelled.abort();
    const first = await fresh.session.run(
      fresh.ctx,
      { kind: 'steps', steps: ['version'] },
      {},
      { signal: cancelled.signal },
    );
    expect(verdicts(first)).toEqual(['version.installs:skipped:Skipped: the run was cancelled.']);
  });

  it('the combined report is what every surface reads: the run’s answer, report(), the bundle and its summary.md', async () => {
    const r = registry();
    const { ctx, session } = await sessionWith(r.all);
    r.installs.outcome = {
      verdict: 'warn',
      summary: say('old'),
      problems: [{ code: 'STREMIO_OUTDATED', evidence: 'version.installs: 4.4' }],
    };
    await session.run(ctx, { kind: 'steps', steps: ['version'] });
    const answer = await session.run(ctx, { kind: 'steps', steps: ['token'] });
    const input = session.bundleInput('/nowhere/app.log');
    if (!input) throw new Error('the session has runs, so a bundle input');
    expect(input.report).toEqual(answer);
    expect(session.report()).toEqual(answer);
    expect(input.logFile).toBe('/nowhere/app.log');
    // One trace and one log for the whole session: the bundle reads the session's own records.
    expect(input.ctx.log).toBe(ctx.log);
    expect(input.ctx.trace).toBe(ctx.trace);
    const { logFile: _file, ...inMemory } = input;
    const contents = await previewBundle(inMemory);
    const file = (name: string) => contents.files.find((f) => f.name === name)?.content.toString('utf8');
    expect(file('summary.md')).toBe(renderSummaryMarkdown(answer));
    expect(JSON.parse(file('report.json') ?? '{}')).toEqual(answer);
    expect(input.ctx.log.tail().filter((l) => l.includes('diagnosis started'))).toHaveLength(2);
  });

  it('refuses a run whose context records elsewhere, and an unknown check', async () => {
    const r = registry();
    const { session } = await sessionWith(r.all);
    const other: EngineContext = await testContext(resolveConfig(loopbackDns), { env: {} });
    await expect(session.run(other, { kind: 'steps', steps: ['token'] })).rejects.toThrow(/record into the session/);
    expect(() => session.plan({ kind: 'checks', ids: ['token.nope'] })).toThrow(/no check token.nope/);
  });
});
