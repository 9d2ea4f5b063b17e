import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { FeedPayloadSchema } from '../../electron/engine/clients/incidents/feed-schema';
import { feedKeyId, verifyFeed } from '../../electron/engine/clients/incidents/verify-feed';

/** A signed feed ready to publish, or why the draft cannot be signed. */
export type SignedFeed =
  | { readonly ok: true; readonly document: string; readonly publicKey: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Signs a draft payload for publishing (`npm run incidents:sign`): checks it against the feed schema,
 * serialises it once, signs those exact UTF-8 bytes with the Ed25519 private key, names the key by its id,
 * and verifies the result the way the wizard will at `nowMs` (a lifetime over 90 days included), so a feed
 * that would be refused is never written.
 */
export function signFeed(draft: unknown, privateKeyPem: string, nowMs: number): SignedFeed {
  const parsed = FeedPayloadSchema.safeParse(draft);
  if (!parsed.success)
    return {
      ok: false,
      reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(top level)'}: ${i.message}`).join('; '),
    };
  let privateKey;
  try {
    privateKey = createPrivateKey({ key: privateKeyPem, format: 'pem' });
  } catch {
    return { ok: false, reason: 'the key file is not a PEM private key' };
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') return { ok: false, reason: 'the key is not an Ed25519 key' };
  const payload = JSON.stringify(draft);
  const signature = sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64');
  const publicKeyObject = createPublicKey(privateKey);
  const publicKey = publicKeyObject.export({ format: 'pem', type: 'spki' }).toString();
  // The key id tells a wizard trusting two keys (a rotation) which one to check the signature with.
  const document = `${JSON.stringify({ payload, signature, keyId: feedKeyId(publicKeyObject) }, null, 2)}\n`;
  const check = verifyFeed(document, publicKey, nowMs);
  return check.ok
    ? { ok: true, document, publicKey }
    : { ok: false, reason: `the signed feed would be refused: ${check.reason}` };
}
