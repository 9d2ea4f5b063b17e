import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildIncidentsKey } from '../../build/scripts/incidents-key.mjs';

const pemOf = (type: 'ed25519' | 'x25519') =>
  generateKeyPairSync(type as 'ed25519')
    .publicKey.export({ format: 'pem', type: 'spki' })
    .toString();

describe('the incidents key a build bakes in (build/scripts/build.mjs)', () => {
  it('is empty (the development key) for a checkout, and refused missing for a release', () => {
    expect(buildIncidentsKey({})).toBe('');
    expect(() => buildIncidentsKey({ RELEASE_BUILD: '1' })).toThrow(/release build needs INCIDENTS_PUBLIC_KEY/);
  });

  it('takes an Ed25519 SPKI PEM from INCIDENTS_PUBLIC_KEY, also with \\n escapes as CI variables hold it', () => {
    const pem = pemOf('ed25519');
    expect(buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: pem, RELEASE_BUILD: '1' })).toBe(pem);
    expect(buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: pem.trim().replace(/\n/g, '\\n') })).toBe(pem);
  });

  it('takes two keys during a rotation (the current and the next), never three (issue 20 N8)', () => {
    const current = pemOf('ed25519');
    const next = pemOf('ed25519');
    expect(buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: `${current}${next}`, RELEASE_BUILD: '1' })).toBe(
      `${current}${next}`,
    );
    expect(() => buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: `${current}${next}${current}` })).toThrow(
      /more than two keys/,
    );
    expect(() => buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: `${current}${pemOf('x25519')}` })).toThrow(
      /not an Ed25519 key/,
    );
  });

  it('refuses a key that is not Ed25519 or not a key', () => {
    expect(() => buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: pemOf('x25519') })).toThrow(/not an Ed25519 key/);
    expect(() => buildIncidentsKey({ INCIDENTS_PUBLIC_KEY: 'hello' })).toThrow(/not a PEM public key/);
  });
});
