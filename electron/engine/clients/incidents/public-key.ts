declare const __INCIDENTS_PUBLIC_KEY__: string | undefined;

/**
 * The development key's public half: it verifies the feed committed in `incidents/feed.json` and is the
 * default of every build that is not a release. Its private half is kept by the maintainers, never in the
 * repository (docs/incidents.md).
 */
export const DEV_INCIDENTS_PUBLIC_KEY =
  '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA5ApZmqosFtNl1XdRPNXQPB6eahdmoguua1Ihe5vfa/o=\n-----END PUBLIC KEY-----\n';

/**
 * The keys the incidents feed may be signed with, unless the config's `incidents.publicKey` names others: a
 * release build bakes in `INCIDENTS_PUBLIC_KEY` from its environment (build/scripts/build.mjs) — one SPKI PEM,
 * or two during a key rotation (the current key and the next; docs/incidents.md "Keys").
 */
export const BUILT_IN_INCIDENTS_PUBLIC_KEYS: readonly string[] =
  typeof __INCIDENTS_PUBLIC_KEY__ === 'string' && __INCIDENTS_PUBLIC_KEY__ !== ''
    ? pemBlocks(__INCIDENTS_PUBLIC_KEY__)
    : [DEV_INCIDENTS_PUBLIC_KEY];

/** The PEM public keys in a text, in order. */
function pemBlocks(text: string): string[] {
  return (text.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----/g) ?? []).map((pem) => `${pem}\n`);
}
