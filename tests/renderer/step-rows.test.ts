import { describe, expect, it } from 'vitest';
import { rowsFromReport, type CheckRow } from '../../renderer/src/store/step-run';
import { checkResult, report } from './fake-doctor';

describe('step rows when the run finishes', () => {
  it('take the report order (the verdict check last), whatever order they started in', () => {
    const started: CheckRow[] = [
      { id: 'connectivity.dns', title: 'DNS', state: 'done', result: checkResult('connectivity.dns') },
      { id: 'connectivity.summary', title: 'Verdict', state: 'running' },
      { id: 'connectivity.http', title: 'HTTP', state: 'running' },
      { id: 'connectivity.gone', title: 'Not reported', state: 'running' },
    ];
    const final = report(['connectivity'], ['connectivity.dns', 'connectivity.http', 'connectivity.summary'].map((id) => checkResult(id)));
    expect(rowsFromReport(started, final).map((r) => `${r.id}:${r.state}`)).toEqual(['connectivity.dns:done', 'connectivity.http:done', 'connectivity.summary:done']);
  });
});
