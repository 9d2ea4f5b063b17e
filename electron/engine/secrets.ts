/**
 * Every secret value the engine has seen, and the one redaction path that scrubs them from any text
 * (logs, errors, IPC traces, reports, bundles — PRODUCT.md §5/§6; wizards.md §5 "two-layer redaction").
 */

/** The classes of values that are redacted, as counted in a bundle's manifest. */
export type RedactionClass =
  | 'token' | 'code' | 'auth-key' | 'password' | 'client-secret' | 'state' | 'code-verifier'
  | 'email' | 'home-path' | 'user-name';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** Query parameters whose values are secret wherever they appear in a URL. */
const SECRET_PARAMS = /([?&#](?:code|state|access_token|refresh_token|token|authKey|auth_key|code_verifier|client_secret|password)=)[^&#\s"']*/gi;
/** Shorter values are not registered: redacting "ab" everywhere would destroy the text, not protect it. */
const MIN_SECRET_LENGTH = 4;

/** Collects secret values and scrubs them (and e-mail addresses, secret URL parameters) from text. */
export class SecretRegistry {
  private readonly values = new Map<string, RedactionClass>();
  private readonly counts = new Map<RedactionClass, number>();

  /** Registers a secret value so every later `redact` removes it. Returns the value for chaining. */
  add<T extends string | null | undefined>(value: T, kind: RedactionClass): T {
    if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH) {
      this.values.set(value, kind);
      // JSON encoding of the value (quotes, slashes escaped) must be caught too.
      const encoded = JSON.stringify(value).slice(1, -1);
      if (encoded !== value) this.values.set(encoded, kind);
      const uri = encodeURIComponent(value);
      if (uri !== value) this.values.set(uri, kind);
    }
    return value;
  }

  /** Returns `text` with every registered secret, secret URL parameter and e-mail address replaced. */
  redact(text: string): string {
    let out = text;
    // Longest first, so a secret that contains another is removed whole.
    for (const [value, kind] of [...this.values].sort((a, b) => b[0].length - a[0].length)) {
      if (out.includes(value)) {
        const parts = out.split(value);
        this.count(kind, parts.length - 1);
        out = parts.join(`[redacted ${kind}]`);
      }
    }
    out = out.replace(SECRET_PARAMS, (_match, prefix: string) => {
      this.count('code', 1);
      return `${prefix}[redacted]`;
    });
    out = out.replace(EMAIL, () => {
      this.count('email', 1);
      return '[redacted email]';
    });
    return out;
  }

  /** Deep-redacts a JSON-safe value (strings anywhere inside it). */
  redactValue<T>(value: T): T {
    return JSON.parse(this.redact(JSON.stringify(value))) as T;
  }

  /** How many replacements each class has had so far (for the bundle manifest). */
  redactionCounts(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.counts);
  }

  private count(kind: RedactionClass, n: number): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }
}
