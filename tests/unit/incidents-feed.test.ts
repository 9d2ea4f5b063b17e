import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeIncidents } from '../../electron/engine/clients/incidents/active-incidents';
import { DEV_INCIDENTS_PUBLIC_KEY } from '../../electron/engine/clients/incidents/public-key';
import { signFeed } from '../../build/scripts/sign-feed';
import { verifyFeed } from '../../electron/engine/clients/incidents/verify-feed';
import { resolveConfig } from '../../electron/engine/core/config';
import { isProblemCode } from '../../shared/problems';
import { localeFromEnv, pickLocalized } from '../../shared/pick-locale';
import { feedPayload, incident, newFeedKey, signedFeed } from '../kit/incident-feed';

const NOW = Date.parse('2026-12-01T10:00:00Z');
const key = newFeedKey();
const verify = (payload: unknown, now = NOW) => verifyFeed(signedFeed(payload, key), key.publicKeyPem, now);
const reasonOf = (payload: unknown) => {
  const result = verify(payload);
  return result.ok ? 'accepted' : result.reason;
};

describe('verifying a feed', () => {
  it('accepts a signed feed and re-serialises it so it verifies again', () => {
    const result = verify(feedPayload([incident()], NOW));
    expect(result.ok).toBe(true);
    if (result.ok) expect(verifyFeed(result.document, key.publicKeyPem, NOW).ok).toBe(true);
  });

  it('allows five minutes of clock skew on issuedAt, not more', () => {
    const issued = (ms: number) => feedPayload([], NOW, { issuedAt: new Date(NOW + ms).toISOString() });
    expect(reasonOf(issued(4 * 60_000))).toBe('accepted');
    expect(reasonOf(issued(6 * 60_000))).toMatch(/issued in the future/);
  });

  it.each([
    ['a control character in a title', { title: { en: 'a\u0007b' } }],
    ['a newline in a title', { title: { en: 'a\nb' } }],
    ['a bidirectional override', { body: { en: 'abc\u202edef' } }],
    ['angle brackets', { body: { en: 'see <https://x.example>' } }],
    ['a Markdown link', { body: { en: 'see [here](https://x.example)' } }],
    ['no English text', { title: { de: 'nur Deutsch' } }],
    ['an http link', { links: ['http://github.com/trakt/trakt-api/issues/887'] }],
    ['a link with credentials', { links: ['https://user:pw@github.com/'] }],
    ['a data: link', { links: ['data:text/html,<script>alert(1)</script>'] }],
    ['an unknown field', { script: 'alert(1)' }],
    ['an unknown severity', { severity: 'catastrophic' }],
    ['an id with spaces', { id: 'two words' }],
    ['a title over 120 characters', { title: { en: 'x'.repeat(121) } }],
  ])('refuses %s, naming the rule and none of the text', (_what, overrides) => {
    const reason = reasonOf(feedPayload([incident(overrides)], NOW));
    expect(reason).toMatch(/^its payload breaks the feed schema \(incidents\.0[.:]/);
    expect(reason).not.toMatch(/alert|nur Deutsch|two words|catastrophic|script|x{20}/);
  });

  it('refuses repeated incident ids, a wrong schema version and an expiry before the issue date', () => {
    expect(reasonOf(feedPayload([incident(), incident()], NOW))).toMatch(/incident ids repeat/);
    expect(reasonOf(feedPayload([], NOW, { schemaVersion: 2 }))).toMatch(/schemaVersion/);
    expect(
      reasonOf(feedPayload([], NOW, { issuedAt: '2026-12-01T09:00:00Z', expiresAt: '2026-12-01T08:00:00Z' })),
    ).toMatch(/expires before it was issued/);
  });

  it('refuses an envelope that is not {payload, signature}, and a key that is not Ed25519', () => {
    expect(verifyFeed('{"payload":"{}"}', key.publicKeyPem, NOW)).toMatchObject({ ok: false });
    expect(verifyFeed('[]', key.publicKeyPem, NOW)).toMatchObject({ ok: false, reason: /not a signed feed/ });
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' });
    expect(verifyFeed(signedFeed(feedPayload([], NOW), key), rsa.toString(), NOW)).toMatchObject({
      ok: false,
      reason: /not an Ed25519 key/,
    });
  });

  it('keeps only incidents in force, localised, with unknown problem codes kept but never matching', () => {
    const payload = feedPayload(
      [
        incident({ id: 'now', matches: { problems: ['A_FUTURE_CODE'] } }),
        incident({ id: 'over', until: '2026-11-01' }),
        incident({ id: 'later', since: '2027-01-01' }),
      ],
      NOW,
    );
    const result = verify(payload);
    if (!result.ok) throw new Error(result.reason);
    const active = activeIncidents(result.payload, NOW, 'de-CH');
    expect(active.map((i) => [i.id, i.title])).toEqual([['now', 'Die neue Trakt-Anmeldung stört Stremio']]);
    expect(isProblemCode('A_FUTURE_CODE')).toBe(false);
  });
});

describe('the maintainers’ signing and the shipped feed', () => {
  it('signs a draft so that the wizard verifies it, and refuses a draft that breaks the schema', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const signed = signFeed(feedPayload([incident()], NOW), privatePem, NOW);
    if (!signed.ok) throw new Error(signed.reason);
    expect(signed.publicKey).toBe(publicKey.export({ format: 'pem', type: 'spki' }).toString());
    expect(verifyFeed(signed.document, signed.publicKey, NOW).ok).toBe(true);
    // It names its key, so a wizard trusting two keys checks the right one (issue 20 N8).
    expect(JSON.parse(signed.document)).toMatchObject({ keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(signFeed(feedPayload([], NOW, { expiresAt: '2099-01-01T00:00:00Z' }), privatePem, NOW)).toMatchObject({
      ok: false,
      reason: /more than 90 days/,
    });
    expect(signFeed(feedPayload([incident({ links: ['javascript:alert(1)'] })], NOW), privatePem, NOW)).toMatchObject({
      ok: false,
    });
  });

  it('ships incidents/feed.json signed with the development key, about the 2026 sign-in change, with public sources', () => {
    const document = readFileSync(path.join(import.meta.dirname, '../../incidents/feed.json'), 'utf8');
    const result = verifyFeed(document, DEV_INCIDENTS_PUBLIC_KEY, Date.parse('2026-12-01T00:00:00Z'));
    if (!result.ok) throw new Error(result.reason);
    const ids = result.payload.incidents.map((i) => i.id);
    expect(ids).toContain('trakt-sign-in-pkce-2026');
    const links = result.payload.incidents.flatMap((i) => i.links);
    expect(links).toEqual(
      expect.arrayContaining([
        'https://github.com/trakt/trakt-api/issues/887',
        'https://github.com/MunifTanjim/stremthru/issues/571',
      ]),
    );
    // The committed draft is what was signed.
    const draft: unknown = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../../incidents/draft.json'), 'utf8'),
    );
    expect(result.payload).toEqual(draft);
  });

  it('config incidents.publicKey (one key, or two in a rotation) overrides the built-in keys and must be Ed25519 SPKI PEM', () => {
    expect(resolveConfig({}).incidents.publicKeys).toBeNull();
    expect(resolveConfig({ incidents: { publicKey: key.publicKeyPem } }).incidents.publicKeys).toEqual([
      key.publicKeyPem,
    ]);
    const next = generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(resolveConfig({ incidents: { publicKey: [key.publicKeyPem, next] } }).incidents.publicKeys).toEqual([
      key.publicKeyPem,
      next,
    ]);
    expect(() => resolveConfig({ incidents: { publicKey: [key.publicKeyPem, next, next] } })).toThrow(
      /incidents\.publicKey/,
    );
    expect(() => resolveConfig({ incidents: { publicKey: 'not a key' } })).toThrow(/incidents\.publicKey: not a PEM/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'pem', type: 'spki' });
    expect(() => resolveConfig({ incidents: { publicKey: rsa.toString() } })).toThrow(/not an Ed25519 public key/);
    expect(resolveConfig({}).endpoints.incidents).toBe(
      'https://raw.githubusercontent.com/stremio-trakt-doctor/stremio-trakt-doctor/main/incidents/feed.json',
    );
  });
});

describe('the locale picker', () => {
  it('takes the exact tag, then the language, then English', () => {
    const texts = { en: 'English', pt: 'Português', 'pt-BR': 'Português do Brasil' };
    expect(pickLocalized(texts, 'pt-BR')).toBe('Português do Brasil');
    expect(pickLocalized(texts, 'pt_PT')).toBe('Português');
    expect(pickLocalized(texts, 'ja')).toBe('English');
  });

  it('reads LC_ALL, LC_MESSAGES, LANG in that order, skipping C/POSIX', () => {
    expect(localeFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('de-DE');
    expect(localeFromEnv({ LC_ALL: 'C', LC_MESSAGES: 'pt_BR.UTF-8@euro', LANG: 'de_DE' })).toBe('pt-BR');
    expect(localeFromEnv({})).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});
