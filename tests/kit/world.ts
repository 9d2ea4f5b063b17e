import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ConfigFile } from '../../electron/engine/core/config';
import { startDnsServer, type DnsBehaviour, type DnsEmulator } from './dns-server';
import { startHost, type HostEmulator } from './http-host';
import { sharedTestCa, type TestCa } from './test-ca';
import { feedPayload, signedFeed, worldFeedKey } from './incident-feed';

/** Headers Trakt's real answers carry: Cloudflare in front, Rails (`x-runtime`) at the origin (trakt/trakt-api#939). */
export const TRAKT_ORIGIN_HEADERS = {
  server: 'cloudflare',
  'cf-ray': '8f3a1b2c4d5e6f70-AMS',
  'x-runtime': '0.012345',
  'x-request-id': 'b7e2c1d0-1111-2222-3333-444455556666',
} as const;

/** Where the incidents feed is published (the repository's raw file on its main branch). */
export const FEED_PATH = '/stremio-trakt-doctor/stremio-trakt-doctor/main/incidents/feed.json';

/** The emulated internet of one test: every service the app talks to, on loopback, with real host names. */
export interface World {
  readonly ca: TestCa;
  /** The resolver the "system" uses (config `dns.system`). */
  readonly systemDns: DnsEmulator;
  /** The reference resolver (config `dns.reference`). */
  readonly referenceDns: DnsEmulator;
  readonly stremioWeb: HostEmulator;
  readonly stremioApi: HostEmulator;
  readonly traktWeb: HostEmulator;
  readonly traktApi: HostEmulator;
  readonly traktAuth: HostEmulator;
  readonly captivePortal: HostEmulator;
  readonly streamingServer: HostEmulator;
  readonly wizardReleases: HostEmulator;
  /** raw.githubusercontent.com: the known-incidents feed (default: a valid signed feed with no incidents). */
  readonly incidents: HostEmulator;
  /** A scratch folder standing in for the user's home (config `stremio.searchRoots`). */
  readonly home: string;
  /** The config (as a file would hold it) pointing at this world. */
  config(overrides?: ConfigFile): ConfigFile;
  /** Writes the config to a temp file and returns its path. */
  writeConfig(overrides?: ConfigFile): Promise<string>;
  /** Sets one name's answer in both resolvers (or only `which`). */
  dns(name: string, behaviour: DnsBehaviour, which?: 'system' | 'reference' | 'both'): void;
  close(): Promise<void>;
}

/** Options of a world. */
export interface WorldOptions {
  readonly probeMs?: number;
}

/** Starts a healthy world: every host answers as the real service does on a good day. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const ca = await sharedTestCa();
  const httpsHost = async (host: string) => startHost(host, { tls: await ca.issue([host]) });
  const [
    stremioWeb,
    stremioApi,
    traktWeb,
    traktApi,
    traktAuth,
    wizardReleases,
    incidents,
    captivePortal,
    streamingServer,
  ] = await Promise.all([
    httpsHost('www.strem.io'),
    httpsHost('api.strem.io'),
    httpsHost('trakt.tv'),
    httpsHost('api.trakt.tv'),
    httpsHost('auth.trakt.tv'),
    httpsHost('api.github.com'),
    httpsHost('raw.githubusercontent.com'),
    startHost('connectivitycheck.gstatic.com'),
    startHost('127.0.0.1'),
  ]);
  const hosts = [
    stremioWeb,
    stremioApi,
    traktWeb,
    traktApi,
    traktAuth,
    wizardReleases,
    incidents,
    captivePortal,
    streamingServer,
  ];
  const zone: Record<string, DnsBehaviour> = Object.fromEntries(
    hosts.filter((h) => h.host !== '127.0.0.1').map((h) => [h.host, { kind: 'records', a: ['127.0.0.1'] }]),
  );
  const [systemDns, referenceDns] = await Promise.all([startDnsServer(zone), startDnsServer(zone)]);
  const home = await mkdtemp(path.join(tmpdir(), 'doctor-home-'));

  traktWeb.fallback({
    status: 200,
    headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
    body: '<!doctype html><title>Trakt</title>',
  });
  traktApi.fallback({ status: 404, headers: { ...TRAKT_ORIGIN_HEADERS }, body: '' });
  traktAuth.fallback({
    status: 200,
    headers: { ...TRAKT_ORIGIN_HEADERS, 'content-type': 'text/html' },
    body: '<!doctype html><title>Trakt sign in</title>',
  });
  stremioWeb.fallback({
    status: 200,
    headers: { 'content-type': 'text/html' },
    body: '<!doctype html><title>Stremio</title>',
  });
  stremioApi.fallback({ status: 200, body: { error: { message: 'Method not found', code: 0 } } });
  captivePortal.route('GET', '/generate_204', { status: 204 });
  incidents.route('GET', FEED_PATH, () => ({
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: signedFeed(feedPayload([])),
  }));
  streamingServer.route('GET', '/settings', {
    status: 200,
    body: { baseUrl: 'http://127.0.0.1:11470', values: { serverVersion: '4.20.8' } },
  });

  const config = (overrides: ConfigFile = {}): ConfigFile => ({
    ...overrides,
    endpoints: {
      stremioWeb: stremioWeb.origin,
      stremioApi: stremioApi.origin,
      stremioUpdater: `${stremioWeb.origin}/updater/check`,
      traktWeb: traktWeb.origin,
      traktApi: traktApi.origin,
      traktAuth: traktAuth.origin,
      captivePortal: `${captivePortal.origin}/generate_204`,
      streamingServer: streamingServer.origin,
      wizardReleases: `${wizardReleases.origin}/repos/stremio-trakt-doctor/stremio-trakt-doctor/releases/latest`,
      incidents: `${incidents.origin}${FEED_PATH}`,
      ...overrides.endpoints,
    },
    incidents: { publicKey: worldFeedKey().publicKeyPem, ...overrides.incidents },
    dns: { system: [systemDns.address], reference: [referenceDns.address], ...overrides.dns },
    tls: { extraCaFile: ca.caFile, ...overrides.tls },
    stremio: { searchRoots: [home], ...overrides.stremio },
    timeouts: { probeMs: options.probeMs ?? 2000, ...overrides.timeouts },
  });

  return {
    ca,
    systemDns,
    referenceDns,
    stremioWeb,
    stremioApi,
    traktWeb,
    traktApi,
    traktAuth,
    captivePortal,
    streamingServer,
    wizardReleases,
    incidents,
    home,
    config,
    async writeConfig(overrides) {
      const file = path.join(await mkdtemp(path.join(tmpdir(), 'doctor-cfg-')), 'config.json');
      await writeFile(file, JSON.stringify(config(overrides), null, 2));
      return file;
    },
    dns(name, behaviour, which = 'both') {
      if (which !== 'reference') systemDns.set(name, behaviour);
      if (which !== 'system') referenceDns.set(name, behaviour);
    },
    async close() {
      await Promise.all([...hosts.map((h) => h.close()), systemDns.close(), referenceDns.close()]);
    },
  };
}
