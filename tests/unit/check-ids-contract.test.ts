import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import { CACHE_CHECK_IDS } from '../../shared/check-details/cache';
import { CONNECTIVITY_CHECK_IDS } from '../../shared/check-details/connectivity';
import { REVOKED_CHECK_IDS } from '../../shared/check-details/revoked';
import { SCROBBLING_CHECK_IDS } from '../../shared/check-details/scrobbling';
import { TOKEN_CHECK_IDS } from '../../shared/check-details/token';
import { VERSION_CHECK_IDS } from '../../shared/check-details/version';
import { STEP_NAMES, type StepName } from '../../shared/steps';

// Check ids cross the IPC boundary as shared constants (docs/architecture.md "Typed IPC"): every step's
// `<STEP>_CHECK_IDS` in shared/check-details/<step>.ts lists its checks in report order, the engine's checks take
// their ids from there, and no renderer file names a check id literally.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STEP_IDS: Readonly<Record<StepName, Readonly<Record<string, string>>>> = {
  version: VERSION_CHECK_IDS,
  cache: CACHE_CHECK_IDS,
  connectivity: CONNECTIVITY_CHECK_IDS,
  token: TOKEN_CHECK_IDS,
  revoked: REVOKED_CHECK_IDS,
  scrobbling: SCROBBLING_CHECK_IDS,
};

/** The files of a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** Code without its comments (an id named in a doc comment is prose, not a use). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

/** The registered check ids `code` names as a string literal. */
const namedIds = (code: string) =>
  CHECKS.map((c) => c.id).filter((id) =>
    [`'${id}'`, `"${id}"`, `\`${id}\``].some((quoted) => withoutComments(code).includes(quoted)),
  );

describe('check ids across IPC', () => {
  it.each(STEP_NAMES)("%s: the shared constants list exactly the step's checks, in report order", (step) => {
    const registered = CHECKS.filter((c) => c.step === step).map((c) => c.id);
    expect(Object.values(STEP_IDS[step])).toEqual(registered);
  });

  it('every check of the engine takes its id from the shared constants, never a literal', () => {
    const literal = files(path.join(root, 'electron/engine/checks'))
      .filter((file) => /\bid: '[a-z]+\.[a-z0-9-]+'/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(literal).toEqual([]);
  });

  it('no renderer file names a check id literally', () => {
    const named = files(path.join(root, 'renderer/src')).flatMap((file) =>
      namedIds(readFileSync(file, 'utf8')).map((id) => `${path.relative(root, file)}: ${id}`),
    );
    expect(named).toEqual([]);
  });

  it('the scan finds a literal id (it is not blind)', () => {
    const code = `// as 'token.pasted-url' does\nconst id = "token.oauth-differential";\nconst other = \`scrobbling.library\`;\n`;
    expect(namedIds(code).sort()).toEqual([SCROBBLING_CHECK_IDS.library, TOKEN_CHECK_IDS.oauthDifferential].sort());
  });
});
