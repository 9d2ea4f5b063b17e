import type { HostEmulator } from './http-host';
import type { World } from './world';

/** The world's emulated Stremio and Trakt hosts (the incidents feed apart: benches time it on its own). */
export function emulatedHosts(world: World): HostEmulator[] {
  return [
    world.stremioWeb,
    world.stremioApi,
    world.traktWeb,
    world.traktApi,
    world.traktAuth,
    world.captivePortal,
    world.streamingServer,
    world.wizardReleases,
  ];
}

/** Injects latency: `httpMs` before every answer of each emulated host, `dnsMs` in both resolvers. */
export function injectLatency(world: World, httpMs: number, dnsMs: number): void {
  for (const host of emulatedHosts(world)) host.latencyMs = httpMs;
  world.systemDns.latencyMs = dnsMs;
  world.referenceDns.latencyMs = dnsMs;
}
