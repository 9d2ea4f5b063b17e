import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../electron/engine/core/secrets';

describe('SecretRegistry.redactValue', () => {
  it('redacts strings, keys and secret fields, never digits inside numbers (a password "123456" left invalid JSON)', () => {
    const secrets = new SecretRegistry();
    secrets.add('123456', 'password');
    secrets.add('true', 'password');
    const out = secrets.redactValue({
      elapsedMs: 91234567,
      ok: true,
      note: 'typed 123456 then true',
      nested: [{ access_token: 'never-registered-token', password: '' }],
      ['key-123456']: 1,
    });
    expect(out).toEqual({
      elapsedMs: 91234567,
      ok: true,
      note: 'typed [redacted password] then [redacted password]',
      nested: [{ access_token: '[redacted token]', password: '' }],
      ['key-[redacted password]']: 1,
    });
    expect(secrets.redactionCounts()).toEqual({ password: 3, token: 1 });
  });

  it('catches a registered value holding quotes and backslashes whole', () => {
    const secrets = new SecretRegistry();
    secrets.add('p"a\\ss', 'password');
    expect(secrets.redactValue({ s: 'x p"a\\ss y' })).toEqual({ s: 'x [redacted password] y' });
  });

  it('keeps the JSON round trip: dates become strings, undefined fields go', () => {
    const secrets = new SecretRegistry();
    expect(secrets.redactValue({ at: new Date(0), gone: undefined, n: null })).toEqual({
      at: '1970-01-01T00:00:00.000Z',
      n: null,
    });
  });
});

describe('SecretRegistry.redact on URLs', () => {
  it('a registered state in a URL becomes one clean marker, counted once, not re-matched by the state= pattern', () => {
    const secrets = new SecretRegistry();
    secrets.add('Xy12abcdEFGH', 'state');
    expect(secrets.redact('https://auth.trakt.tv/oauth/authorize?client_id=c&state=Xy12abcdEFGH&x=1')).toBe(
      'https://auth.trakt.tv/oauth/authorize?client_id=c&state=[redacted state]&x=1',
    );
    expect(secrets.redactionCounts()).toEqual({ state: 1 });
  });

  it('an unregistered state or code in a URL is still caught by name', () => {
    const secrets = new SecretRegistry();
    expect(secrets.redact('https://www.strem.io/trakt/auth_cb?code=never-seen&state=nor-this')).toBe(
      'https://www.strem.io/trakt/auth_cb?code=[redacted]&state=[redacted]',
    );
  });
});

describe('SecretRegistry.addName', () => {
  it('replaces a personal name as a whole word in any case and URL-encoded, never inside another word', () => {
    const secrets = new SecretRegistry();
    secrets.addName('sam', 'trakt-username');
    secrets.addName('Dr Who', 'trakt-username');
    secrets.addName('root', 'trakt-username');
    expect(secrets.redact('Sam watched a sample; /users/dr%20who and Dr Who; Rooted')).toBe(
      '[redacted trakt-username] watched a sample; /users/[redacted trakt-username] and [redacted trakt-username]; Rooted',
    );
    expect(secrets.redactionCounts()).toEqual({ 'trakt-username': 3 });
  });

  it('registers a Trakt username whatever it is: a generic account name or one character (issue 20 N2)', () => {
    const secrets = new SecretRegistry();
    secrets.addName('root', 'trakt-username');
    secrets.addName('j', 'trakt-username');
    expect(secrets.redact('signed in as root; j is j')).toBe(
      'signed in as [redacted trakt-username]; [redacted trakt-username] is [redacted trakt-username]',
    );
    // An OS account name keeps the generic list: "root" names nobody there.
    const os = new SecretRegistry();
    os.addIdentity({ userName: 'root' });
    expect(os.redact('Root CA')).toBe('Root CA');
  });
});
