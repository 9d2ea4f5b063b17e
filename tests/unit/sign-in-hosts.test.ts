import { describe, expect, it } from 'vitest';
import { DEFAULT_ENDPOINTS } from '../../electron/engine/core/config';
import { endpointOf, targetOf } from '../../electron/engine/runtime/endpoint-hosts';
import { correctedSignInLink } from '../../electron/engine/checks/token/sign-in/corrected-link-template';
import { STREMIO_TRAKT_CLIENT_ID } from '../../electron/engine/clients/stremio/auth-url';
import { parseAddress } from '../../electron/engine/clients/trakt/sign-in-chain';
import { sniffPage } from '../../electron/engine/clients/trakt/sign-in-page';

const TEST_ENDPOINTS = {
  ...DEFAULT_ENDPOINTS,
  traktWeb: 'https://trakt.tv:40443',
  traktApi: 'https://api.trakt.tv:40444',
  traktAuth: 'https://auth.trakt.tv:40445',
  stremioWeb: 'https://www.strem.io:40446',
};

describe('host identity by name', () => {
  it('maps a real host name (no port) to its configured origin and keeps the real name for the user', () => {
    expect(targetOf(new URL('https://trakt.tv/oauth/authorize?client_id=c&state=s'), TEST_ENDPOINTS)).toEqual({
      endpoint: 'traktWeb',
      realUrl: 'https://trakt.tv/oauth/authorize?client_id=c&state=s',
      requestUrl: 'https://trakt.tv:40443/oauth/authorize?client_id=c&state=s',
    });
  });

  it('maps the configured host with its port, and refuses a real name with another port or a look-alike', () => {
    expect(endpointOf(new URL('https://api.trakt.tv:40444/auth/signin'), TEST_ENDPOINTS)).toBe('traktApi');
    expect(endpointOf(new URL('https://api.trakt.tv:8443/auth/signin'), TEST_ENDPOINTS)).toBeNull();
    expect(endpointOf(new URL('https://trakt.tv.example.com/oauth/authorize'), TEST_ENDPOINTS)).toBeNull();
    expect(endpointOf(new URL('https://app.trakt.tv/settings'), TEST_ENDPOINTS)).toBeNull();
  });

  it('builds the corrected link from its template on the real host name: only an own start link lends its state (issue 20 N1)', () => {
    const url = new URL('https://api.trakt.tv:40444/oauth/authorize?client_id=own-client&state=s1&scope=x&a=1');
    const link = { hopIndex: 1, url, clientId: 'own-client', redirectUri: null, sentChallenge: null };
    const callback = 'redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb';
    expect(correctedSignInLink('traktAuth', link, 'own-start-link')).toBe(
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&${callback}&state=s1`,
    );
    expect(correctedSignInLink('traktWeb', link, 'pasted')).toBe(
      `https://trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&${callback}`,
    );
  });

  it('reads pasted addresses as the address bar shows them, and refuses what is no web address', () => {
    expect(parseAddress('api.trakt.tv/oauth/authorize?x=1')?.href).toBe('https://api.trakt.tv/oauth/authorize?x=1');
    expect(parseAddress('/api/auth/oauth2/authorize?x=1', new URL('https://trakt.tv/oauth/authorize'))?.href).toBe(
      'https://trakt.tv/api/auth/oauth2/authorize?x=1',
    );
    for (const bad of ['', 'http://[::1', 'javascript:alert(1)', 'https://trakt.tv/a b', 'x'.repeat(9000)])
      expect(parseAddress(bad)).toBeNull();
  });
});

describe('what a hop answers', () => {
  const trakt = { server: 'cloudflare', 'cf-ray': '1-AMS', 'x-runtime': '0.01' };
  const cloudflare = { server: 'cloudflare', 'cf-ray': '2-FRA' };
  it('tells Cloudflare from Trakt by the origin header and the page, never by the status alone', () => {
    const block = '<title>Attention Required! | Cloudflare</title><h1>Sorry, you have been blocked</h1>';
    expect(sniffPage(403, cloudflare, block)).toBe('cloudflare');
    expect(sniffPage(403, trakt, block)).toBe('error');
    expect(sniffPage(403, cloudflare, '<title>Forbidden</title>')).toBe('error');
  });

  it("recognises Trakt's sign-in and consent pages, redirects and other pages", () => {
    expect(sniffPage(200, trakt, '<form><input type="password" name="p"></form>')).toBe('sign-in');
    expect(sniffPage(200, trakt, '<title>Sign in | Trakt</title>')).toBe('sign-in');
    expect(sniffPage(200, trakt, '<title>Authorize Stremio</title>')).toBe('consent');
    expect(sniffPage(301, trakt, '')).toBe('redirect');
    expect(sniffPage(200, trakt, '<title>Trakt</title>')).toBe('other');
    expect(sniffPage(500, trakt, 'Internal Server Error')).toBe('error');
  });
});
