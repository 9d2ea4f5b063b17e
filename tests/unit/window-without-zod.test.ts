import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Full zod probes `new Function('')` when it loads, which the window's CSP and Trusted Types refuse: the window
// reads its IPC types (`import type`) and zod/mini schemas only (docs/i18n.md "IPC errors"). This walks what the
// window's bundle really loads — every import but `import type` / `export type`, dynamic imports included,
// as `verbatimModuleSyntax` keeps them — from its entry, long before the e2e tests would see a CSP report.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = path.join(ROOT, 'renderer/src/main.tsx');

function resolveLocal(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

/** Every module the window loads at run time (local files by path, packages by specifier), with who loads it. */
function runtimeImports(entry: string): Map<string, string | null> {
  const loadedBy = new Map<string, string | null>();
  const pending: Array<readonly [string, string | null]> = [[entry, null]];
  while (pending.length > 0) {
    const [file, parent] = pending.pop()!;
    if (loadedBy.has(file)) continue;
    loadedBy.set(file, parent);
    if (!path.isAbsolute(file) || !/\.tsx?$/.test(file)) continue;
    const follow = (specifier: string) =>
      pending.push([specifier.startsWith('.') ? (resolveLocal(file, specifier) ?? specifier) : specifier, file]);
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly && ts.isStringLiteral(node.moduleSpecifier))
        follow(node.moduleSpecifier.text);
      if (
        ts.isExportDeclaration(node) &&
        !node.isTypeOnly &&
        node.moduleSpecifier &&
        ts.isStringLiteral(node.moduleSpecifier)
      )
        follow(node.moduleSpecifier.text);
      if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const [argument] = node.arguments;
        if (argument && ts.isStringLiteral(argument)) follow(argument.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  }
  return loadedBy;
}

function chain(loadedBy: Map<string, string | null>, module: string): string[] {
  const out: string[] = [];
  for (let at: string | null | undefined = module; at; at = loadedBy.get(at)) out.push(path.relative(ROOT, at) || at);
  return out;
}

describe('the window loads no full zod', () => {
  it('reaches zod/mini (its details schemas) but never `zod` itself, nor a module importing it', () => {
    const loaded = runtimeImports(ENTRY);
    expect(loaded.has(path.join(ROOT, 'renderer/src/lib/ipc-error-text.ts'))).toBe(true);
    expect(loaded.has('zod/mini')).toBe(true);
    expect(loaded.has('zod') ? chain(loaded, 'zod') : []).toEqual([]);
  });
});
