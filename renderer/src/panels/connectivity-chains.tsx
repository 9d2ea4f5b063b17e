import {
  CONNECTIVITY_CHECK_IDS,
  ChainRowSchema,
  DnsHostSchema,
  HostLayerSchema,
  type LayerStatus as Layer,
} from '../../../shared/check-details/connectivity';
import { readDetails, type DetailsSchema } from '../../../shared/check-details/details-schema';
import { useTr } from '../i18n/use-tr';
import { useStepRun } from '../store/use-wizard';
import type { CheckRow } from '../store/step-run';
import type { PanelProps } from './panel-types';
import type { MessageKey } from '../../../shared/i18n/message';

const LAYERS = ['dns', 'tcp', 'tls', 'http'] as const;
type LayerName = (typeof LAYERS)[number];
const LAYER_TITLES: Readonly<Record<LayerName, string>> = { dns: 'DNS', tcp: 'TCP', tls: 'TLS', http: 'HTTP' };
const STATUS_ICON: Readonly<Record<Layer['status'], string>> = { ok: '✓', fail: '✕', skipped: '–', 'n/a': '·' };
const STATUS_KEYS = {
  ok: 'wizard:chains.ok',
  fail: 'wizard:chains.failed',
  skipped: 'wizard:chains.notTested',
  'n/a': 'wizard:chains.notUsed',
} as const satisfies Readonly<Record<Layer['status'], MessageKey>>;

interface HostChain {
  readonly host: string;
  readonly proxy: string | null;
  readonly layers: Partial<Record<LayerName, Layer>>;
}

/**
 * The host rows of a finished check's details, each parsed by its shared schema: a row that does not
 * match (an older or newer engine) is left out rather than hiding the others.
 */
function hostsOf<T>(rows: readonly CheckRow[], id: string, schema: DetailsSchema<T>): T[] {
  const row = rows.find((r) => r.id === id);
  const hosts = row?.state === 'done' ? row.result.details.hosts : undefined;
  return Array.isArray(hosts) ? hosts.flatMap((host: unknown) => readDetails(host, schema) ?? []) : [];
}

/** Builds the per-host chains from the live rows: the verdict's full table, or the layers finished so far. */
export function chainsFromRows(rows: readonly CheckRow[]): HostChain[] {
  const complete = hostsOf(rows, CONNECTIVITY_CHECK_IDS.summary, ChainRowSchema);
  if (complete.length > 0)
    return complete.map((row) => ({
      host: row.host,
      proxy: row.proxy,
      layers: { dns: row.dns, tcp: row.tcp, tls: row.tls, http: row.http },
    }));
  const chains = new Map<string, { host: string; proxy: string | null; layers: Partial<Record<LayerName, Layer>> }>();
  const chain = (host: string) => chains.get(host) ?? chains.set(host, { host, proxy: null, layers: {} }).get(host)!;
  for (const row of hostsOf(rows, CONNECTIVITY_CHECK_IDS.dns, DnsHostSchema)) {
    const answer = [row.system.a, row.system.aaaa].filter((a) => a !== 'no records').join(', ') || row.system.a;
    chain(row.host).layers.dns = {
      status: row.verdict === 'ok' ? 'ok' : 'fail',
      ms: row.system.ms,
      note: row.verdict === 'ok' ? answer : `${row.verdict}: ${answer}`,
    };
  }
  for (const layer of ['tcp', 'tls', 'http'] as const) {
    for (const { host, status, ms, note, noteMessage } of hostsOf(rows, CONNECTIVITY_CHECK_IDS[layer], HostLayerSchema))
      chain(host).layers[layer] = { status, ms, note, ...(noteMessage ? { noteMessage } : {}) };
  }
  return [...chains.values()];
}

function LayerCell({ name, layer }: { readonly name: LayerName; readonly layer: Layer | undefined }) {
  const { t, tr } = useTr();
  if (!layer) {
    return (
      <td className="chain-layer" data-layer={name} data-status="running">
        <span className="muted">…</span>
      </td>
    );
  }
  // A plain-language note is said in the window's language; technical notes (addresses, codes) stay as they are.
  const note = layer.noteMessage ? tr.text(layer.noteMessage) : layer.note;
  return (
    <td className="chain-layer" data-layer={name} data-status={layer.status} title={note}>
      <span className={`badge badge-${layer.status === 'ok' ? 'pass' : layer.status === 'fail' ? 'fail' : 'skipped'}`}>
        <span aria-hidden="true" className="badge-icon">
          {STATUS_ICON[layer.status]}
        </span>
        {t(STATUS_KEYS[layer.status])}
      </span>
      {layer.ms !== null && <span className="muted small"> {t('wizard:check.duration', { ms: layer.ms })}</span>}
      <div className="muted small chain-note">{note}</div>
    </td>
  );
}

/** The Connectivity step's per-host chains: DNS → TCP → TLS → HTTP with timings, filled in live. */
export function ConnectivityChains(_props: PanelProps) {
  const { t } = useTr();
  const run = useStepRun('connectivity');
  const chains = chainsFromRows(run.rows);
  if (chains.length === 0) return null;
  return (
    <div className="connectivity-chains" data-testid="connectivity-chains">
      <h3 className="section-title">{t('wizard:chains.title')}</h3>
      <p className="muted small">{t('wizard:chains.intro')}</p>
      <table className="chain-table">
        <thead>
          <tr>
            <th scope="col">{t('wizard:chains.host')}</th>
            {LAYERS.map((name) => (
              <th scope="col" key={name}>
                {LAYER_TITLES[name]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chains.map((chain) => (
            <tr key={chain.host} data-host={chain.host}>
              <th scope="row">
                {chain.host}
                {chain.proxy && <div className="muted small">{t('wizard:chains.via', { proxy: chain.proxy })}</div>}
              </th>
              {LAYERS.map((name) => (
                <LayerCell key={name} name={name} layer={chain.layers[name]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
