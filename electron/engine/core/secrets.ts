import { sanitizeNetworkLines } from '../../../shared/network-text';
import { redactionMarker } from '../../../shared/redaction-marker';

/**
 * Every secret value the engine has seen, and the one redaction path that scrubs them from any text
 * (logs, errors, IPC traces, reports, bundles — docs/architecture.md "Privacy"; openwork#2506). The same
 * path makes network text inert (shared/network-text.ts): whatever leaves the engine leaves through it.
 */

/** The classes of values that are redacted, as counted in a bundle's manifest. */
export type RedactionClass =
  | 'token'
  | 'code'
  | 'auth-key'
  | 'password'
  | 'client-secret'
  | 'state'
  | 'code-verifier'
  | 'email'
  | 'home-path'
  | 'user-name'
  /** Library and history titles: what someone watched is personal (the window may show it, nothing else). */
  | 'title'
  /** Add-on addresses: they can carry account tokens and say what someone uses. */
  | 'addon-url'
  | 'account-id'
  | 'trakt-username';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/**
 * Query parameters whose values are secret wherever they appear in a URL. A value already replaced by
 * a registered secret's marker is left alone: matching it again left `state=[redacted] state]`.
 */
const SECRET_PARAMS =
  /([?&#](?:code|state|access_token|refresh_token|token|authKey|auth_key|code_verifier|client_secret|password)=)(?!\[redacted)[^&#\s"']*/gi;
/** Shorter values are not registered: redacting "ab" everywhere would destroy the text, not protect it. */
const MIN_SECRET_LENGTH = 4;
/**
 * Secret fields by name, for values the registry never saw (an old log line, a pasted response): JSON
 * `"access_token": "…"` and `Authorization: Bearer …` (different-ai/openwork#2506 "two-layer redaction").
 */
const SECRET_FIELD_NAMES: ReadonlyMap<string, RedactionClass> = new Map<string, RedactionClass>([
  ['access_token', 'token'],
  ['refresh_token', 'token'],
  ['authKey', 'auth-key'],
  ['auth_key', 'auth-key'],
  ['password', 'password'],
  ['client_secret', 'client-secret'],
  ['code_verifier', 'code-verifier'],
]);
/** The same fields inside text (JSON `"name": "…"`), and bearer tokens. */
const SECRET_FIELDS: readonly (readonly [RegExp, RedactionClass])[] = [
  ...[...SECRET_FIELD_NAMES].map(
    ([name, kind]) => [new RegExp(`("${name}"\\s*:\\s*")(?!\\[redacted)[^"]+`, 'g'), kind] as const,
  ),
  [/(\bBearer\s+)[A-Za-z0-9._~+/=-]{8,}/g, 'token'],
];

/** Shared system account names: they identify nobody, and scrubbing "root" would mangle "Root CA". */
const GENERIC_ACCOUNTS = new Set([
  'root',
  'admin',
  'administrator',
  'user',
  'guest',
  'runner',
  'ubuntu',
  'default',
  'public',
  'system',
]);

/** Collects secret values and scrubs them (and e-mail addresses, secret URL parameters) from text. */
export class SecretRegistry {
  private readonly values = new Map<string, RedactionClass>();
  private readonly counts = new Map<RedactionClass, number>();
  /** The values longest first, kept between calls: a library's titles make hundreds of values. */
  private longestFirst: (readonly [string, RedactionClass])[] | null = null;
  /** Values replaced only as whole words (names), with their class. */
  private readonly words = new Map<string, RedactionClass>();

  /** Registers a secret value so every later `redact` removes it. Returns the value for chaining. */
  add<T extends string | null | undefined>(value: T, kind: RedactionClass): T {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) {
      this.longestFirst = null;
      this.values.set(value, kind);
      // JSON encoding of the value (quotes, slashes escaped) must be caught too.
      const encoded = JSON.stringify(value).slice(1, -1);
      if (encoded !== value) this.values.set(encoded, kind);
      const uri = encodeURIComponent(value);
      if (uri !== value) this.values.set(uri, kind);
    }
    return value;
  }

  /**
   * Registers the user's home folder (replaced wherever it appears, like a secret) and account name
   * (replaced only as a whole word, so "bob" does not break "bobsled") — docs/architecture.md "Bundle".
   */
  addIdentity(identity: { readonly homeDir?: string | undefined; readonly userName?: string | undefined }): void {
    const home = identity.homeDir?.replace(/[\\/]+$/, '');
    if (home && home.length > 1) {
      this.add(home, 'home-path');
      // Windows paths are also written with forward slashes (URLs, Node's path.posix, Electron logs).
      if (home.includes('\\')) this.add(home.replace(/\\/g, '/'), 'home-path');
    }
    const name = identity.userName?.trim();
    if (name && name.length >= 2 && !GENERIC_ACCOUNTS.has(name.toLowerCase())) this.words.set(name, 'user-name');
  }

  /**
   * Registers a personal name (a Trakt username) replaced only as a whole word, in any case, and in its
   * URL-encoded form: a short name like "sam" must not break "sample". Unlike an OS account name it is
   * registered whatever it is — "runner" or "j" name a person on Trakt — at the cost of that word in
   * other text; the engine keeps the name out of every summary and evidence line besides. Returns the
   * value for chaining.
   */
  addName<T extends string | null | undefined>(value: T, kind: RedactionClass): T {
    const name = value?.trim();
    if (name) {
      this.words.set(name, kind);
      const uri = encodeURIComponent(name);
      if (uri !== name) this.words.set(uri, kind);
    }
    return value;
  }

  /**
   * Returns `text` sanitised (no terminal escape, control character or bidi override; its lines kept) with
   * every registered secret, secret URL parameter and e-mail address replaced. Sanitised first, so a
   * secret split by a control character is still found.
   */
  redact(text: string): string {
    let out = sanitizeNetworkLines(text);
    // Longest first, so a secret that contains another is removed whole.
    this.longestFirst ??= [...this.values].sort((a, b) => b[0].length - a[0].length);
    for (const [value, kind] of this.longestFirst) {
      if (out.includes(value)) {
        const parts = out.split(value);
        this.count(kind, parts.length - 1);
        out = parts.join(redactionMarker(kind));
      }
    }
    out = out.replace(SECRET_PARAMS, (_match, prefix: string) => {
      this.count('code', 1);
      return `${prefix}[redacted]`;
    });
    for (const [pattern, kind] of SECRET_FIELDS) {
      out = out.replace(pattern, (_match, prefix: string) => {
        this.count(kind, 1);
        return `${prefix}${redactionMarker(kind)}`;
      });
    }
    out = out.replace(EMAIL, () => {
      this.count('email', 1);
      return redactionMarker('email');
    });
    for (const [name, kind] of [...this.words].sort((a, b) => b[0].length - a[0].length)) {
      out = out.replace(wholeWord(name), () => {
        this.count(kind, 1);
        return redactionMarker(kind);
      });
    }
    return out;
  }

  /**
   * Deep-redacts a JSON-safe value: every string and key inside it, and the string value of a secret
   * field by name. It walks the value rather than redacting its JSON text, where a registered value
   * such as the password "123456" would match inside a number (`91234567`) and leave invalid JSON.
   */
  redactValue<T>(value: T): T {
    const walk = (node: unknown, key?: string): unknown => {
      if (typeof node === 'string') {
        const kind = key === undefined ? undefined : SECRET_FIELD_NAMES.get(key);
        if (!kind || node === '' || node.startsWith('[redacted')) return this.redact(node);
        this.count(kind, 1);
        return redactionMarker(kind);
      }
      if (Array.isArray(node)) return node.map((child) => walk(child));
      if (node === null || typeof node !== 'object') return node;
      return Object.fromEntries(Object.entries(node).map(([k, child]) => [this.redact(k), walk(child, k)]));
    };
    return walk(JSON.parse(JSON.stringify(value))) as T;
  }

  /** How many replacements each class has had so far (for the bundle manifest). */
  redactionCounts(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.counts);
  }

  private count(kind: RedactionClass, n: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }
}

/** Matches `word` (any case) only where no letter, digit or underscore touches it, and not inside a redaction marker. */
function wholeWord(word: string): RegExp {
  return new RegExp(
    `(?<!\\[redacted [^\\]]*)(?<![\\p{L}\\p{N}_])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}_])`,
    'giu',
  );
}
