import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { openRules, refuseToOpen } from '../../electron/hosts/service/url-allow-list';
import { STREMIO_ACCOUNT_SETTINGS_URL, STREMIO_DOWNLOADS_URL, TRAKT_CONNECTED_APPS_URL } from '../../shared/problems';

const destinations = openRules(
  resolveConfig({ endpoints: { traktAuth: 'https://auth.trakt.example', stremioWeb: 'https://web.stremio.example' } }),
  'abc',
);
const CB = 'redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb';

describe('the addresses the wizard opens in the system browser', () => {
  it.each([
    'https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Fwww.strem.io%2Ftrakt%2Fauth_cb&state=s',
    `https://trakt.tv/oauth/authorize?response_type=code&client_id=abc&${CB}`,
    'https://trakt.tv/auth/signin',
    'https://trakt.tv/activate',
    'https://trakt.tv/activate/0A1B2C3D',
    TRAKT_CONNECTED_APPS_URL,
    'https://app.trakt.tv/settings/apps',
    STREMIO_DOWNLOADS_URL,
    STREMIO_ACCOUNT_SETTINGS_URL,
    'https://www.strem.io/trakt/auth/64a0b1c2d3e4f5a6b7c8d9e0',
    'https://github.com/stremio-trakt-doctor/stremio-trakt-doctor/releases/tag/v1.2.3',
    'https://github.com/Stremio/stremio-core/issues/847',
    'https://github.com/trakt/trakt-api/issues/887',
    'https://github.com/MunifTanjim/stremthru/issues/571',
    // The configured endpoints (a mirror, or the emulators in tests) get the same paths.
    `https://auth.trakt.example/oauth/authorize?response_type=code&client_id=abc&${CB}`,
    'https://web.stremio.example/trakt/auth/abc',
  ])('opens %s', (url) => {
    expect(refuseToOpen(url, destinations)).toBeNull();
  });

  it.each([
    // Allowed hosts, paths no fix ever links to: a host-only check let all of these through.
    ['https://trakt.tv/users/someone/lists/phish', 'is not an address the wizard opens'],
    ['https://trakt.tv/oauth/authorize/../../logout', 'is not an address the wizard opens'],
    ['https://github.com/attacker/tool/releases/download/v1/setup.exe', 'is not an address the wizard opens'],
    [
      'https://github.com/stremio-trakt-doctor/stremio-trakt-doctor/raw/main/evil.sh',
      'is not an address the wizard opens',
    ],
    ['https://www.stremio.com/downloads-evil', 'is not an address the wizard opens'],
    ['https://www.strem.io/trakt/auth/a/b', 'is not an address the wizard opens'],
    // Trakt's PIN page is gone (a 404 since July 2026, trakt/trakt-api#867): the device flow never opens it.
    ['https://trakt.tv/pin/4242', 'is not an address the wizard opens'],
    ['https://app.trakt.tv/pin/4242?mode=media', 'is not an address the wizard opens'],
    // The host rules that were there before stay.
    ['https://trakt.tv.attacker.com/oauth/authorize', 'is not on the list'],
    // No fix links to Stremio's web app: an add-on install link there must not open.
    ['https://web.stremio.com/#/addons?addon=https%3A%2F%2Fevil.example%2Fmanifest.json', 'is not on the list'],
    ['http://trakt.tv/oauth/authorize', 'only https'],
    ['https://user:pw@trakt.tv/oauth/authorize', 'credentials'],
    // Trakt's authorize page for another app or return address, or an allowed host on another port (issue 20 N9).
    [`https://trakt.tv/oauth/authorize?response_type=code&client_id=other&${CB}`, 'an app other than'],
    [
      'https://trakt.tv/oauth/authorize?response_type=code&client_id=abc&redirect_uri=https%3A%2F%2Fx.example',
      'returns anywhere',
    ],
    [`https://trakt.tv/oauth/authorize?response_type=token&client_id=abc&${CB}`, 'does not ask for a code'],
    [`https://trakt.tv/oauth/authorize?response_type=code&client_id=abc&${CB}&scope=all`, 'other or repeated'],
    [`https://trakt.tv:8443/oauth/authorize?response_type=code&client_id=abc&${CB}`, 'own port only'],
    ['https://auth.trakt.example:444/oauth/authorize', 'own port only'],
    ['javascript:alert(1)', 'only https'],
    ['not a url', 'not a URL'],
  ])('refuses %s', (url, why) => {
    expect(refuseToOpen(url, destinations)).toContain(why);
  });
});
