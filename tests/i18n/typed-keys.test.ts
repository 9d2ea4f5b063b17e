import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALE_TYPES_PATH, renderLocaleTypes } from '../../build/scripts/render-locale-types';
import { ROOT } from './locale-files';

// Message keys and their parameters are typed from the locale files (docs/i18n.md "Typed keys"): a wrong key, a
// missing or extra parameter, or a parameter of the wrong kind fails `npm run typecheck`. The regex tests
// (keys-used.test.ts) stay as a backstop for keys built at run time.

describe('typed message keys', () => {
  it('the committed key types are what the locale files say today (`npm run i18n:types`)', async () => {
    const prettier = await import('prettier');
    const file = path.join(ROOT, LOCALE_TYPES_PATH);
    const rendered = await prettier.format(renderLocaleTypes(), {
      ...(await prettier.resolveConfig(file)),
      filepath: file,
    });
    expect(readFileSync(file, 'utf8')).toBe(rendered);
  });

  it('compiles the typed-keys probe as `npm run typecheck` does: wrong keys are expected errors there', () => {
    // tests/i18n/typed-keys.typecheck.ts is in tsconfig.json's `include` (tests/), and each of its wrong calls
    // carries `@ts-expect-error`: the type check fails the day one of them compiles.
    const probe = readFileSync(path.join(ROOT, 'tests/i18n/typed-keys.typecheck.ts'), 'utf8');
    const config = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.json'), 'utf8')) as {
      include: string[];
      exclude: string[];
    };
    expect(config.include).toContain('tests');
    expect(config.exclude.some((dir) => 'tests/i18n/typed-keys.typecheck.ts'.startsWith(dir))).toBe(false);
    expect(probe.match(/@ts-expect-error/g)?.length).toBeGreaterThanOrEqual(10);
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.typecheck).toContain('tsc --noEmit -p tsconfig.json');
    expect(pkg.scripts.typecheck).toContain('locale-types.mjs --check');
  });
});
