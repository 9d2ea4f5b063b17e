import { readFile } from 'node:fs/promises';
import { localeFromEnv } from '../../../shared/pick-locale';
import { createTranslator, type Translator } from '../../../shared/i18n/translator';
import { resolveLocale } from '../../../shared/i18n/locales';
import { ConfigError, type Config } from '../core/config';
import { createHttpClient, type HttpClient } from '../net/http-client';
import { createProxyLookup, type ProxyLookup } from '../net/proxy';
import { createOsResolver, createServerResolver, type HostResolver } from '../net/resolver';
import { NetworkTrace } from '../net/trace';
import { Logger, type LogSink } from '../core/log';
import { SecretRegistry } from '../core/secrets';
import { TOOL_VERSION, USER_AGENT } from '../core/version';

/** Opens a URL in the user's browser (the app: `shell.openExternal`; the CLI: `--open-with` or the OS opener). */
export type UrlOpener = (url: string) => Promise<void>;

/**
 * Where the last verified known-incidents feed is kept between runs (the app: electron-store in the main
 * process; the CLI: a file under the user's cache folder). It holds the signed document as received, so
 * it is verified again on every read: a copy edited on disk is refused like a tampered download.
 */
export interface IncidentFeedCache {
  /** The stored signed document, or null when none is kept (or it cannot be read). */
  read(): Promise<string | null>;
  /** Replaces the stored document; a failure to write is reported by throwing. */
  write(document: string): Promise<void>;
}

/**
 * Everything a check may touch, passed in (docs/architecture.md "Context"):
 * the window and the CLI each build one; tests build one against loopback emulators.
 */
export interface EngineContext {
  readonly config: Config;
  readonly version: string;
  readonly userAgent: string;
  /** Milliseconds since the epoch; replaceable so token-expiry rules are testable. */
  readonly now: () => number;
  /** The resolver the system uses (or `dns.system`), and the reference one compared against. */
  readonly resolvers: { readonly system: HostResolver; readonly reference: HostResolver };
  /** Extra trusted roots (PEM), from `tls.extraCaFile`. */
  readonly extraCa: string | null;
  readonly http: HttpClient;
  /** Roots searched for Stremio installs and data; null = the OS's real locations. */
  readonly searchRoots: readonly string[] | null;
  readonly openUrl: UrlOpener;
  readonly secrets: SecretRegistry;
  readonly log: Logger;
  readonly trace: NetworkTrace;
  /** The environment (proxy variables, home folder), passed in rather than read globally. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The OS platform the checks reason about (`process.platform` unless a test says otherwise). */
  readonly platform: NodeJS.Platform;
  /** The system proxy for a URL as the app's browser would use it (Electron `session.resolveProxy`); null outside the app. */
  readonly resolveProxy: ((url: string) => Promise<string>) | null;
  /** The proxy the engine's requests use for a URL: `resolveProxy` when it names one, else the environment (curl's rules). */
  readonly proxyFor: ProxyLookup;
  /** The last verified incidents feed between runs; null = nothing is kept (each run fetches anew). */
  readonly incidentCache: IncidentFeedCache | null;
  /** The user's language (BCP 47, e.g. `pt-BR`) for texts that come localised (the incidents feed). */
  readonly locale: string;
  /** Says the engine's messages (check summaries, findings) in the shipped language nearest `locale` (docs/i18n.md). */
  readonly translator: Translator;
}

/** What a caller may supply besides the config. */
export interface EngineContextOptions {
  readonly now?: () => number;
  readonly openUrl?: UrlOpener;
  readonly logSink?: LogSink;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
  readonly secrets?: SecretRegistry;
  readonly resolveProxy?: (url: string) => Promise<string>;
  readonly incidentCache?: IncidentFeedCache;
  /** Default: from the environment's POSIX locale variables, else the runtime's. */
  readonly locale?: string;
  /** The network trace and log to record into (a diagnosis session shares one of each across its runs). */
  readonly records?: { readonly trace: NetworkTrace; readonly log: Logger };
}

/** Builds an engine context from a resolved config; reads the extra CA file once here. */
export async function createEngineContext(config: Config, options: EngineContextOptions = {}): Promise<EngineContext> {
  const now = options.now ?? Date.now;
  const secrets = options.secrets ?? new SecretRegistry();
  const env = options.env ?? process.env;
  // The user's home path and name are personal details: scrubbed from every surface (logs, reports,
  // copy, bundle), not only from bundles (docs/architecture.md "Bundle").
  secrets.addIdentity({ homeDir: env.HOME ?? env.USERPROFILE, userName: env.USER ?? env.USERNAME ?? env.LOGNAME });
  const trace = options.records?.trace ?? new NetworkTrace(secrets);
  const extraCa = config.tls.extraCaFile ? await readExtraCa(config.tls.extraCaFile) : null;
  const system = config.dns.system
    ? createServerResolver(config.dns.system, config.timeouts.probeMs)
    : createOsResolver();
  const reference = createServerResolver(config.dns.reference, config.timeouts.probeMs);
  const locale = options.locale ?? localeFromEnv(env);
  const proxyFor = createProxyLookup(env, options.resolveProxy ?? null, secrets);
  return {
    config,
    version: TOOL_VERSION,
    userAgent: USER_AGENT,
    now,
    resolvers: { system, reference },
    extraCa,
    http: createHttpClient({
      userAgent: USER_AGENT,
      resolver: system,
      extraCa,
      probeMs: config.timeouts.probeMs,
      trace,
      proxyFor,
    }),
    searchRoots: config.stremio.searchRoots,
    openUrl: options.openUrl ?? (() => Promise.reject(new Error('no URL opener in this context'))),
    secrets,
    log: options.records?.log ?? new Logger(secrets, now, options.logSink),
    trace,
    env,
    platform: options.platform ?? process.platform,
    resolveProxy: options.resolveProxy ?? null,
    proxyFor,
    incidentCache: options.incidentCache ?? null,
    locale,
    translator: await createTranslator(resolveLocale([locale])),
  };
}

async function readExtraCa(file: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`tls.extraCaFile: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new ConfigError('tls.extraCaFile: not a PEM certificate file');
  return pem;
}
