import { describe, expect, it } from 'vitest';
import type { ChainRow, DnsDetails, TcpDetails } from '../../shared/check-details/connectivity';
import type { CheckResult } from '../../shared/report';
import { chainsFromRows } from '../../renderer/src/panels/connectivity-chains';
import type { CheckRow } from '../../renderer/src/store/step-run';

const done = (id: string, details: object): CheckRow => {
  const result: CheckResult = {
    id,
    step: 'connectivity',
    title: id,
    verdict: 'pass',
    problems: [],
    summary: '',
    details: { ...details },
    durationMs: 1,
  };
  return { id, title: id, state: 'done', result };
};

describe('Connectivity panel: per-host chains from the live rows', () => {
  it('fills the chain layer by layer while the step runs', () => {
    const reference = { a: '104.18.0.1', aaaa: 'no records', ms: 20 };
    const dns: DnsDetails = {
      systemResolver: 'system',
      referenceResolver: '1.1.1.1',
      hosts: [
        { host: 'trakt.tv', verdict: 'filtered', system: { a: '0.0.0.0', aaaa: 'no records', ms: 12 }, reference },
        { host: 'api.strem.io', verdict: 'ok', system: { a: '127.0.0.1', aaaa: 'no records', ms: 9 }, reference },
      ],
    };
    const tcp: TcpDetails = {
      hosts: [
        {
          host: 'trakt.tv',
          port: 443,
          status: 'skipped',
          ms: null,
          note: 'DNS is filtered for this host',
          noteMessage: { key: 'checks-connectivity:note.dnsFiltered' },
        },
        { host: 'api.strem.io', port: 443, status: 'ok', ms: 3, note: 'IPv4 127.0.0.1: connected' },
      ],
    };
    const rows: CheckRow[] = [
      done('connectivity.dns', dns),
      done('connectivity.tcp', tcp),
      { id: 'connectivity.tls', title: 'TLS handshake', state: 'running' },
    ];
    const chains = chainsFromRows(rows);
    expect(chains.map((c) => c.host)).toEqual(['trakt.tv', 'api.strem.io']);
    expect(chains[0]!.layers.dns).toEqual({ status: 'fail', ms: 12, note: 'filtered: 0.0.0.0' });
    expect(chains[0]!.layers.tcp?.status).toBe('skipped');
    // The note's message travels with it, so the cell says it in the window's language (docs/i18n.md).
    expect(chains[0]!.layers.tcp?.noteMessage).toEqual({ key: 'checks-connectivity:note.dnsFiltered' });
    expect(chains[1]!.layers.tcp).not.toHaveProperty('noteMessage');
    expect(chains[1]!.layers.dns).toEqual({ status: 'ok', ms: 9, note: '127.0.0.1' });
    expect(chains[1]!.layers.tls).toBeUndefined();
  });

  it("uses the verdict check's complete table once it is in, and ignores malformed details", () => {
    const layer = { status: 'ok', ms: 5, note: 'x' } as const;
    const row: ChainRow = {
      host: 'auth.trakt.tv',
      endpoint: 'traktAuth',
      service: 'Trakt',
      proxy: 'http://[redacted]@proxy:3128',
      dns: layer,
      tcp: layer,
      tls: layer,
      http: { status: 'fail', ms: 40, note: '522' },
      chainMs: 55,
    };
    const rows: CheckRow[] = [
      done('connectivity.tcp', { hosts: [{ host: 'stale.example', port: 443, status: 'fail', ms: 1, note: 'old' }] }),
      done('connectivity.summary', { hosts: [row, { host: 'broken', dns: 'nope' }], wallMs: 60, slowestChainMs: 55 }),
    ];
    expect(chainsFromRows(rows)).toEqual([
      {
        host: 'auth.trakt.tv',
        proxy: 'http://[redacted]@proxy:3128',
        layers: { dns: layer, tcp: layer, tls: layer, http: { status: 'fail', ms: 40, note: '522' } },
      },
    ]);
  });
});
