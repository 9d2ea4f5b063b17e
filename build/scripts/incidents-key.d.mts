/** The SPKI PEM key(s) to bake in (one, or two during a rotation), or '' for the development key; throws for a release without a key or a wrong key. */
export function buildIncidentsKey(env: Readonly<Record<string, string | undefined>>): string;
