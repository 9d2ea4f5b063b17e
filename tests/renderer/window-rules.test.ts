import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../shared/i18n/translator';
import { PROBLEMS, type ProblemCode } from '../../shared/problems';
import { fixButtons } from '../../renderer/src/lib/fix-buttons';
import { needsSignIn, skipReason } from '../../renderer/src/lib/skip-reasons';
import { stepLevel, stepView } from '../../renderer/src/lib/step-view';
import { timelineDays, timelineStory } from '../../renderer/src/lib/timeline-story';
import { untestedGroups } from '../../renderer/src/lib/untested-groups';
import type { CheckRow } from '../../renderer/src/store/step-run';
import { catalogFinding, checkResult, notSignedIn, report } from './fake-doctor';

// The window's rules as plain functions (renderer/src/lib): where a fix's buttons go, why a check was skipped,
// what a step's page shows and in which word, how untested checks group, and what the timeline says.

const done = (result: ReturnType<typeof checkResult>): CheckRow => ({
  id: result.id,
  title: result.title,
  state: 'done',
  result,
});
const fixOf = (code: ProblemCode) => ({ ...PROBLEMS[code].fix, steps: [...PROBLEMS[code].fix.steps] });

describe('fixButtons: each button under the step it belongs to', () => {
  it('places the re-link sequence’s page under step 1 and the bundle export under "export the bundle" (step 7)', () => {
    expect(fixButtons('SCROBBLES_NOT_REACHING_TRAKT', fixOf('SCROBBLES_NOT_REACHING_TRAKT'))).toEqual({
      action: 0,
      bundle: 6,
    });
    expect(fixButtons('TRAKT_AUTH_PKCE_INJECTED', fixOf('TRAKT_AUTH_PKCE_INJECTED'))).toEqual({
      action: null,
      bundle: 1,
    });
    expect(fixButtons('CAPTIVE_PORTAL', fixOf('CAPTIVE_PORTAL'))).toEqual({ action: 1, bundle: null });
    // "Or link Trakt from stremio.com → Account settings": the account page's button goes there, not under step 1.
    expect(fixButtons('AUTH_REDIRECT_FAILED', fixOf('AUTH_REDIRECT_FAILED')).action).toBe(1);
  });

  it('reads the steps of the wording the evidence chose: "pause and resume once" first puts the bundle under step 5', () => {
    const linkWorks = englishTranslator().list('problems:SCROBBLES_NOT_REACHING_TRAKT.fix.steps', {
      context: 'linkWorks',
    });
    const fix = { ...fixOf('SCROBBLES_NOT_REACHING_TRAKT'), steps: linkWorks };
    expect(linkWorks).toHaveLength(5);
    expect(fixButtons('SCROBBLES_NOT_REACHING_TRAKT', fix, 'linkWorks').bundle).toBe(4);
    // Read against the default's seven steps, the five would not line up: the export would have no step.
    expect(fixButtons('SCROBBLES_NOT_REACHING_TRAKT', fix).bundle).toBeNull();
  });

  it('keeps every catalog button on an existing step, and a fix that does not line up gets its button last', () => {
    for (const code of Object.keys(PROBLEMS) as ProblemCode[]) {
      const fix = fixOf(code);
      const { action, bundle } = fixButtons(code, fix);
      if (fix.action) expect(action, code).toBeGreaterThanOrEqual(0);
      for (const index of [action, bundle]) if (index !== null) expect(index, code).toBeLessThan(fix.steps.length);
    }
    const own = { title: 'x', steps: ['a', 'b', 'c'], action: { kind: 'rerun-step' as const, step: 'token' as const } };
    expect(fixButtons('CAPTIVE_PORTAL', own)).toEqual({ action: 2, bundle: null });
    expect(fixButtons('NOT_A_CODE', own)).toEqual({ action: 2, bundle: null });
  });
});

describe('skip reasons', () => {
  it('counts only the checks waiting for the Stremio sign-in; the pasted address and the opt-in test are their own', () => {
    expect(needsSignIn(notSignedIn('token.stremio-account'))).toBe(true);
    expect(needsSignIn(notSignedIn('scrobbling.comparison'))).toBe(true);
    expect(
      needsSignIn(
        checkResult('token.pasted-url', { verdict: 'skipped', message: { key: 'checks-token:pasted-url.noAddress' } }),
      ),
    ).toBe(false);
    expect(
      needsSignIn(
        checkResult('token.oauth-differential', {
          verdict: 'skipped',
          message: { key: 'checks-token:oauth-differential.optIn' },
        }),
      ),
    ).toBe(false);
    // A sign-in that failed is not "not signed in".
    const failed = {
      key: 'engine:outcome.needsFailed',
      params: {
        check: { key: 'checks-token:stremio-account.title' },
        reason: { key: 'checks-token:stremio-account.rejected' },
      },
    };
    expect(needsSignIn(checkResult('revoked.users-settings', { verdict: 'skipped', message: failed }))).toBe(false);
    expect(skipReason(checkResult('revoked.users-settings', { verdict: 'skipped', message: failed })).step).toBe(
      'token',
    );
  });

  it('groups one reason said in two steps’ words (the expired link) and names the root of a chain of skips', () => {
    const revoked = checkResult('revoked.users-settings', {
      verdict: 'skipped',
      message: { key: 'checks-revoked:users-settings.skipped.expired' },
    });
    const history = checkResult('scrobbling.trakt-history', {
      verdict: 'skipped',
      message: { key: 'checks-scrobbling:trakt-history.expired' },
    });
    const chained = checkResult('scrobbling.comparison', {
      verdict: 'skipped',
      message: {
        key: 'engine:outcome.needsSkipped',
        params: { check: { key: 'checks-scrobbling:trakt-history.title' }, reason: history.message! },
      },
    });
    expect(new Set([revoked, history, chained].map((r) => skipReason(r).key)).size).toBe(1);
    expect(skipReason(chained).step).toBe('token');
    expect(skipReason(checkResult('version.stremio-update', { verdict: 'skipped', summary: 'no install' }))).toEqual({
      key: 'text:no install',
      message: null,
      step: 'version',
    });
  });
});

