import { describe, expect, it } from 'vitest';
import { dnsVerdict, isSinkhole, type DnsPair } from '../../electron/engine/checks/connectivity/dns-rules';
import { answerer, cloudflareBlock } from '../../electron/engine/net/answerer';
import { isOutage, median } from '../../electron/engine/checks/connectivity/http-rules';
import { knownInterceptor } from '../../electron/engine/checks/connectivity/interceptors';
import { createProxyLookup, matchesNoProxy, parsePacResult, proxyFromEnv } from '../../electron/engine/net/proxy';
import type { DnsAnswer } from '../../electron/engine/net/resolver';
import { classifyTcpError } from '../../electron/engine/net/tcp-probe';
import { classifyTlsVerifyError } from '../../electron/engine/net/tls-probe';
import { SecretRegistry } from '../../electron/engine/core/secrets';

const rec = (...addresses: string[]): DnsAnswer => ({ ok: true, addresses });
const fail = (code: 'nxdomain' | 'nodata' | 'servfail' | 'timeout' | 'unreachable'): DnsAnswer => ({
  ok: false,
  code,
  message: code,
});
const pair = (a: DnsAnswer, aaaa: DnsAnswer = fail('nodata')): DnsPair => ({ a, aaaa });

describe('DNS rules (docs/problems.md DNS_FILTERED / DNS_FAILURE)', () => {
  it.each([
    ['0.0.0.0', true],
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.20.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['104.18.12.34', false],
    ['::', true],
    ['::1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['2606:4700::6812:1', false],
  ])('isSinkhole(%s) = %s', (address, expected) => {
    expect(isSinkhole(address)).toBe(expected);
  });

  it.each([
    ['sinkhole vs public', pair(rec('0.0.0.0')), pair(rec('104.18.12.34')), 'filtered'],
    ['NXDOMAIN vs public', pair(fail('nxdomain'), fail('nxdomain')), pair(rec('104.18.12.34')), 'filtered'],
    [
      'NODATA both families vs public (Pi-hole NODATA mode)',
      pair(fail('nodata')),
      pair(rec('104.18.12.34')),
      'filtered',
    ],
    ['both agree on a private address', pair(rec('10.0.0.5')), pair(rec('10.0.0.5')), 'ok'],
    ['both agree on 0.0.0.0', pair(rec('0.0.0.0')), pair(rec('0.0.0.0')), 'ok'],
    ['disjoint public answers (CDN by location)', pair(rec('104.18.12.34')), pair(rec('172.67.1.1')), 'ok'],
    ['sinkhole, reference unreachable', pair(rec('0.0.0.0')), pair(fail('unreachable'), fail('unreachable')), 'ok'],
    [
      'NXDOMAIN from both',
      pair(fail('nxdomain'), fail('nxdomain')),
      pair(fail('nxdomain'), fail('nxdomain')),
      'failed',
    ],
    [
      'system SERVFAIL, reference answers',
      pair(fail('servfail'), fail('servfail')),
      pair(rec('104.18.12.34')),
      'failed',
    ],
    ['silence from both', pair(fail('timeout'), fail('timeout')), pair(fail('timeout'), fail('timeout')), 'no-answer'],
  ] as const)('%s → %s', (_name, system, reference, expected) => {
    expect(dnsVerdict(system, reference)).toBe(expected);
  });
});

describe('proxy rules (libcurl-env(3); Electron PAC results)', () => {
  it('reads http_proxy in lowercase only, HTTPS_PROXY in either case, then ALL_PROXY', () => {
    expect(proxyFromEnv('http://a.example/', { HTTP_PROXY: 'http://p:1' })).toBeNull();
    expect(proxyFromEnv('http://a.example/', { http_proxy: 'http://p:1' })).toMatchObject({
      host: 'p',
      port: 1,
      origin: 'http_proxy',
    });
    expect(proxyFromEnv('https://a.example/', { HTTPS_PROXY: 'p:3128' })).toMatchObject({
      protocol: 'http',
      host: 'p',
      port: 3128,
      origin: 'HTTPS_PROXY',
    });
    expect(
      proxyFromEnv('https://a.example/', { https_proxy: 'http://low:1', HTTPS_PROXY: 'http://up:2' }),
    ).toMatchObject({ host: 'low' });
    expect(
      proxyFromEnv('https://a.example/', { ALL_PROXY: 'socks5://s:1080', https_proxy: 'http://h:8080' }),
    ).toMatchObject({ host: 'h' });
    expect(proxyFromEnv('https://a.example/', { ALL_PROXY: 'socks5://s:1080' })).toMatchObject({
      protocol: 'socks',
      supported: false,
    });
  });

  it('applies NO_PROXY like curl: *, a domain and its sub-domains, a leading dot', () => {
    expect(matchesNoProxy('api.trakt.tv', '*')).toBe(true);
    expect(matchesNoProxy('api.trakt.tv', 'trakt.tv')).toBe(true);
    expect(matchesNoProxy('trakt.tv', '.trakt.tv')).toBe(true);
    expect(matchesNoProxy('nottrakt.tv', 'trakt.tv')).toBe(false);
    expect(matchesNoProxy('api.trakt.tv', 'localhost, 127.0.0.1')).toBe(false);
  });

  it('sends loopback URLs (the local streaming server) direct, whatever the environment or the system says', async () => {
    const env = { http_proxy: 'http://proxy.corp:3128', https_proxy: 'http://proxy.corp:3128' };
    const lookup = createProxyLookup(env, null);
    for (const url of [
      'http://127.0.0.1:11470/settings',
      'http://localhost:11470/',
      'http://[::1]:11470/',
      'https://127.3.2.1:12470/',
    ])
      expect(await lookup(url)).toBeNull();
    expect(await lookup('http://api.strem.io/')).toMatchObject({ host: 'proxy.corp', port: 3128 });
    expect(await lookup('http://127.example.com/')).toMatchObject({ host: 'proxy.corp' });
    const system = createProxyLookup({}, async () => 'PROXY proxy.corp:8080');
    expect(await system('http://127.0.0.1:11470/settings')).toBeNull();
    expect(await system('https://api.strem.io/')).toMatchObject({ host: 'proxy.corp', port: 8080 });
  });

  it('redacts proxy credentials and registers the password as a secret', () => {
    const secrets = new SecretRegistry();
    const choice = proxyFromEnv('https://a.example/', { https_proxy: 'http://bob:hunter22@proxy.corp:3128' }, secrets);
    expect(choice).toMatchObject({ display: 'http://[redacted]@proxy.corp:3128', auth: 'bob:hunter22' });
    expect(secrets.redact('pw hunter22')).toBe('pw [redacted password]');
  });

  it.each([
    ['DIRECT', null],
    [
      'PROXY proxy.corp:8080; DIRECT',
      { protocol: 'http', host: 'proxy.corp', port: 8080, supported: true, source: 'system' },
    ],
    ['HTTPS secure.corp:443', { protocol: 'https', supported: false }],
    ['SOCKS5 127.0.0.1:1080', { protocol: 'socks', supported: false }],
  ])('parsePacResult(%s)', (result, expected) => {
    const parsed = parsePacResult(result);
    if (expected === null) expect(parsed).toBeNull();
    else expect(parsed).toMatchObject(expected);
  });
});

describe('HTTP, TLS and TCP classification', () => {
  it('tells Cloudflare from Trakt origin by headers (trakt-api#939)', () => {
    expect(answerer({ server: 'cloudflare', 'cf-ray': 'x', 'x-runtime': '0.01' })).toBe('origin');
    expect(answerer({ server: 'cloudflare', 'cf-ray': 'x' })).toBe('cloudflare-edge');
    expect(answerer({ server: 'nginx' })).toBe('unknown');
    const edge = { server: 'cloudflare', 'cf-ray': 'x', 'content-type': 'text/html; charset=UTF-8' };
    expect(cloudflareBlock(403, edge, '<h1>Sorry, you have been blocked</h1>')).toEqual({
      temporary: false,
      errorCode: null,
      words: null,
    });
    expect(cloudflareBlock(403, { ...edge, 'x-runtime': '0.1' })).toBeNull();
    // The block is an HTML page (docs/problems.md): a JSON 403 passed through Cloudflare is the origin's own answer.
    expect(cloudflareBlock(403, { ...edge, 'content-type': 'application/json' })).toBeNull();
    expect(cloudflareBlock(403, { server: 'cloudflare', 'cf-ray': 'x' })).toBeNull();
    // The temporary ban of Cloudflare's rate limiting (error 1015, trakt-api#922): a 429 with its page, by its words.
    const ban =
      '<h1><span data-translate="error">Error</span> <span>1015</span></h1><h2>You are being rate limited</h2><p>The owner of this website (api.trakt.tv) has banned you temporarily from accessing this website.</p>';
    expect(cloudflareBlock(429, edge, ban)).toEqual({
      temporary: true,
      errorCode: '1015',
      words: 'banned you temporarily',
    });
    // A 429 without the ban page is a rate limit, not a block.
    expect(cloudflareBlock(429, edge, '<h1>Too Many Requests</h1>')).toBeNull();
    expect([500, 502, 503, 504, 520, 521, 522].every(isOutage)).toBe(true);
    expect(isOutage(404)).toBe(false);
    // Only the statuses docs/problems.md and Trakt's status-codes guide name: 501, 505, 523+ are not an outage.
    expect([404, 499, 501, 505, 511, 519, 523, 524, 530, 599].filter(isOutage)).toEqual([]);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it('names known interceptors from issuer CN/O', () => {
    expect(
      knownInterceptor({ cn: 'Kaspersky Anti-Virus Personal Root Certificate', o: 'AO Kaspersky Lab' })?.name,
    ).toBe('Kaspersky');
    expect(knownInterceptor({ cn: 'Zscaler Intermediate Root CA (zscaler.net)', o: 'Zscaler Inc.' })).toMatchObject({
      kind: 'corporate proxy',
    });
    expect(knownInterceptor({ cn: 'avast! Web/Mail Shield Root', o: 'avast! Web/Mail Shield' })?.name).toBe('Avast');
    expect(knownInterceptor({ cn: 'GTS CA 1P5', o: 'Google Trust Services' })).toBeNull();
  });

  it('classifies verification and socket errors', () => {
    expect(classifyTlsVerifyError('SELF_SIGNED_CERT_IN_CHAIN')).toBe('untrusted');
    expect(classifyTlsVerifyError('UNABLE_TO_VERIFY_LEAF_SIGNATURE')).toBe('untrusted');
    expect(classifyTlsVerifyError('CERT_HAS_EXPIRED')).toBe('expired');
    expect(classifyTlsVerifyError('ERR_TLS_CERT_ALTNAME_INVALID')).toBe('wrong-host');
    expect(classifyTcpError('ECONNREFUSED')).toBe('refused');
    expect(classifyTcpError('ENETUNREACH')).toBe('unreachable');
    expect(classifyTcpError('EADDRNOTAVAIL')).toBe('unreachable');
    expect(classifyTcpError('ECONNRESET')).toBe('reset');
  });
});
