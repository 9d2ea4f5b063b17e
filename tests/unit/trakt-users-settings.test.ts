import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { classifyUsersSettings } from '../../electron/engine/clients/trakt/users-settings';
import { traktAnswerProblem } from '../../electron/engine/checks/trakt-read/answer-problem';
import type { HttpOutcome } from '../../electron/engine/net/http-client';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const ORIGIN = { server: 'cloudflare', 'cf-ray': '8f3a1b2c4d5e6f70-AMS', 'x-runtime': '0.012' };
const answer = (status: number, headers: IncomingHttpHeaders, body = ''): HttpOutcome => ({
  ok: true,
  status,
  headers,
  body,
  truncated: false,
  timings: {},
  url: 'https://api.trakt.tv/users/settings',
});
/** The client's classification (facts) with the checks' reading of it (`problem`, `confidence`, `alsoPossible`). */
const classify = (status: number, headers: IncomingHttpHeaders) => {
  const c = classifyUsersSettings(answer(status, headers), NOW);
  const problem = traktAnswerProblem(c);
  return { ...c, problem: problem?.code ?? null, confidence: problem?.confidence, alsoPossible: problem?.alsoPossible };
};

describe('/users/settings answers by responder and headers (docs/problems.md revoked rows, trakt-api#939)', () => {
  it('403: the origin (x-runtime or x-request-id) is TRAKT_APP_UNAPPROVED; Cloudflare needs its HTML page with server + cf-ray and neither', () => {
    const html = { 'content-type': 'text/html; charset=UTF-8' };
    expect(classify(403, { ...ORIGIN, ...html })).toMatchObject({
      problem: 'TRAKT_APP_UNAPPROVED',
      responder: 'origin',
      confidence: 0.9,
    });
    expect(classify(403, { server: 'cloudflare', 'cf-ray': 'x', 'x-request-id': 'r', ...html })).toMatchObject({
      problem: 'TRAKT_APP_UNAPPROVED',
      responder: 'origin',
    });
    expect(classify(403, { server: 'cloudflare', 'cf-ray': 'x', ...html })).toMatchObject({
      problem: 'CLOUDFLARE_BLOCKED',
      responder: 'cloudflare',
    });
  });

  it.each([
    ['no headers at all', {}],
    ['server: cloudflare without cf-ray', { server: 'cloudflare' }],
    ['cf-ray from another server', { server: 'nginx', 'cf-ray': 'x' }],
    [
      "Cloudflare's headers on a body that is not its HTML block page",
      { server: 'cloudflare', 'cf-ray': 'x', 'content-type': 'application/json' },
    ],
  ])(
    '403 with %s: unproven origin — TRAKT_APP_UNAPPROVED, lower confidence, Cloudflare also possible',
    (_what, headers) => {
      expect(classify(403, headers)).toMatchObject({
        problem: 'TRAKT_APP_UNAPPROVED',
        confidence: 0.6,
        alsoPossible: ['CLOUDFLARE_BLOCKED'],
      });
    },
  );

  it.each([
    [{ 'x-account-locked': 'true', 'x-account-deactivated': 'false' }, 'TRAKT_ACCOUNT_LOCKED', 0.95, undefined],
    [{ 'x-account-locked': 'false', 'x-account-deactivated': 'true' }, 'TRAKT_ACCOUNT_DEACTIVATED', 0.95, undefined],
    [{ 'x-account-locked': 'TRUE' }, 'TRAKT_ACCOUNT_LOCKED', 0.95, undefined],
    [
      { 'x-account-locked': 'false', 'x-account-deactivated': 'false' },
      'TRAKT_ACCOUNT_LOCKED',
      0.7,
      ['TRAKT_ACCOUNT_DEACTIVATED'],
    ],
    [{}, 'TRAKT_ACCOUNT_LOCKED', 0.7, ['TRAKT_ACCOUNT_DEACTIVATED']],
  ] as const)('423 with %o → %s (%f)', (flags, problem, confidence, alsoPossible) => {
    const c = classify(423, { ...ORIGIN, ...flags });
    expect(c).toMatchObject({ status: 423, problem, confidence });
    expect(c.alsoPossible).toEqual(alsoPossible);
    expect(c.evidence).toContain(`X-Account-Locked: ${flags['x-account-locked' as keyof typeof flags] ?? 'absent'}`);
  });

  it('429 without X-Ratelimit is named a security system, not the API limit', () => {
    const c = classify(429, { ...ORIGIN, 'retry-after': '60' });
    expect(c).toMatchObject({ problem: 'TRAKT_RATE_LIMITED', rateLimit: { retryAfterSeconds: 60, rateLimit: null } });
    expect(c.evidence).toContain('no X-Ratelimit');
  });

  it('a 401 through Cloudflare alone is weaker evidence of a revoked token than one from the origin', () => {
    expect(classify(401, ORIGIN)).toMatchObject({ problem: 'TRAKT_TOKEN_REVOKED', confidence: 0.9 });
    expect(classify(401, { server: 'cloudflare', 'cf-ray': 'x' })).toMatchObject({
      problem: 'TRAKT_TOKEN_REVOKED',
      confidence: 0.6,
    });
  });
});
