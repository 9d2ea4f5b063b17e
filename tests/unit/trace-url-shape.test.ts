import { describe, expect, it } from 'vitest';
import { accountIdOfPath, maskAccountPath } from '../../electron/engine/core/account-path';
import { traceUrlShape } from '../../electron/engine/net/trace-url';

describe('traceUrlShape: host, path and parameter names, never a value (issue 20 N10)', () => {
  it.each([
    [
      'https://trakt.tv/oauth/authorize?client_id=abc&state=s&state=t#frag',
      'https://trakt.tv/oauth/authorize?client_id&state',
    ],
    [
      'https://trakt.tv:8443/auth/signin?redirect_to=%2Fx%3Fcode%3Dabc',
      'https://trakt.tv:8443/auth/signin?redirect_to',
    ],
    ['/api/auth/oauth2/authorize?scope=a&code_challenge=b', '/api/auth/oauth2/authorize?scope&code_challenge'],
    ['https://www.strem.io/Trakt/auth/64a0b1c2d3e4/more?x=1', 'https://www.strem.io/trakt/auth/<id>?x'],
    ['https://cb.example/?secret-token-value-0123456789abcdef0123456789abcdef', 'https://cb.example/?…'],
    ['javascript:alert(1)', 'javascript:…'],
    ['stremio:///trakt/auth_cb?code=abc', 'stremio:…'],
  ])('%s → %s', (raw, shape) => {
    expect(traceUrlShape(raw)).toBe(shape);
  });
});

describe('one matcher for an account start path, any case, anything after the id (issue 20 N3)', () => {
  it.each([
    ['/trakt/auth/abc', { raw: 'abc', decoded: 'abc' }],
    ['/TRAKT/Auth/abc/', { raw: 'abc', decoded: 'abc' }],
    ['/trakt/auth/%61%62c/x/y', { raw: '%61%62c', decoded: 'abc' }],
    ['/trakt/auth/%E0%A4%A', { raw: '%E0%A4%A', decoded: '%E0%A4%A' }],
    ['/trakt/auth_cb', null],
    ['/trakt/auth/', null],
    ['/x/trakt/auth/abc', null],
  ])('%s', (path, expected) => {
    expect(accountIdOfPath(path)).toEqual(expected);
    expect(maskAccountPath(path)).toBe(expected ? '/trakt/auth/<id>' : path);
  });
});
