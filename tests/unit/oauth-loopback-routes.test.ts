import { describe, expect, it } from 'vitest';
import {
  clientErrorRoute,
  listenReason,
  routeCallback,
  type CallbackExpectation,
} from '../../electron/engine/clients/oauth/loopback-routes';

// The loopback receiver's rules without a socket (RFC 8252 §7.3, §8.3, §8.9): each request is counted once, by the
// first check it fails, and only a GET on the callback path, with the redirect URI's Host and the pending state,
// settles the wait.

const STATE = 'state-0123456789abcdef';
const EXPECTED: CallbackExpectation = { path: '/callback', host: '127.0.0.1:41287', state: STATE, settled: false };
const get = (rawUrl: string, extra: { method?: string; host?: string } = {}) =>
  routeCallback({ method: extra.method ?? 'GET', rawUrl, host: extra.host ?? EXPECTED.host }, EXPECTED);

describe('routing a request to the loopback callback', () => {
  it('settles on the one valid code, and on an OAuth error (access_denied gets its own page)', () => {
    expect(get(`/callback?code=abc&state=${STATE}`)).toEqual({
      count: 'accepted',
      status: 200,
      page: 'done',
      settles: { kind: 'code', code: 'abc' },
    });
    expect(get(`/callback?error=access_denied&state=${STATE}`)).toMatchObject({
      page: 'denied',
      settles: { kind: 'error', error: 'access_denied', description: null },
    });
    expect(get(`/callback?error=server_error&error_description=boom&state=${STATE}`)).toMatchObject({
      page: 'error',
      settles: { kind: 'error', error: 'server_error', description: 'boom' },
    });
  });

  it('counts each refusal by the first check it fails, in order: path, method, Host, state, completeness', () => {
    expect(get('//evil.example/callback?code=x')).toMatchObject({ count: 'wrongPath', status: 404 });
    expect(get('/favicon.ico')).toMatchObject({ count: 'wrongPath', page: 'not-found' });
    expect(get(`/callback?code=x&state=${STATE}`, { method: 'HEAD' })).toEqual({
      count: 'wrongMethod',
      status: 405,
      page: 'rejected',
      headers: { allow: 'GET' },
    });
    expect(get(`/callback?code=x&state=${STATE}`, { host: 'attacker.example:41287' })).toMatchObject({
      count: 'wrongHost',
    });
    expect(get('/callback?code=x&state=wrong')).toMatchObject({ count: 'stateMismatch', strayStates: ['wrong'] });
    expect(get(`/callback?code=x&state=${STATE}&state=${STATE}`)).toMatchObject({ count: 'stateMismatch' });
    expect(get('/callback?code=x')).toMatchObject({ count: 'stateMismatch', strayStates: [] });
    expect(get(`/callback?state=${STATE}`)).toMatchObject({ count: 'incomplete', status: 400 });
    expect(get(`/callback?code=a&code=b&state=${STATE}`)).toMatchObject({ count: 'incomplete' });
    expect(get(`/callback?code=a&error=x&state=${STATE}`)).toMatchObject({ count: 'incomplete' });
  });

  it('answers every request after the wait settled as not found', () => {
    const settled = routeCallback(
      { method: 'GET', rawUrl: `/callback?code=x&state=${STATE}`, host: EXPECTED.host },
      {
        ...EXPECTED,
        settled: true,
      },
    );
    expect(settled).toMatchObject({ count: 'wrongPath', status: 404 });
  });

  it('bounds what an error callback carries', () => {
    const long = get(`/callback?error=${'e'.repeat(300)}&error_description=${'d'.repeat(900)}&state=${STATE}`);
    expect(long.settles).toMatchObject({ kind: 'error' });
    if (long.settles?.kind !== 'error') return;
    expect(long.settles.error).toHaveLength(100);
    expect(long.settles.description).toHaveLength(500);
  });
});

describe('connections the parser refused, and ports that cannot open', () => {
  it.each([
    ['HPE_HEADER_OVERFLOW', { count: 'oversized', status: '431 Request Header Fields Too Large' }],
    ['ERR_HTTP_HEADERS_TIMEOUT', { count: 'timedOut', status: '408 Request Timeout' }],
    ['ERR_HTTP_REQUEST_TIMEOUT', { count: 'timedOut', status: '408 Request Timeout' }],
    ['HPE_INVALID_METHOD', { count: 'malformed', status: '400 Bad Request' }],
    ['ECONNRESET', null],
  ])('%s → %o', (code, route) => {
    expect(clientErrorRoute(code)).toEqual(route);
  });

  it('says why the port could not open, per errno', () => {
    expect(listenReason('EADDRINUSE', 41287)).toContain('already in use');
    expect(listenReason('EACCES', 41287)).toContain('not permitted');
    expect(listenReason('EADDRNOTAVAIL', 41287)).toBe('127.0.0.1 is not available on this machine');
    expect(listenReason(undefined, 41287)).toContain('unknown error');
  });
});
