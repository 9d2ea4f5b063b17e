import type { DoneRow } from '../lib/step-view';
import { CheckRowView } from './check-row';
import { Disclosure } from './disclosure';

/** One line that stands for several checks ("7 other checks passed"); opening it lists them, briefly. */
export function FoldedChecks({
  label,
  rows,
  testId,
}: {
  readonly label: string;
  readonly rows: readonly DoneRow[];
  readonly testId: string;
}) {
  if (rows.length === 0) return null;
  return (
    <Disclosure label={label} className="fold-line" testId={testId}>
      <ul className="check-list compact">
        {rows.map((row) => (
          <CheckRowView key={row.id} row={row} />
        ))}
      </ul>
    </Disclosure>
  );
}
