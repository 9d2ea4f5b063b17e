import { z } from 'zod';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { createPublicKey } from 'node:crypto';
import { TRAKT_CLIENT_ID_PATTERN } from '../../../shared/trakt-client-id';

/** The defaults are the real services (docs/architecture.md "Interfaces"). */
export const DEFAULT_ENDPOINTS = {
  stremioWeb: 'https://www.strem.io',
  stremioApi: 'https://api.strem.io',
  stremioUpdater: 'https://www.strem.io/updater/check',
  traktWeb: 'https://trakt.tv',
  traktApi: 'https://api.trakt.tv',
  traktAuth: 'https://auth.trakt.tv',
  captivePortal: 'http://connectivitycheck.gstatic.com/generate_204',
  streamingServer: 'http://127.0.0.1:11470',
  wizardReleases: 'https://api.github.com/repos/stremio-trakt-doctor/stremio-trakt-doctor/releases/latest',
  // The signed known-incidents feed, published from the repository's main branch (docs/incidents.md).
  incidents: 'https://raw.githubusercontent.com/stremio-trakt-doctor/stremio-trakt-doctor/main/incidents/feed.json',
} as const;

/** The public reference resolvers compared against the system resolver (docs/architecture.md "Interfaces"). */
export const DEFAULT_REFERENCE_DNS = ['1.1.1.1', '8.8.8.8'];
/** Default per-probe timeout. */
export const DEFAULT_PROBE_MS = 8000;
/** How long the differential sign-in test waits for the user in the browser (the issue: 5 minutes). */
export const DEFAULT_OAUTH_MS = 5 * 60_000;
/** Port of the loopback redirect URI registered for the wizard's Trakt app. */
export const DEFAULT_REDIRECT_PORT = 41287;

/** The name of an endpoint in the config. */
export type EndpointName = keyof typeof DEFAULT_ENDPOINTS;

const httpUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a URL' });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    ctx.addIssue({ code: 'custom', message: 'not an http(s) URL' });
  else if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'must not carry credentials' });
});

/**
 * An IP address with an optional port — `1.1.1.1`, `127.0.0.1:5353`, `::1`, `[::1]:53` — as Node's
 * `dns.Resolver#setServers` takes them. A name is refused here: `setServers` throws on one (after the
 * config was accepted), and resolving the resolver's own name would need a resolver.
 */
const dnsServer = z.string().refine((value) => {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  const v4 = /^([\d.]+)(?::(\d{1,5}))?$/.exec(value);
  const [address, port] = bracketed ? [bracketed[1]!, bracketed[2]] : v4 ? [v4[1]!, v4[2]] : [value, undefined];
  const family = net.isIP(address);
  const portOk = port === undefined || (Number(port) >= 1 && Number(port) <= 65535);
  return portOk && (bracketed ? family === 6 : v4 ? family === 4 : family === 6);
}, 'not a DNS server address (an IP address, optionally with :port)');

/** An Ed25519 public key as SPKI PEM (what `npm run incidents:keygen` prints). */
const ed25519PublicKey = z.string().superRefine((value, ctx) => {
  try {
    if (createPublicKey({ key: value, format: 'pem' }).asymmetricKeyType === 'ed25519') return;
    ctx.addIssue({ code: 'custom', message: 'not an Ed25519 public key' });
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not a PEM public key (SPKI, "-----BEGIN PUBLIC KEY-----")' });
  }
});

const endpointShape = Object.fromEntries(Object.keys(DEFAULT_ENDPOINTS).map((k) => [k, httpUrl.optional()])) as Record<
  EndpointName,
  z.ZodOptional<typeof httpUrl>
>;

