import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import * as prettier from 'prettier';

// `npm run lint` must fail on an upward import, an import cycle and unformatted code. This runs the
// repo's own rules (.dependency-cruiser.cjs, .prettierrc.json) on deliberately bad code under
// tests/fixtures/lint/ — each folder a miniature repository root — and asserts each violation.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = path.join(root, 'tests/fixtures/lint');

/** The dependency-cruiser config `npm run lint` uses. */
interface DepcruiseConfig {
  readonly forbidden: IForbiddenRuleType[];
  readonly options: ICruiseOptions;
}
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as DepcruiseConfig;

/** One violation, as `rule: from → to`. */
type Violation = string;

/** Cruises a fixture root the way `depcruise --config .dependency-cruiser.cjs electron renderer shared` does. */
async function depcruise(fixture: string): Promise<Violation[]> {
  const { tsConfig: _tsConfig, ...options } = config.options;
  const { output } = await cruise(
    ['electron', 'renderer', 'shared'].filter((dir) => existsSync(path.join(fixtures, fixture, dir))),
    { ...options, validate: true, ruleSet: { forbidden: config.forbidden }, baseDir: path.join(fixtures, fixture) },
  );
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('npm run lint: layers and cycles (dependency-cruiser, the real rules)', () => {
  it('is what npm run lint runs', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { lint: string } };
    expect(pkg.scripts.lint).toContain('depcruise --config .dependency-cruiser.cjs electron renderer shared');
    expect(pkg.scripts.lint).toContain('prettier --check .');
    expect(pkg.scripts.lint).toContain('eslint --max-warnings 0 .');
    expect(pkg.scripts.lint).toContain('knip');
  });

  it('passes an import of a lower layer (the rules do not flag everything)', async () => {
    expect(await depcruise('allowed')).toEqual([]);
  });

  it('fails an upward import: engine core importing a check', async () => {
    expect(await depcruise('upward')).toEqual([
      'no-upward-from-engine-core: electron/engine/core/reads-a-check.ts → electron/engine/checks/a-check.ts',
    ]);
  });

  it('fails an import cycle, even one made only of type imports', async () => {
    expect(await depcruise('cycle')).toEqual(['no-circular: shared/first.ts → shared/second.ts']);
  });

  it('fails a client importing problem codes or the check contract: judgement lives in checks/', async () => {
    expect(await depcruise('client-judges')).toEqual([
      'clients-say-facts: electron/engine/clients/trakt/judges.ts → electron/engine/runtime/check.ts',
      'clients-say-facts: electron/engine/clients/trakt/judges.ts → shared/problems.ts',
    ]);
  });

  it('fails the renderer importing the engine instead of going through window.doctor', async () => {
    expect(await depcruise('renderer-reach')).toEqual([
      'renderer-only-shared: renderer/src/page.ts → electron/engine/core/config.ts',
    ]);
  });
});

describe('npm run lint: formatting (Prettier, the repo config)', () => {
  /** Whether `prettier --check` would accept `source` as the file `relative`. */
  async function formatted(relative: string, source: string): Promise<boolean> {
    const filepath = path.join(root, relative);
    const options = await prettier.resolveConfig(filepath, { editorconfig: true });
    expect(options?.printWidth).toBe(120);
    return prettier.check(source, { ...options, filepath });
  }

  it('fails unformatted code', async () => {
    const source = readFileSync(path.join(fixtures, 'unformatted.ts'), 'utf8');
    expect(await formatted('electron/engine/core/unformatted.ts', source)).toBe(false);
  });

  it('fails a line over the width of 120, and passes it once formatted', async () => {
    const long = `export const names = [${Array.from({ length: 12 }, (_, i) => `'name-${i}'`).join(', ')}];\n`;
    expect(long.length).toBeGreaterThan(121);
    expect(await formatted('shared/names.ts', long)).toBe(false);
    const options = await prettier.resolveConfig(path.join(root, 'shared/names.ts'));
    const fixed = await prettier.format(long, { ...options, filepath: path.join(root, 'shared/names.ts') });
    expect(await formatted('shared/names.ts', fixed)).toBe(true);
  });

  it('passes the code base as it is (a formatted file checks clean)', async () => {
    const file = 'electron/engine/runtime/scheduler.ts';
    expect(await formatted(file, readFileSync(path.join(root, file), 'utf8'))).toBe(true);
  });
});

describe('npm run lint: a client names no check message (the real ESLint config)', () => {
  /** The restricted-syntax messages of `code` linted as a client file. */
  async function lintClientCode(code: string): Promise<string[]> {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: root });
    const file = path.join(root, 'electron/engine/clients/stremio/lint-probe.ts');
    const [result] = await eslint.lintText(code, { filePath: file });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
  }

  it('fails a `checks-*` key, literal or built, in a client', async () => {
    expect(await lintClientCode(`export const why = { key: 'checks-token:stremioAnswer.noUser' };\n`)).toHaveLength(1);
    expect(await lintClientCode('export const key = (step: string) => `checks-${step}:failed`;\n')).toHaveLength(1);
  });

  it('passes a client failure said with a `clients:` key', async () => {
    expect(await lintClientCode(`export const why = { key: 'clients:stremioAnswer.noUser' };\n`)).toEqual([]);
  });
});

describe('npm run lint: no text left in the window code (eslint-plugin-i18next, the real config)', () => {
  /** Lints `code` as if it were a file of the window. */
  async function lintWindowCode(code: string): Promise<string[]> {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: root });
    const [result] = await eslint.lintText(code, { filePath: path.join(root, 'renderer/src/lint-probe.tsx') });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => m.message);
  }

  it('fails English text in JSX and in the attributes a person reads or hears', async () => {
    const found = await lintWindowCode(
      `export function A() { return <button aria-label="Close the dialog" title="Close">Start the checks</button>; }\n`,
    );
    expect(found).toHaveLength(3);
  });

  it('passes texts from the locale, symbols, request lines in <code> and example addresses', async () => {
    const found = await lintWindowCode(
      `import { useTranslation } from 'react-i18next';\n` +
        `export function A() { const { t } = useTranslation(); return (<p className="x" data-testid="p">` +
        `{t('wizard:app.skip')} <span aria-hidden="true">→</span> <code>GET https://api.trakt.tv/users/settings</code>` +
        `<input placeholder="https://api.trakt.tv/oauth/authorize?…" /></p>); };\n`,
    );
    expect(found).toEqual([]);
  });
});
