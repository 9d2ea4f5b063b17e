import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';

/**
 * Keeps the code in the design docs true (docs/adding-a-check.md): a fenced block right after
 * `<!-- quote: <file>#<selector> -->` is the selected part of that file, as it is today. `npm run docs:quotes`
 * rewrites the blocks; `tests/unit/docs-quotes.test.ts` fails while a doc quotes anything else.
 *
 * Selectors: in TypeScript, a top-level declaration by name (`#clockCheck`) with its doc comment, a property of a
 * top-level object by path (`#SPECS.CLOCK_SKEW`), or a test by its title (`#it:finds CLOCK_SKEW…`); in JSON, a key
 * path (`#clock`, `#CLOCK_SKEW.title`), the file may name several languages as `{es,fr}` and the block then lists each.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The docs whose code blocks are quoted. */
export const QUOTING_DOCS = ['docs/adding-a-check.md'];

/** A quote marker, the fence that follows it, its language and its body. */
const QUOTE = /(<!-- quote: ([^#\s]+)#(.+?) -->\n\n?```(\w+)\n)([\s\S]*?)(```)/g;

/** One quote of a doc: where it points and what it holds now. */
export interface DocQuote {
  readonly file: string;
  readonly selector: string;
  readonly body: string;
}

/** The quotes of a doc's text. */
export function quotesOf(text: string): DocQuote[] {
  return [...text.matchAll(QUOTE)].map((m) => ({ file: m[2]!, selector: m[3]!, body: m[5]! }));
}

/** The doc with every quoted block replaced by what its selector selects today, formatted as Prettier keeps docs. */
export async function requoteDoc(doc: string, text: string): Promise<string> {
  const quoted = text.replace(
    QUOTE,
    (_all, head: string, file: string, selector: string) => `${head}${quote(file, selector)}\n\`\`\``,
  );
  const filepath = path.join(root, doc);
  return prettier.format(quoted, { ...(await prettier.resolveConfig(filepath)), filepath });
}

/** What `selector` selects in `file` (repository-relative). */
export function quote(file: string, selector: string): string {
  if (file.endsWith('.json')) return jsonQuote(file, selector);
  const source = ts.createSourceFile(file, readFileSync(path.join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const node = selector.startsWith('it:') ? testNamed(source, selector.slice(3)) : declarationAt(source, selector);
  if (!node) throw new Error(`${file}#${selector}: nothing by that name`);
  return dedent(source.text.slice(commentStart(source.text, node), node.getEnd()));
}

/** Where the node's own comment starts: the comments right above it (no blank line between), else the node. */
function commentStart(text: string, node: ts.Node): number {
  let start = node.getStart();
  for (const range of [...(ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [])].reverse()) {
    if (/\n\s*\n/.test(text.slice(range.end, start))) break;
    start = range.pos;
  }
  return start;
}

function declarationAt(source: ts.SourceFile, selector: string): ts.Node | undefined {
  const [name, ...properties] = selector.split('.');
  for (const statement of source.statements) {
    const declared = ts.isVariableStatement(statement)
      ? statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name)
      : (ts.isFunctionDeclaration(statement) ||
            ts.isInterfaceDeclaration(statement) ||
            ts.isTypeAliasDeclaration(statement)) &&
          statement.name?.text === name
        ? statement
        : undefined;
    if (!declared) continue;
    if (properties.length === 0) return statement;
    let value: ts.Node | undefined = ts.isVariableDeclaration(declared) ? declared.initializer : undefined;
    let found: ts.Node | undefined;
    for (const property of properties) {
      while (
        value &&
        (ts.isAsExpression(value) || ts.isSatisfiesExpression(value) || ts.isParenthesizedExpression(value))
      )
        value = value.expression;
      if (!value || !ts.isObjectLiteralExpression(value)) return undefined;
      found = value.properties.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === property);
      value = found && ts.isPropertyAssignment(found) ? found.initializer : undefined;
    }
    return found;
  }
  return undefined;
}

function testNamed(source: ts.SourceFile, title: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node) => {
    if (found) return;
    if (
      ts.isExpressionStatement(node) &&
      ts.isCallExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === 'it'
    ) {
      const [first] = node.expression.arguments;
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && first.text === title)
        found = node;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function jsonQuote(file: string, selector: string): string {
  const brace = /\{([^}]+)\}/.exec(file);
  const read = (one: string) => {
    let value: unknown = JSON.parse(readFileSync(path.join(root, one), 'utf8'));
    for (const key of selector.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
    if (value === undefined) throw new Error(`${one}#${selector}: nothing at that path`);
    return value;
  };
  const last = selector.split('.').at(-1)!;
  const value = brace
    ? Object.fromEntries(brace[1]!.split(',').map((part) => [part, { [last]: read(file.replace(brace[0], part)) }]))
    : { [last]: read(file) };
  return JSON.stringify(value, null, 2);
}

function dedent(text: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
