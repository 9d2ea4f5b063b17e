import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { IPC_CHANNEL_NAMES } from '../../shared/ipc-names';

// The design docs describe the code by its paths; this fails when a path they name no longer exists,
// or when the layers of docs/architecture.md and the layers lint enforces drift apart.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DESIGN_DOCS = ['docs/architecture.md', 'docs/testing.md', 'docs/adding-a-check.md'];
const REPO_PATH = /`((?:electron|renderer|shared|tests|build|docs|\.github|\.ci)\/[^`\s]*)/g;

/** The concrete paths a doc's path pattern stands for: `{a,b}` expanded; `<name>` and `*` kept. */
function expand(pattern: string): string[] {
  const brace = /\{([^}]+)\}/.exec(pattern);
  if (!brace) return [pattern];
  return brace[1]!.split(',').flatMap((option) => expand(pattern.replace(brace[0], option)));
}

/** Whether a path exists, with `<name>` matching any folder and `*` any run of characters in a file name. */
function existsPattern(relative: string): boolean {
  const segments = relative.replace(/\/$/, '').split('/');
  const walk = (base: string, rest: readonly string[]): boolean => {
    if (rest.length === 0) return true;
    const [segment, ...tail] = rest as [string, ...string[]];
    if (!segment.includes('<') && !segment.includes('*')) {
      const next = path.join(base, segment);
      return existsSync(next) && walk(next, tail);
    }
    const matcher = new RegExp(`^${segment.replace(/\./g, '\\.').replace(/<[^>]+>|\*/g, '.+')}$`);
    const names = existsSync(base) ? readdirSync(base) : [];
    return names.some((name) => matcher.test(name) && walk(path.join(base, name), tail));
  };
  return walk(root, segments);
}

describe('the design docs describe the code as it is', () => {
  it('name only paths that exist', () => {
    const named = DESIGN_DOCS.flatMap((doc) =>
      [...readFileSync(path.join(root, doc), 'utf8').matchAll(REPO_PATH)].map((m) => ({ doc, path: m[1]! })),
    );
    expect(named.length).toBeGreaterThan(40);
    const missing = named.flatMap(({ doc, path: pattern }) =>
      expand(pattern)
        .filter((p) => !existsPattern(p))
        .map((p) => `${doc}: ${p}`),
    );
    expect(missing).toEqual([]);
  });

  it('list the layers lint enforces, in the same order', () => {
    const { forbidden } = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as {
      forbidden: { name: string; from: { path?: string } }[];
    };
    // The upward rules are generated one per layer, lowest first: `no-upward-from-<layer>` from `^<folder>`.
    const enforced = forbidden
      .filter((rule) => rule.name.startsWith('no-upward-from-'))
      .map((rule) => rule.from.path!.replace(/^\^/, '').replace(/\/$/, ''));
    expect(enforced.length).toBeGreaterThan(5);

    const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const table = architecture.slice(architecture.indexOf('## Layers'), architecture.indexOf('```mermaid'));
    const documented = [...table.matchAll(/^\| [^|]+\| `([^`]+)`/gm)].flatMap((m) => expand(m[1]!.replace(/\/$/, '')));
    const positions = enforced.map((folder) => documented.findIndex((d) => d === folder || d.startsWith(`${folder}/`)));
    expect(positions.filter((p) => p < 0).length, `documented: ${documented.join(', ')}`).toBe(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("list the IPC channels of shared/ipc-names.ts, all of them and no other, in architecture.md's order", () => {
    const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const start = architecture.indexOf('Channels (');
    expect(start).toBeGreaterThan(0);
    // The sentence after "Channels (…):", up to its full stop.
    const sentence = /^[^)]*\):([^.]*)\./s.exec(architecture.slice(start))?.[1] ?? '';
    const documented = [...sentence.matchAll(/`([a-z]+:[a-z-]+)`/g)].map((m) => m[1]);
    expect(documented).toEqual([...IPC_CHANNEL_NAMES]);
  });

  it('say what a check is as it is: no title or sentence of its own', () => {
    const architecture = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const check = architecture.slice(architecture.indexOf('A check (`electron/engine/runtime/check.ts`'));
    const paragraph = check.slice(0, check.indexOf('\n\n'));
    expect(paragraph).toContain('summary as a locale message');
    expect(paragraph).not.toMatch(/\bone sentence\b|, a\s+title,/);
  });
});
