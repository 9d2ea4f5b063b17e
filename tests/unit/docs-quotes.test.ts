import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { QUOTING_DOCS, quote, quotesOf, requoteDoc } from '../../build/scripts/render-doc-quotes';
import { LOCALES } from '../../shared/i18n/locales';

// A guide that cannot rot (docs/adding-a-check.md): every code block of it is quoted from a real file that the type
// checker compiles and the tests run, and this fails while one block differs from its file (`npm run docs:quotes`).

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (doc: string) => readFileSync(path.join(root, doc), 'utf8');
const GUIDE = 'docs/adding-a-check.md';

/** Every language a quote's file covers (`shared/locales/{es,fr}/x.json` → es, fr). */
function localesOf(file: string): string[] {
  const brace = /shared\/locales\/\{([^}]+)\}\//.exec(file);
  if (brace) return brace[1]!.split(',');
  const one = /shared\/locales\/([^/]+)\//.exec(file);
  return one ? [one[1]!] : [];
}

describe('the quoted docs', () => {
  it.each(QUOTING_DOCS)('%s quotes its files as they are today', async (doc) => {
    const text = read(doc);
    expect(quotesOf(text).length).toBeGreaterThan(0);
    // On failure: run `npm run docs:quotes` and commit the doc.
    expect(await requoteDoc(doc, text)).toBe(text);
  });

  it('notices a quoted block that drifted from its file (the comparison is not blind)', async () => {
    const text = read(GUIDE);
    const drifted = text.replace('export const clockCheck = defineCheck', 'export const clockCheck = defineCheckOld');
    expect(drifted).not.toBe(text);
    expect(await requoteDoc(GUIDE, drifted)).toBe(text);
  });

  it('refuses a selector that selects nothing', () => {
    expect(() => quote('electron/engine/checks/connectivity/clock.ts', 'noSuchCheck')).toThrow(/nothing by that name/);
    expect(() => quote('shared/locales/en/problems.json', 'NO_SUCH_CODE')).toThrow(/nothing at that path/);
  });

  it('the guide walks through every place a new check touches', () => {
    const quotes = quotesOf(read(GUIDE));
    const files = quotes.map((q) => q.file);
    // What is not words, and the words in every language.
    expect(files).toContain('shared/problems.ts');
    const problemLocales = files.filter((f) => f.endsWith('/problems.json')).flatMap(localesOf);
    expect(problemLocales.sort()).toEqual([...LOCALES].sort());
    const checkLocales = files.filter((f) => /\/checks-[a-z]+\.json$/.test(f)).flatMap(localesOf);
    expect(checkLocales.sort()).toEqual([...LOCALES].sort());
    // Its id, the check itself, its registration and its tests.
    expect(files).toContain('shared/check-details/check-ids.ts');
    expect(files).toContain('electron/engine/checks/connectivity/clock.ts');
    expect(quotes).toContainEqual(expect.objectContaining({ file: 'electron/engine/checks/connectivity/index.ts' }));
    const tests = quotes.filter((q) => q.selector.startsWith('it:'));
    expect(tests.length).toBeGreaterThanOrEqual(2);
    // The quoted tests are tests the suite runs (a *.test.ts file under tests/), so the example is proven to work.
    for (const t of tests) expect(t.file).toMatch(/^tests\/.+\.test\.ts$/);
  });
});
