import { describe, expect, it } from 'vitest';
import { msg } from '../../shared/i18n/message';
import { stremioAccountCheck } from '../../electron/engine/checks/token/stremio-account';
import { traktTokenCheck } from '../../electron/engine/checks/token/trakt-token';
import { TRAKT_ANSWER_CODES } from '../../electron/engine/checks/trakt-read/answer-problem';
import { defineTraktReadCheck, refusalVerdict } from '../../electron/engine/checks/trakt-read/trakt-read';
import type { AnyCheck, CheckDeps } from '../../electron/engine/runtime/check';
import type { EngineContext } from '../../electron/engine/runtime/context';

// The skeleton every Trakt-reading check shares (revoked.users-settings, scrobbling.trakt-history, and the next one):
// its dependencies, its codes, its skips, and the verdict of a refusal.

const SKIPPED = {
  'not-linked': msg('checks-revoked:users-settings.skipped.notLinked'),
  expired: msg('checks-revoked:users-settings.skipped.expired'),
  'no-client-id': msg('checks-revoked:users-settings.skipped.noClientId'),
};
let reads = 0;
const watching = defineTraktReadCheck<undefined, number>({
  id: 'scrobbling.example-read',
  step: 'scrobbling',
  skipped: SKIPPED,
  codes: ['SCROBBLES_NOT_REACHING_TRAKT'],
  read: async () => {
    reads++;
    return { ok: true, value: 1 };
  },
  accepted: () => ({ verdict: 'pass', summary: msg('checks-revoked:users-settings.planFree') }),
  refused: {
    summary: () => msg('checks-revoked:users-settings.unexpected', { status: 500 }),
    details: () => ({}),
    withoutProblem: 'error',
  },
});
/** Dependencies as the scheduler hands them: `data` by check. */
const depsOf = (data: Map<AnyCheck, unknown>): CheckDeps => ({
  get: <Data>(check: { id: string }) => data.get(check as AnyCheck) as Data | undefined,
  // The skeleton consults no check.
  result: () => undefined,
});

describe('a Trakt-reading check built on the skeleton', () => {
  it("depends on the account and Stremio's link, and declares the status table's codes and its own", () => {
    expect(watching.dependsOn).toEqual([stremioAccountCheck, traktTokenCheck]);
    expect(watching.codes).toEqual([...TRAKT_ANSWER_CODES, 'SCROBBLES_NOT_REACHING_TRAKT']);
  });

  it('skips with its own reason, without reading, when the link is missing or expired', async () => {
    const ctx = {} as EngineContext;
    const signal = new AbortController().signal;
    const input = { steps: [] };
    const none = await watching.run({ ctx, input, signal, deps: depsOf(new Map()) });
    expect(none).toEqual({ verdict: 'skipped', summary: SKIPPED['not-linked'] });
    const expired = new Map<AnyCheck, unknown>([[traktTokenCheck, { state: 'expired', link: {}, expiresAtMs: 0 }]]);
    expect(await watching.run({ ctx, input, signal, deps: depsOf(expired) })).toEqual({
      verdict: 'skipped',
      summary: SKIPPED.expired,
    });
    expect(reads).toBe(0);
  });
});

describe('the verdict of a refused Trakt read', () => {
  it('no answer is an error of the check, whatever the rest', () => {
    expect(refusalVerdict(null, true, 'warn')).toBe('error');
  });

  it('an answer naming no problem takes the check’s own verdict', () => {
    expect(refusalVerdict(null, false, 'warn')).toBe('warn');
    expect(refusalVerdict(null, false, 'error')).toBe('error');
  });

  it('a critical problem of the catalog fails, a warning warns', () => {
    expect(refusalVerdict('TRAKT_TOKEN_REVOKED', false, 'warn')).toBe('fail');
    expect(refusalVerdict('TRAKT_RATE_LIMITED', false, 'error')).toBe('warn');
  });
});
