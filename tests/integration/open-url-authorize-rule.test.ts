import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { STREMIO_TRAKT_CALLBACK, STREMIO_TRAKT_CLIENT_ID } from '../../electron/engine/clients/stremio/auth-url';
import { createMemorySettings } from '../kit/memory-stores';
import { recordedService } from '../kit/doctor-service';

/**
 * Issue 20 N9: the open-URL allow-list matched host and path only, so a compromised renderer could open
 * Trakt's authorize page for another app (`client_id`) sending the code to another address
 * (`redirect_uri`), or an allowed host on another port. An authorize link opens only for a known client
 * and return address, and every fixed host only on its default port.
 */
const WIZARD_CLIENT_ID = 'wizard-client-0123456789abcdef';
const cb = encodeURIComponent(STREMIO_TRAKT_CALLBACK);

function service() {
  const settings = createMemorySettings();
  settings.setTraktClientId(WIZARD_CLIENT_ID);
  const svc = recordedService(resolveConfig({ trakt: { redirectPort: 41287 } }), { platform: { settings } });
  const open = (url: string) => svc.value<{ opened: boolean; reason?: string }>('fix:open-url', { url });
  return { open, opened: svc.opened };
}

describe('authorize links open only for known clients and return addresses, on default ports (issue 20 N9)', () => {
  it.each([
    [
      'another client_id',
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=attacker-app&redirect_uri=${cb}`,
    ],
    [
      "another redirect_uri for Stremio's client",
      `https://trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&redirect_uri=https%3A%2F%2Fevil.example%2Fcb`,
    ],
    [
      "the wizard's client sending the code elsewhere",
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${WIZARD_CLIENT_ID}&redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcallback`,
    ],
    ['no client_id at all', `https://auth.trakt.tv/oauth/authorize?response_type=code&redirect_uri=${cb}`],
    [
      'a client_id given twice',
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&client_id=attacker-app&redirect_uri=${cb}`,
    ],
    [
      'a non-default port',
      `https://auth.trakt.tv:8443/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&redirect_uri=${cb}`,
    ],
    ['a non-default port on another allowed host', 'https://app.trakt.tv:444/settings/apps'],
  ])('refuses %s', async (_name, url) => {
    const { open, opened } = service();
    const answer = await open(url);
    expect(answer.opened).toBe(false);
    expect(opened).toEqual([]);
  });

  it.each([
    [
      "Stremio's corrected link with its state",
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${STREMIO_TRAKT_CLIENT_ID}&redirect_uri=${cb}&state=s-1`,
    ],
    [
      "the wizard's own sign-in test (PKCE, loopback)",
      `https://auth.trakt.tv/oauth/authorize?response_type=code&client_id=${WIZARD_CLIENT_ID}&redirect_uri=http%3A%2F%2F127.0.0.1%3A41287%2Fcallback&state=s&code_challenge=c&code_challenge_method=S256`,
    ],
    ['an allowed page on its default port written out', 'https://app.trakt.tv:443/settings/apps'],
  ])('opens %s', async (_name, url) => {
    const { open, opened } = service();
    expect(await open(url)).toEqual({ opened: true });
    expect(opened).toHaveLength(1);
  });
});
