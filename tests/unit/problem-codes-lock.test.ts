import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '../../shared/problems';

// Shipped problem codes are append-only (docs/problems.md; reports, bundles and forum posts name them): the
// committed list shared/problem-codes.lock holds every code ever shipped, and this fails when the catalog loses
// or renames one, when a new code is not appended to the list, or when a code leaves the list itself.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK = 'shared/problem-codes.lock';

/** The codes of one version of the lock (comments and blank lines skipped). */
function lockedCodes(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Every earlier committed version of the lock, when the repository's history is at hand (a clone, not an export). */
function earlierLocks(): string[] {
  let commits: string[];
  try {
    commits = execFileSync('git', ['log', '--format=%H', '--', LOCK], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return [];
  }
  return commits.map((commit) => execFileSync('git', ['show', `${commit}:${LOCK}`], { cwd: root, encoding: 'utf8' }));
}

describe('shipped problem codes are append-only', () => {
  const locked = lockedCodes(readFileSync(path.join(root, LOCK), 'utf8'));

  it('the lock lists each code once, each a code', () => {
    expect(locked.length).toBeGreaterThan(30);
    expect(new Set(locked).size).toBe(locked.length);
    for (const code of locked) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  it('no shipped code has left the catalog or been renamed', () => {
    expect(locked.filter((code) => !(code in PROBLEMS))).toEqual([]);
  });

  it('every code of the catalog is in the lock (append a new one at its end)', () => {
    expect(Object.keys(PROBLEMS).filter((code) => !locked.includes(code))).toEqual([]);
  });

  it('no earlier version of the lock holds a code the lock lost', () => {
    const lost = earlierLocks().flatMap((text) => lockedCodes(text).filter((code) => !locked.includes(code)));
    expect([...new Set(lost)]).toEqual([]);
  });

  it('tells a removal, a rename and an unappended code apart (the checks are not blind)', () => {
    const catalog = Object.keys(PROBLEMS);
    const renamed = locked.map((code) => (code === 'CLOCK_SKEW' ? 'CLOCK_DRIFT' : code));
    expect(renamed.filter((code) => !catalog.includes(code))).toEqual(['CLOCK_DRIFT']);
    expect(catalog.filter((code) => !renamed.includes(code))).toEqual(['CLOCK_SKEW']);
    const earlier = lockedCodes(`# header\n${locked.join('\n')}\nGONE_CODE\n`);
    expect(earlier.filter((code) => !locked.includes(code))).toEqual(['GONE_CODE']);
  });
});
