import { describe, expect, it } from 'vitest';
import type { HttpOutcome } from '../../electron/engine/net/http-client';
import {
  causeOfOAuthError,
  classifyOAuthFailure,
  readOAuthError,
} from '../../electron/engine/clients/oauth/oauth-errors';
import { problemOfOAuthCause } from '../../electron/engine/checks/token/differential/oauth-problems';

/** The check's reading of an OAuth error code (the client names the cause, the check the problem). */
const problemOfOAuthError = (error: string, description: string | null) =>
  problemOfOAuthCause(causeOfOAuthError(error, description));
/** The client's classified failure with the check's reading of its cause as `problem`. */
const classified = (...args: Parameters<typeof classifyOAuthFailure>) => {
  const failure = classifyOAuthFailure(...args);
  return { ...failure, problem: problemOfOAuthCause(failure.cause) };
};

const ORIGIN = { server: 'cloudflare', 'cf-ray': '8f3a-AMS', 'x-runtime': '0.01' };
const answer = (status: number, body: string, headers: Record<string, string> = ORIGIN): HttpOutcome => ({
  ok: true,
  status,
  headers,
  body,
  truncated: false,
  timings: {},
  url: 'https://auth.trakt.tv/oauth/token',
});

describe('OAuth answers → problem codes (docs/problems.md token rows)', () => {
  it.each([
    ['access_denied', null, 'OAUTH_DENIED'],
    ['invalid_grant', 'session not found', 'OAUTH_INVALID_GRANT'],
    ['invalid_client', null, 'OAUTH_INVALID_CLIENT'],
    ['unauthorized_client', null, 'OAUTH_INVALID_CLIENT'],
    ['invalid_request', 'client_id is required', 'OAUTH_INVALID_REQUEST'],
    [
      'invalid_request',
      "The requested redirect uri is malformed or doesn't match client redirect URI.",
      'OAUTH_REDIRECT_MISMATCH',
    ],
    ['invalid_redirect_uri', null, 'OAUTH_REDIRECT_MISMATCH'],
    ['unsupported_grant_type', null, 'OAUTH_INVALID_REQUEST'],
    ['server_error', null, null],
  ])('%s (%s) → %s', (error, description, problem) => {
    expect(problemOfOAuthError(error, description)).toBe(problem);
  });

  it('reads Doorkeeper error bodies, and nothing else', () => {
    expect(readOAuthError('{"error":"invalid_grant","error_description":"session not found"}')).toEqual({
      error: 'invalid_grant',
      description: 'session not found',
    });
    expect(readOAuthError('{"error":"invalid_client"}')).toEqual({ error: 'invalid_client', description: null });
    for (const body of ['', '<html>', 'null', '[]', '{"error":""}', '{"error":5}'])
      expect(readOAuthError(body)).toBeNull();
  });

  it('tells Cloudflare blocks and outages from OAuth errors, and blames nothing without an answer', () => {
    expect(
      classified('POST /oauth/token', answer(400, '{"error":"invalid_grant","error_description":"x"}')),
    ).toMatchObject({
      status: 400,
      error: 'invalid_grant',
      problem: 'OAUTH_INVALID_GRANT',
      evidence: 'POST /oauth/token → 400 invalid_grant ("x")',
    });
    expect(
      classified(
        'POST /oauth/device/code',
        answer(403, '<html>Sorry, you have been blocked</html>', {
          server: 'cloudflare',
          'cf-ray': '1-FRA',
          'content-type': 'text/html; charset=UTF-8',
        }),
      ),
    ).toMatchObject({ problem: 'CLOUDFLARE_BLOCKED' });
    // A non-HTML 403 is not the WAF's block page (docs/problems.md: "403/1020-style HTML").
    expect(
      classified(
        'POST /oauth/token',
        answer(403, '{}', { server: 'cloudflare', 'cf-ray': '1-FRA', 'content-type': 'application/json' }),
      ),
    ).toMatchObject({ problem: null });
    expect(classified('POST /oauth/token', answer(403, '', ORIGIN))).toMatchObject({ problem: null });
    expect(
      classified('POST /oauth/token', answer(522, '<html>', { server: 'cloudflare', 'cf-ray': '1' })),
    ).toMatchObject({ problem: 'SERVICE_OUTAGE' });
    const unreachable: HttpOutcome = {
      ok: false,
      kind: 'dns',
      code: 'ENOTFOUND',
      message: 'ENOTFOUND',
      timings: {},
      url: 'https://auth.trakt.tv/oauth/token',
    };
    expect(classified('POST /oauth/token', unreachable)).toMatchObject({ status: null, problem: null });
  });
});