/** The config file's schema. Unknown keys are errors (`strict`), never silently ignored. */
export const ConfigFileSchema = z
  .object({
    endpoints: z.object(endpointShape).strict().optional(),
    // One key, or two while the feed's signing key is rotated (docs/incidents.md "Keys").
    incidents: z
      .object({ publicKey: z.union([ed25519PublicKey, z.array(ed25519PublicKey).min(1).max(2)]).optional() })
      .strict()
      .optional(),
    dns: z
      .object({
        system: z.array(dnsServer).min(1, 'needs at least one server').optional(),
        reference: z.array(dnsServer).min(1, 'needs at least one server').optional(),
      })
      .strict()
      .optional(),
    tls: z
      .object({ extraCaFile: z.string().min(1).optional() })
      .strict()
      .optional(),
    trakt: z
      .object({
        clientId: z.string().regex(TRAKT_CLIENT_ID_PATTERN, 'not a Trakt client id').optional(),
        redirectPort: z.number().int().min(1024, 'must be 1024–65535').max(65535, 'must be 1024–65535').optional(),
      })
      .strict()
      .optional(),
    stremio: z
      .object({ searchRoots: z.array(z.string().min(1)).optional() })
      .strict()
      .optional(),
    timeouts: z
      .object({
        probeMs: z.number().int().min(50, 'must be at least 50').max(120_000, 'must be at most 120000').optional(),
        overallMs: z.number().int().min(100, 'must be at least 100').max(600_000, 'must be at most 600000').optional(),
        oauthMs: z
          .number()
          .int()
          .min(1000, 'must be at least 1000')
          .max(1_800_000, 'must be at most 1800000')
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The config as written in a file (every key optional). */
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

/** The resolved config: every default filled in. */
export interface Config {
  readonly endpoints: Readonly<Record<EndpointName, string>>;
  /** `publicKeys`: the keys (one, or two in a rotation) the incidents feed may be signed with; null = the built-in ones. */
  readonly incidents: { readonly publicKeys: readonly string[] | null };
  readonly dns: { readonly system: readonly string[] | null; readonly reference: readonly string[] };
  readonly tls: { readonly extraCaFile: string | null };
  readonly trakt: { readonly clientId: string | null; readonly redirectPort: number };
  readonly stremio: { readonly searchRoots: readonly string[] | null };
  /** `oauthMs`: how long the differential sign-in test waits for the user (not bound by `overallMs`). */
  readonly timeouts: { readonly probeMs: number; readonly overallMs: number; readonly oauthMs: number };
}

/** A config that could not be used; `message` lists every problem as `path: reason`. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Validates a parsed config value and fills in defaults; throws ConfigError with one line per problem. */
export function resolveConfig(value: unknown, buildClientId = ''): Config {
  const parsed = ConfigFileSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const where = issue.path.join('.') || '(top level)';
      const what =
        issue.code === 'unrecognized_keys'
          ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
          : issue.message;
      return `${where}: ${what}`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  const file = parsed.data;
  const probeMs = file.timeouts?.probeMs ?? DEFAULT_PROBE_MS;
  return {
    endpoints: { ...DEFAULT_ENDPOINTS, ...file.endpoints },
    incidents: {
      publicKeys:
        file.incidents?.publicKey === undefined
          ? null
          : typeof file.incidents.publicKey === 'string'
            ? [file.incidents.publicKey]
            : file.incidents.publicKey,
    },
    dns: { system: file.dns?.system ?? null, reference: file.dns?.reference ?? DEFAULT_REFERENCE_DNS },
    tls: { extraCaFile: file.tls?.extraCaFile ?? null },
    trakt: {
      clientId: file.trakt?.clientId ?? (buildClientId || null),
      redirectPort: file.trakt?.redirectPort ?? DEFAULT_REDIRECT_PORT,
    },
    stremio: { searchRoots: file.stremio?.searchRoots ?? null },
    // The whole run is bounded by one deadline: a few probe timeouts, never their sum (docs/testing.md "Benchmarks").
    timeouts: {
      probeMs,
      overallMs: file.timeouts?.overallMs ?? runDeadlineMs(probeMs),
      oauthMs: file.timeouts?.oauthMs ?? DEFAULT_OAUTH_MS,
    },
  };
}

/** Probes in the longest chain a run waits for: one host's DNS, TCP, TLS and HTTP, one after the other. */
export const CHAIN_STAGES = 4;

/** The run-wide deadline a probe timeout implies: the longest chain of probes, plus 2 s for the checks' own work. */
export function runDeadlineMs(probeMs: number): number {
  return probeMs * CHAIN_STAGES + 2000;
}

/** Reads and validates a JSON config file; every failure is a ConfigError naming the file. */
export async function loadConfigFile(file: string, buildClientId = ''): Promise<Config> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  try {
    return resolveConfig(value, buildClientId);
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${file}:\n${error.message}`);
    throw error;
  }
}
