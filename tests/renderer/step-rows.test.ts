import { describe, expect, it } from 'vitest';
import { stepState } from '../../renderer/src/lib/step-state';
import { IDLE_RUN, ownStepView, rowsFromReport, type CheckRow } from '../../renderer/src/store/step-run';
import { checkResult, report } from './fake-doctor';

describe('step rows when the run finishes', () => {
  it('take the report order (the verdict check last), whatever order they started in', () => {
    const started: CheckRow[] = [
      { id: 'connectivity.dns', title: 'DNS', state: 'done', result: checkResult('connectivity.dns') },
      { id: 'connectivity.summary', title: 'Verdict', state: 'running' },
      { id: 'connectivity.http', title: 'HTTP', state: 'running' },
      { id: 'connectivity.gone', title: 'Not reported', state: 'running' },
    ];
    const final = report(
      ['connectivity'],
      ['connectivity.dns', 'connectivity.http', 'connectivity.summary'].map((id) => checkResult(id)),
    );
    expect(rowsFromReport(started, final).map((r) => `${r.id}:${r.state}`)).toEqual([
      'connectivity.dns:done',
      'connectivity.http:done',
      'connectivity.summary:done',
    ]);
  });
});

describe("a step's own view of its run", () => {
  it('keeps its own checks and the findings they observed; dependencies from other steps stay on their own step', () => {
    const finding = (problem: string, checks?: string[]) => ({
      problem,
      title: problem,
      explanation: '',
      severity: 'info' as const,
      confidence: 0.9,
      evidence: ['seen'],
      fix: { title: 'fix', steps: [] },
      ...(checks ? { checks } : {}),
    });
    const run = {
      ...IDLE_RUN,
      status: 'done' as const,
      rows: [
        {
          id: 'version.installs',
          title: 'Installs',
          state: 'done' as const,
          result: checkResult('version.installs', { verdict: 'warn' }),
        },
        { id: 'cache.locations', title: 'Locations', state: 'done' as const, result: checkResult('cache.locations') },
      ],
      report: report(
        ['cache'],
        [checkResult('version.installs', { verdict: 'warn' }), checkResult('cache.locations')],
        [
          finding('STREMIO_NOT_FOUND', ['version.installs']),
          finding('STREMIO_RUNNING', ['cache.stremio-running']),
          finding('OLD_REPORT'),
        ],
        [{ check: 'token.stremio-account', reason: 'not signed in' }],
      ),
    };
    const own = ownStepView(run, 'cache');
    expect(own.rows.map((r) => r.id)).toEqual(['cache.locations']);
    expect(own.report?.checks.map((c) => c.id)).toEqual(['cache.locations']);
    expect(own.report?.findings.map((f) => f.problem)).toEqual(['STREMIO_RUNNING', 'OLD_REPORT']);
    expect(own.report?.untested).toEqual([]);
    // The sidebar says what the page says: Cache shows the Stremio-running note, Version its own warning.
    expect(stepState('cache', run)).toBe('note');
    expect(stepState('version', { ...run, report: { ...run.report, findings: [] } })).toBe('warning');
  });
});
