import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { filesNeedingOwnProcess, needsOwnProcess, startsFirst } from '../kit/suite-plan.mjs';
import { budgetSeconds, budgetVerdict, SUITE_BUDGET_S } from '../kit/timing-reporter';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Written in pieces so this file's own source does not match.
const mock = ['vi', 'mock'].join('.');

describe('how npm test lays out the files (tests/kit/suite-plan.mjs)', () => {
  it('isolates files that replace modules or run in jsdom, and shares the rest', () => {
    expect(needsOwnProcess(`${mock}('electron', () => ({}));`)).toBe(true);
    expect(needsOwnProcess(`${['vi', 'doMock'].join('.')}<typeof x>('./x');`)).toBe(true);
    expect(needsOwnProcess(`${['vi', 'resetModules'].join('.')}();`)).toBe(true);
    expect(needsOwnProcess(`/** @vitest-environment ${'jsdom'} */`)).toBe(true);
    expect(needsOwnProcess(`/** @vitest-environment ${'node'} */\nimport { vi } from 'vitest';`)).toBe(false);
    expect(needsOwnProcess("vi.spyOn(console, 'log'); vi.fn(); // mocks of functions are restored per file")).toBe(
      false,
    );
  });

  it('finds every main-process test (they mock electron) and every jsdom test', () => {
    const isolated = filesNeedingOwnProcess(root);
    expect(isolated).toContain('tests/main/ipc.test.ts');
    expect(isolated).toContain('tests/renderer/wizard.test.tsx');
    expect(isolated).not.toContain('tests/unit/suite-plan.test.ts');
    expect(isolated.every((file) => /\.test\.tsx?$/.test(file))).toBe(true);
  });

  it('no helper registers hooks at its top level (in a shared process it would run for the first file only)', () => {
    const helpers = (dir: string): string[] =>
      readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
        const child = `${dir}/${entry.name}`;
        if (entry.isDirectory()) return child === 'tests/fixtures/lint' ? [] : helpers(child);
        return /\.m?tsx?$/.test(entry.name) && !/\.test\.tsx?$|^setup-/.test(entry.name) ? [child] : [];
      });
    const files = helpers('tests');
    expect(files).toContain('tests/kit/world.ts');
    const hooking = files.filter((file) =>
      /^(beforeAll|beforeEach|afterAll|afterEach)\(/m.test(readFileSync(path.join(root, file), 'utf8')),
    );
    expect(hooking).toEqual([]);
  });

  it('starts the Chromium and CLI files first', () => {
    expect(startsFirst('tests/e2e/wizard.e2e.test.ts', '')).toBe(true);
    expect(startsFirst('tests/integration/cli.test.ts', `await ${'runCli'}(['diagnose']);`)).toBe(true);
    expect(startsFirst('tests/unit/parse-json.test.ts', "import { runCli } from '../kit/run-cli';")).toBe(false);
  });
});

describe('the suite time budget (tests/kit/timing-reporter.ts)', () => {
  it('applies in CI, can be set or turned off, and never applies elsewhere by default', () => {
    expect(budgetSeconds({ CI: 'true' })).toBe(SUITE_BUDGET_S);
    expect(budgetSeconds({})).toBeNull();
    expect(budgetSeconds({ CI: 'false' })).toBeNull();
    expect(budgetSeconds({ CI: 'true', TEST_TIME_BUDGET_S: '0' })).toBeNull();
    expect(budgetSeconds({ TEST_TIME_BUDGET_S: '90' })).toBe(90);
  });

  it('fails an overrun on a machine the suite had to itself, and only reports it on a busy one', () => {
    expect(budgetVerdict(239_000, 240, 2.5, 2)).toBe('within');
    expect(budgetVerdict(241_000, 240, 2.5, 2)).toBe('fail');
    expect(budgetVerdict(241_000, 240, 12, 2)).toBe('busy');
    expect(budgetVerdict(900_000, null, 0, 2)).toBe('within');
  });
});
