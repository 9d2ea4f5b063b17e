import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_OUTPUTS, inputsHash, isCurrent, writeStamp } from '../../build/scripts/build-stamp.mjs';

/** A repository with one source file and every bundle built. */
function builtRepo(): { root: string; write(file: string, text: string): void } {
  const root = mkdtempSync(path.join(tmpdir(), 'doctor-stamp-'));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write('shared/steps.ts', 'export const STEPS = 1;\n');
  write('package-lock.json', '{}');
  for (const file of BUILD_OUTPUTS) write(file, 'built');
  return { root, write };
}

describe('npm test skips the build only when out/ is current (build/scripts/build-stamp.mjs)', () => {
  it('is current after a build from the same sources and defines', () => {
    const { root } = builtRepo();
    writeStamp(root, inputsHash(root, { version: '1' }));
    expect(isCurrent(root, inputsHash(root, { version: '1' }))).toBe(true);
  });

  it('is stale when a source, a new file, the lock file or a baked-in value changed', () => {
    const { root, write } = builtRepo();
    const built = inputsHash(root, { version: '1' });
    writeStamp(root, built);
    expect(isCurrent(root, inputsHash(root, { version: '2' }))).toBe(false);
    write('shared/steps.ts', 'export const STEPS = 2;\n');
    expect(isCurrent(root, inputsHash(root, { version: '1' }))).toBe(false);
    write('shared/steps.ts', 'export const STEPS = 1;\n');
    expect(isCurrent(root, inputsHash(root, { version: '1' }))).toBe(true);
    write('renderer/src/new.tsx', 'export {};\n');
    expect(isCurrent(root, inputsHash(root, { version: '1' }))).toBe(false);
    rmSync(path.join(root, 'renderer'), { recursive: true });
    write('package-lock.json', '{"lockfileVersion":3}');
    expect(isCurrent(root, inputsHash(root, { version: '1' }))).toBe(false);
  });

  it('is stale without a stamp or when a bundle is missing', () => {
    const { root } = builtRepo();
    const hash = inputsHash(root, {});
    expect(isCurrent(root, hash)).toBe(false);
    writeStamp(root, hash);
    rmSync(path.join(root, 'out/cli/cli.mjs'));
    expect(isCurrent(root, hash)).toBe(false);
  });
});
