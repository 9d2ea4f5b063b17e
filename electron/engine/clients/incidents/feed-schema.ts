import { z } from 'zod';
import { SEVERITIES } from '../../../../shared/severity';

/** Largest feed document accepted, bytes: the whole signed file, not only the payload. */
export const MAX_FEED_BYTES = 64 * 1024;
/** Most incidents one feed may carry. */
export const MAX_INCIDENTS = 50;
/**
 * Longest a feed may be valid, `expiresAt − issuedAt` in days: a mistake, or a feed signed with a key
 * that later leaked, leaves users' screens by itself within this time (issue 20 N8).
 */
export const MAX_FEED_LIFETIME_DAYS = 90;

// Text from the feed reaches the window, the CLI, the copied Markdown and the bundle: it must stay plain
// text everywhere. Refused: control characters (a newline only in a body), bidirectional overrides
// (text that reads differently than it is), angle brackets (HTML, Markdown autolinks) and Markdown link
// or image syntax, so a copied summary cannot turn feed text into a link.
function isPlainText(text: string, multiline: boolean): boolean {
  if (text.includes('](')) return false;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a ? !multiline : code < 0x20) return false;
    if ((code >= 0x7f && code <= 0x9f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069))
      return false;
    if (char === '<' || char === '>') return false;
  }
  return true;
}

const plainText = (max: number, multiline: boolean) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((text) => isPlainText(text, multiline), 'not plain text');

/** A BCP 47-ish tag as the feed uses them: `en`, `pt-BR`, `zh-Hant`. */
const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'not a language tag');

const localized = (max: number, multiline: boolean) =>
  z
    .record(localeTag, plainText(max, multiline))
    .refine((texts) => Object.keys(texts).length <= 20, 'more than 20 languages')
    .refine((texts) => typeof texts.en === 'string', 'has no English ("en") text');

/** An https address without credentials (never `javascript:`, `http:` or `file:`). */
const httpsLink = z
  .string()
  .max(300)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' && !url.username && !url.password && url.hostname.length > 0;
    } catch {
      return false;
    }
  }, 'not an https link');

const day = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** One incident: what is wrong for everyone, since when, its sources, and the problem codes it explains. */
export const IncidentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not an incident id (lower-case letters, digits, -)'),
    since: day,
    until: day.nullable(),
    severity: z.enum(SEVERITIES),
    title: localized(120, false),
    body: localized(1000, true),
    links: z.array(httpsLink).max(8),
    matches: z.object({ problems: z.array(z.string().regex(/^[A-Z0-9_]{1,64}$/)).max(20) }).strict(),
  })
  .strict();

/** The signed payload: schema version 1, its validity window and the incidents. */
export const FeedPayloadSchema = z
  .object({
    schemaVersion: z.literal(1),
    issuedAt: z.iso.datetime({ offset: true }),
    expiresAt: z.iso.datetime({ offset: true }),
    incidents: z.array(IncidentSchema).max(MAX_INCIDENTS),
  })
  .strict()
  .refine((feed) => new Set(feed.incidents.map((i) => i.id)).size === feed.incidents.length, 'incident ids repeat');
/** The feed's payload. */
export type FeedPayload = z.infer<typeof FeedPayloadSchema>;

/**
 * The published document: the payload as JSON text, the base64 Ed25519 signature of its UTF-8 bytes, and
 * the id of the key that signed it (`feedKeyId`; absent in feeds signed before key ids: every trusted key is tried).
 */
export const FeedDocumentSchema = z
  .object({
    payload: z.string().min(1).max(MAX_FEED_BYTES),
    // 64 signature bytes are 88 base64 characters.
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'not a base64 Ed25519 signature'),
    keyId: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'not a key id')
      .optional(),
  })
  .strict();
