import { describe, expect, it } from 'vitest';
import dns from 'node:dns';
import net from 'node:net';
import { isLoopback, takeViolations } from '../kit/network-guard.mjs';

// The guard itself must fail loudly: a test that reaches the real internet is a broken test.
describe('network guard', () => {
  it('knows loopback', () => {
    expect(['127.0.0.1', '127.8.9.1', '::1', 'localhost', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true);
    expect(['1.1.1.1', '10.0.0.1', '192.168.1.1', '::', 'api.trakt.tv'].some(isLoopback)).toBe(false);
  });

  it('refuses a TCP connect to a public address and records it', async () => {
    const error = await new Promise<Error>((resolve) => net.connect(443, '1.1.1.1').on('error', resolve));
    expect(error.message).toContain('NETWORK GUARD VIOLATION');
    expect(takeViolations()).toEqual(['TCP connect to 1.1.1.1:443']);
  });

  it('refuses OS lookups of real names and public DNS servers', async () => {
    await expect(dns.promises.lookup('api.trakt.tv')).rejects.toThrow(/NETWORK GUARD/);
    expect(() => new dns.promises.Resolver().setServers(['8.8.8.8'])).toThrow(/NETWORK GUARD/);
    const resolver = new dns.promises.Resolver();
    if (resolver.getServers().some((s) => !isLoopback(s.replace(/:\d+$/, '')))) {
      await expect(resolver.resolve4('trakt.tv')).rejects.toThrow(/NETWORK GUARD/);
    }
    expect(takeViolations().length).toBeGreaterThanOrEqual(2);
  });
});
