import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import type { AnyCheck } from '../../electron/engine/runtime/check';
import { PROBLEMS, type ProblemCode } from '../../shared/problems';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const THIS_FILE = fileURLToPath(import.meta.url);

/** Every test file under tests/ (not the kit, fixtures or this file): where a code must be asserted. */
function testFiles(dir = path.join(root, 'tests')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'kit' || entry.name === 'fixtures' ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) && full !== THIS_FILE ? [full] : [];
  });
}

describe('the check registry', () => {
  it('has unique ids, each prefixed by its step', () => {
    const ids = CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of CHECKS) expect(check.id, check.id).toMatch(new RegExp(`^${check.step}\\.[a-z0-9-]+$`));
  });

  it('depends on (and consults) only registered checks, without a cycle', () => {
    const byId = new Map(CHECKS.map((c) => [c.id, c]));
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (check: AnyCheck, trail: readonly string[]) => {
      if (state.get(check.id) === 'done') return;
      expect(state.get(check.id), `cycle: ${[...trail, check.id].join(' → ')}`).not.toBe('visiting');
      state.set(check.id, 'visiting');
      // A consulted check is waited for like a dependency: a cycle through one would never start.
      for (const dep of [...check.dependsOn, ...(check.consults ?? [])]) {
        // The handle registered under that id: a dependency on an unregistered copy would never run.
        expect(byId.get(dep.id), `${check.id} depends on unregistered ${dep.id}`).toBe(dep);
        visit(dep, [...trail, check.id]);
      }
      state.set(check.id, 'done');
    };
    for (const check of CHECKS) visit(check, []);
  });

  it('declares every code of the catalog in some check, and only catalog codes', () => {
    const declared = new Set<ProblemCode>(CHECKS.flatMap((c) => c.codes));
    for (const code of declared) expect(Object.hasOwn(PROBLEMS, code), code).toBe(true);
    const undeclared = Object.keys(PROBLEMS).filter((code) => !declared.has(code as ProblemCode));
    expect(undeclared).toEqual([]);
  });

  it('has every catalog code asserted by some test', () => {
    const sources = testFiles().map((file) => readFileSync(file, 'utf8'));
    expect(sources.length).toBeGreaterThan(20);
    // Quoted as a string in a test file: an expected finding or problem, not a mention in a comment.
    const untested = Object.keys(PROBLEMS).filter(
      (code) => !sources.some((source) => new RegExp(`['"\`]${code}['"\`]`).test(source)),
    );
    expect(untested).toEqual([]);
  });
});