describe('stepView and stepLevel: one outcome, the rest folded, one word', () => {
  it('a healthy step leads with its verdict check and folds the others', () => {
    const rows = ['proxy', 'dns', 'summary'].map((n) => done(checkResult(`connectivity.${n}`)));
    const view = stepView('connectivity', rows, []);
    expect(view.headline?.id).toBe('connectivity.summary');
    expect(view.passed.map((r) => r.id)).toEqual(['connectivity.proxy', 'connectivity.dns']);
    expect(stepLevel(view)).toBe('pass');
  });

  it('a row a finding explains folds; a warning nobody explains stays; the finding’s severity names the step', () => {
    const rows = [
      done(checkResult('version.installs', { verdict: 'warn', problems: ['STREMIO_NOT_FOUND'] })),
      done(checkResult('version.wizard-update', { verdict: 'warn' })),
    ];
    const note = catalogFinding('STREMIO_NOT_FOUND', ['version.installs']);
    const view = stepView('version', rows, [note]);
    expect(view.attention.map((r) => r.id)).toEqual(['version.wizard-update']);
    expect(view.headline).toBeNull();
    expect(stepLevel(view)).toBe('note');
    expect(stepLevel(stepView('version', rows, []))).toBe('warning');
    expect(stepLevel(stepView('version', [done(checkResult('version.x', { verdict: 'error' }))], []))).toBe(
      'could-not-test',
    );
  });

  it('a roll-up verdict ("3 of 5 hosts have a problem") folds behind the findings it rolls up, and stays without them', () => {
    const rows = [
      done(checkResult('connectivity.dns', { verdict: 'fail', problems: ['DNS_FILTERED'] })),
      done(checkResult('connectivity.summary', { verdict: 'warn' })),
    ];
    const view = stepView('connectivity', rows, [catalogFinding('DNS_FILTERED', ['connectivity.dns'])]);
    expect(view.attention).toEqual([]);
    expect(stepLevel(view)).toBe('problem');
    expect(stepView('connectivity', rows, []).attention.map((r) => r.id)).toEqual([
      'connectivity.dns',
      'connectivity.summary',
    ]);
  });

  it('"No Stremio account" is never a card: the sign-in line says it', () => {
    const rows = [done(notSignedIn('token.stremio-account')), done(notSignedIn('token.trakt-token'))];
    const view = stepView('token', rows, [catalogFinding('STREMIO_NOT_SIGNED_IN', ['token.stremio-account'])]);
    expect(view.findings).toEqual([]);
    expect(view.signIn).toHaveLength(2);
    expect(stepLevel(view)).toBe('needs-sign-in');
  });
});

describe('untestedGroups', () => {
  it('one line for the sign-in, then one per reason (largest first), then the steps that never ran', () => {
    const checks = [
      ...['token.trakt-token', 'revoked.users-settings', 'scrobbling.library'].map(notSignedIn),
      checkResult('version.stremio-update', {
        verdict: 'skipped',
        message: { key: 'checks-version:stremio-update.noInstall' },
      }),
      checkResult('token.oauth-differential', {
        verdict: 'skipped',
        message: { key: 'checks-token:oauth-differential.optIn' },
      }),
      checkResult('token.pkce-evidence', {
        verdict: 'skipped',
        message: {
          key: 'engine:outcome.needsSkipped',
          params: {
            check: { key: 'checks-token:oauth-differential.title' },
            reason: { key: 'checks-token:oauth-differential.optIn' },
          },
        },
      }),
    ];
    const untested = [
      ...checks.map((c) => ({ check: c.id, reason: c.summary })),
      { check: 'cache', reason: 'not run' },
    ];
    const groups = untestedGroups(report(['token'], checks, [], untested));
    expect(groups.map((g) => (g.kind === 'not-run' ? g.steps : g.checks.map((c) => c.id)))).toEqual([
      ['token.trakt-token', 'revoked.users-settings', 'scrobbling.library'],
      ['token.oauth-differential', 'token.pkce-evidence'],
      ['version.stremio-update'],
      ['cache'],
    ]);
  });
});

describe('timelineStory', () => {
  const timeline = (finished: (number | null)[], recorded: (number | null)[]) =>
    timelineDays({ firstDay: '2026-11-01', finished, recorded });
  const pad = (tail: (number | null)[]) => [...Array<number | null>(30 - tail.length).fill(null), ...tail];

  it('finds the last day Trakt recorded anything when Stremio finished titles after it', () => {
    const story = timelineStory(timeline(pad([1, 1, 0, 2]), pad([1, 1, 0, 0])));
    expect(story).toMatchObject({ kind: 'stopped', finishedSince: 2 });
    if (story.kind === 'stopped') expect(story.lastRecorded.toISOString()).toBe('2026-11-28T00:00:00.000Z');
  });

  it('says when nothing was recorded, when both flow, and when there is nothing at all', () => {
    expect(timelineStory(timeline(pad([1, 2]), pad([0, 0])))).toEqual({ kind: 'none-recorded', finished: 3 });
    expect(timelineStory(timeline(pad([1, 1]), pad([1, 1])))).toEqual({ kind: 'flowing', finished: 2, recorded: 2 });
    expect(timelineStory(timeline(pad([0]), pad([0])))).toEqual({ kind: 'empty' });
  });
});
