import { Fragment } from 'react';
import { useTr, type Translate } from '../i18n/use-tr';

/** Turns a details key (`failedLayer`, `http_status`) into words ("Failed layer"). */
export function humanKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// Keys and values stay as the check recorded them (technical support text, docs/i18n.md); only the words
// the window adds (yes/no, empty, none) follow the language.
function scalar(value: unknown, t: Translate): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? t('wizard:details.yes') : t('wizard:details.no');
  if (typeof value === 'string') return value === '' ? t('wizard:details.empty') : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One value: scalars as text, arrays as lists, objects as nested key/value lists. */
function DetailValue({ value, depth }: { readonly value: unknown; readonly depth: number }) {
  const { t } = useTr();
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="muted">{t('wizard:details.none')}</span>;
    if (value.every((v) => !isPlainObject(v) && !Array.isArray(v)))
      return <span>{value.map((v) => scalar(v, t)).join(', ')}</span>;
    return (
      <ol className="details-list">
        {value.map((item, i) => (
          <li key={i}>
            <DetailValue value={item} depth={depth + 1} />
          </li>
        ))}
      </ol>
    );
  }
  if (isPlainObject(value))
    return depth > 4 ? <code>{JSON.stringify(value)}</code> : <DetailsView details={value} depth={depth + 1} />;
  return <span className="details-scalar">{scalar(value, t)}</span>;
}

/** A check's `details` as readable key/value pairs, whatever their shape (data-driven, no per-check code). */
export function DetailsView({
  details,
  depth = 0,
}: {
  readonly details: Readonly<Record<string, unknown>>;
  readonly depth?: number;
}) {
  const { t } = useTr();
  const entries = Object.entries(details);
  if (entries.length === 0) return <p className="muted">{t('wizard:details.noDetails')}</p>;
  return (
    <dl className={depth === 0 ? 'details' : 'details details-nested'}>
      {entries.map(([key, value]) => (
        <Fragment key={key}>
          <dt title={key}>{humanKey(key)}</dt>
          <dd>
            <DetailValue value={value} depth={depth} />
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
