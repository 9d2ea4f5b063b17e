// The known-incidents public keys a build bakes in (docs/incidents.md "Keys"): `INCIDENTS_PUBLIC_KEY` from the
// environment — one SPKI PEM, or two during a key rotation (the current key, then the next) — checked here so
// that a release never ships with a key that verifies nothing.
import { createPublicKey } from 'node:crypto';

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g;

/** The SPKI PEM key(s) to bake in, or '' for the development key; throws for a release without a key or a wrong key. */
export function buildIncidentsKey(env) {
  const text = (env.INCIDENTS_PUBLIC_KEY ?? '').replace(/\\n/g, '\n').trim();
  if (text === '') {
    if (env.RELEASE_BUILD === '1') throw new Error('a release build needs INCIDENTS_PUBLIC_KEY (docs/incidents.md)');
    return '';
  }
  const blocks = text.match(PEM_BLOCK) ?? [text];
  if (blocks.length > 2) throw new Error('INCIDENTS_PUBLIC_KEY holds more than two keys (the current and the next)');
  for (const pem of blocks) {
    let type;
    try {
      type = createPublicKey(pem).asymmetricKeyType;
    } catch {
      throw new Error('INCIDENTS_PUBLIC_KEY is not a PEM public key');
    }
    if (type !== 'ed25519') throw new Error('INCIDENTS_PUBLIC_KEY is not an Ed25519 key');
  }
  return blocks.map((pem) => `${pem}\n`).join('');
}
