import { createHash, createPublicKey, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../kit/diagnose';
import { contextFor } from '../kit/engine';
import { feedPayload, incident, newFeedKey, signedFeed, worldFeedKey, type TestFeedKey } from '../kit/incident-feed';
import { FEED_PATH, startWorld, type World } from '../kit/world';

/**
 * Issue 20 N8: nothing capped a feed's lifetime — a feed signed once with `expiresAt` in 2099 would be
 * shown for ever, even after its key leaked — and one baked-in key without a key id left no way to rotate.
 * A feed may live at most 90 days from `issuedAt`, names the key it was signed with, and a build (or config)
 * may trust two keys at once: the current one and the next.
 */
const DAY = 86_400_000;

/** The key id a feed names: the first 16 hex digits of the SHA-256 of the SPKI key (what incidents:keygen prints). */
function keyIdOf(key: TestFeedKey): string {
  const der = createPublicKey(key.publicKeyPem).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** A feed document signed with `key`, naming `keyId`. */
function documentWith(payload: unknown, key: TestFeedKey, keyId: string): string {
  const text = JSON.stringify(payload);
  return JSON.stringify({
    payload: text,
    signature: sign(null, Buffer.from(text), key.privateKey).toString('base64'),
    keyId,
  });
}

describe('the known-incidents feed: a bounded lifetime and a key id for rotation (issue 20 N8)', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());

  const serve = (body: string) =>
    world.incidents.route('GET', FEED_PATH, { status: 200, headers: { 'content-type': 'text/plain' }, body });
  const announcement = incident({ id: 'announced', matches: { problems: [] } });
  const feedCheck = async (publicKey?: string | string[]) => {
    const ctx = await contextFor(world, publicKey ? { incidents: { publicKey } as never } : {});
    const report = await diagnose(ctx, { steps: ['connectivity'] });
    return {
      check: report.checks.find((c) => c.id === 'connectivity.incidents')!,
      announced: report.findings.some((f) => f.problem === 'KNOWN_INCIDENT'),
      evidence: report.findings.find((f) => f.problem === 'INCIDENT_FEED_INVALID')?.evidence.join(' ') ?? '',
    };
  };

  it('a feed signed to expire in 2099 is refused; one of 90 days is used', async () => {
    const now = Date.now();
    serve(signedFeed(feedPayload([announcement], now, { expiresAt: '2099-01-01T00:00:00Z' })));
    const forever = await feedCheck();
    expect(forever.announced).toBe(false);
    expect(forever.evidence).toMatch(/more than 90 days/);

    serve(
      signedFeed(feedPayload([announcement], now, { expiresAt: new Date(now - 3_600_000 + 90 * DAY).toISOString() })),
    );
    expect((await feedCheck()).announced).toBe(true);
  });

  it('two trusted keys: a feed of either is used, each by its key id; a third key or a wrong id is refused', async () => {
    const current = worldFeedKey();
    const next = newFeedKey();
    const stranger = newFeedKey();
    const trusted = [current.publicKeyPem, next.publicKeyPem];
    const payload = feedPayload([announcement]);

    serve(documentWith(payload, next, keyIdOf(next)));
    expect((await feedCheck(trusted)).announced).toBe(true);
    serve(documentWith(payload, current, keyIdOf(current)));
    expect((await feedCheck(trusted)).announced).toBe(true);

    serve(documentWith(payload, stranger, keyIdOf(stranger)));
    const unknown = await feedCheck(trusted);
    expect(unknown.announced).toBe(false);
    expect(unknown.evidence).toMatch(/key this version does not trust/);

    // The id of a trusted key on a document another key signed: the signature decides.
    serve(documentWith(payload, stranger, keyIdOf(next)));
    expect((await feedCheck(trusted)).announced).toBe(false);
  });
});
