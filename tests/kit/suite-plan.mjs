// How `npm test` lays out the suite on the workers (vitest.config.ts; docs/testing.md "Keeping the suite fast").
// Plain JavaScript: vitest.config.ts imports it with its extension.
//
// Which files share a process: most files share their worker's process with the files that ran before
// (Vitest `isolate: false`): the engine, zod, i18next and the world's kit are imported once per worker
// instead of once per file, which takes a third off the suite's CPU. A file that replaces modules
// (`vi.mock` & co.) or runs in jsdom gets a fresh process, so its mocks and its DOM never meet another file.
//
// Which files start first: the end-to-end files (Chromium) and the files that run the built CLI are the
// longest; started last, one of them would leave a worker finishing the run alone.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer } from 'vitest/node';

/** Module replacement: the mocked module must not already sit in the cache, nor stay mocked after the file. */
const REPLACES_MODULES = /\bvi\s*\.\s*(mock|doMock|unmock|doUnmock|hoisted|resetModules|importMock)\s*[(<]/;
/** A file that runs in another environment than Node (jsdom: a window of its own per file). */
const OTHER_ENVIRONMENT = /@vitest-environment\s+(?!node\b)\w+/;
/** Files that drive Chromium or spawn the built CLI. */
const LONG_KIND = /\b(openWizard|openJourney|runCli)\s*\(/;

/**
 * True when the source of a test file needs a fresh process (see the top of this file).
 * @param {string} source
 */
export function needsOwnProcess(source) {
  return REPLACES_MODULES.test(source) || OTHER_ENVIRONMENT.test(source);
}

/**
 * True for the kinds of file that run longest: they start first.
 * @param {string} file path relative to the root
 * @param {string} source
 */
export function startsFirst(file, source) {
  return file.startsWith('tests/e2e/') || LONG_KIND.test(source);
}

/**
 * The test files under `dir` (relative to `root`, `/`-separated, sorted) whose source needs a fresh process.
 * @param {string} root
 * @param {string} [dir]
 * @returns {string[]}
 */
export function filesNeedingOwnProcess(root, dir = 'tests') {
  return readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const child = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return filesNeedingOwnProcess(root, child);
      const isTest = /\.test\.tsx?$/.test(entry.name);
      return isTest && needsOwnProcess(readFileSync(path.join(root, child), 'utf8')) ? [child] : [];
    })
    .sort();
}

/** Vitest's order (failed first, then longest last time, else largest), with the long kinds moved to the front. */
export class LongFilesFirst extends BaseSequencer {
  /** @param {import('vitest/node').TestSpecification[]} files */
  async sort(files) {
    const sorted = await super.sort(files);
    const root = this.ctx.config.root;
    const first = new Set(
      sorted.filter((spec) => {
        const file = path.relative(root, spec.moduleId).split(path.sep).join('/');
        return startsFirst(file, readFileSync(spec.moduleId, 'utf8'));
      }),
    );
    return [...first, ...sorted.filter((spec) => !first.has(spec))];
  }
}
