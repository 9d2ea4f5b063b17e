import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { msg, type Message } from '../../../../shared/i18n/message';
import { parseJson } from '../../core/parse-json';
import {
  FeedDocumentSchema,
  FeedPayloadSchema,
  MAX_FEED_BYTES,
  MAX_FEED_LIFETIME_DAYS,
  type FeedPayload,
} from './feed-schema';

/** How far `issuedAt` may be ahead of this computer's clock (a slightly fast publisher, a slow user). */
export const ISSUED_AT_SKEW_MS = 5 * 60_000;

/** A verified feed: its payload, and the signed document to keep for offline runs. */
export interface VerifiedFeed {
  readonly ok: true;
  readonly payload: FeedPayload;
  /** The signed document, re-serialised: the payload string is kept byte for byte, so it verifies again. */
  readonly document: string;
}

/** Why a feed was refused: one line naming the rule it broke, never any of its text. */
export interface RefusedFeed {
  readonly ok: false;
  /** In English, for the evidence line and the log. */
  readonly reason: string;
  /** The same as a locale message, nested in the check's summary (docs/i18n.md). */
  readonly why: Message;
}

/**
 * The id of a feed signing key: the first 16 hex digits of the SHA-256 of its SPKI encoding (what
 * `npm run incidents:keygen` and `incidents:sign` print as the key's fingerprint).
 */
export function feedKeyId(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ format: 'der', type: 'spki' }))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Verifies a feed document against the trusted keys (one, or two while a key is rotated): size, envelope,
 * the Ed25519 signature over the payload's exact UTF-8 bytes by the key the document names (every trusted
 * key when it names none) — before anything in the payload is read —, the strict schema, then its dates
 * against `nowMs`, its lifetime at most `MAX_FEED_LIFETIME_DAYS`.
 */
export function verifyFeed(
  text: string,
  publicKeysPem: string | readonly string[],
  nowMs: number,
): VerifiedFeed | RefusedFeed {
  const refuse = (reason: string, why: Message): RefusedFeed => ({ ok: false, reason, why });
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_FEED_BYTES)
    return refuse(
      `it is larger than ${MAX_FEED_BYTES / 1024} KiB (${bytes} bytes)`,
      msg('clients:incidentFeed.tooLarge', { size: MAX_FEED_BYTES }),
    );
  const json = parseJson(text);
  if (json === undefined) return refuse('it is not JSON', msg('clients:incidentFeed.notJson'));
  const envelope = FeedDocumentSchema.safeParse(json);
  if (!envelope.success) {
    const issue = describeIssue(envelope.error);
    return refuse(`it is not a signed feed document (${issue})`, msg('clients:incidentFeed.notSigned', { issue }));
  }
  const { payload, signature, keyId } = envelope.data;
  const keys: KeyObject[] = [];
  for (const pem of typeof publicKeysPem === 'string' ? [publicKeysPem] : publicKeysPem) {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: pem, format: 'pem' });
    } catch {
      return refuse('the public key it is checked with is not a PEM key', msg('clients:incidentFeed.keyNotPem'));
    }
    if (key.asymmetricKeyType !== 'ed25519')
      return refuse(
        'the public key it is checked with is not an Ed25519 key',
        msg('clients:incidentFeed.keyNotEd25519'),
      );
    keys.push(key);
  }
  const candidates = keyId === undefined ? keys : keys.filter((key) => feedKeyId(key) === keyId);
  if (candidates.length === 0)
    return refuse(
      `it names a signing key this version does not trust (key id ${keyId})`,
      msg('clients:incidentFeed.unknownKey'),
    );
  // A tampered payload and a feed signed with another key fail alike: the signature does not verify.
  const signed = Buffer.from(payload, 'utf8');
  if (!candidates.some((key) => verify(null, signed, key, Buffer.from(signature, 'base64'))))
    return refuse('its signature does not verify with the public key', msg('clients:incidentFeed.badSignature'));
  const parsed = FeedPayloadSchema.safeParse(parseJson(payload));
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    return refuse(`its payload breaks the feed schema (${issue})`, msg('clients:incidentFeed.badPayload', { issue }));
  }
  const issuedAt = Date.parse(parsed.data.issuedAt);
  const expiresAt = Date.parse(parsed.data.expiresAt);
  if (issuedAt > nowMs + ISSUED_AT_SKEW_MS)
    return refuse(
      `it was issued in the future (${parsed.data.issuedAt}; this computer's clock says ${iso(nowMs)})`,
      msg('clients:incidentFeed.future', { issued: issuedAt, now: nowMs }),
    );
  if (expiresAt <= issuedAt)
    return refuse('it expires before it was issued', msg('clients:incidentFeed.expiresBeforeIssued'));
  if (expiresAt - issuedAt > MAX_FEED_LIFETIME_DAYS * 86_400_000)
    return refuse(
      `it is valid for more than ${MAX_FEED_LIFETIME_DAYS} days (issued ${parsed.data.issuedAt}, expires ${parsed.data.expiresAt})`,
      msg('clients:incidentFeed.tooLong'),
    );
  if (expiresAt <= nowMs)
    return refuse(
      `it expired on ${parsed.data.expiresAt}`,
      msg('clients:incidentFeed.expired', { expires: expiresAt }),
    );
  return {
    ok: true,
    payload: parsed.data,
    document: JSON.stringify({ payload, signature, ...(keyId === undefined ? {} : { keyId }) }),
  };
}

/** The first schema issue as `path: kind`, built from the schema's own words: never a value or a key of the feed. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map((p) => (typeof p === 'number' || /^[A-Za-z]{1,20}$/.test(String(p)) ? p : '…'));
  const what =
    issue.code === 'custom'
      ? issue.message
      : issue.code === 'unrecognized_keys'
        ? 'unknown key'
        : issue.code === 'too_big'
          ? 'too long or too many'
          : issue.code.replace(/_/g, ' ');
  return where.length > 0 ? `${where.join('.')}: ${what}` : what;
}

function iso(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString() : 'an invalid date';
}
