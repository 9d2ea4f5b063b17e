import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_ENDPOINTS, resolveConfig } from '../../electron/engine/config';

describe('config', () => {
  it('defaults to the real services', () => {
    const config = resolveConfig({});
    expect(config.endpoints).toEqual(DEFAULT_ENDPOINTS);
    expect(config.dns).toEqual({ system: null, reference: ['1.1.1.1', '8.8.8.8'] });
    expect(config.trakt.redirectPort).toBe(41287);
    expect(config.timeouts.overallMs).toBeLessThan(config.timeouts.probeMs * 5);
  });

  it('names every problem as path: reason', () => {
    let message = '';
    try {
      resolveConfig({ endpoints: { traktApi: 'not a url', captivePortal: 'ftp://x' }, dns: { system: [] }, timeouts: { probeMs: 'fast' }, extra: 1 });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('endpoints.traktApi: not a URL');
    expect(message).toContain('endpoints.captivePortal: not an http(s) URL');
    expect(message).toContain('dns.system: needs at least one server');
    expect(message).toMatch(/timeouts\.probeMs: /);
    expect(message).toContain('(top level): unknown key "extra"');
  });

  it('rejects credentials in endpoint URLs', () => {
    expect(() => resolveConfig({ endpoints: { traktApi: 'https://user:pw@api.trakt.tv' } })).toThrow('endpoints.traktApi: must not carry credentials');
  });
});
