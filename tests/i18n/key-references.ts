import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { NAMESPACES } from '../../shared/i18n/resources';
import { ROOT } from './locale-files';

/** Where code that says texts lives (tests and locale files excluded). */
const SOURCE_DIRS = ['electron', 'shared', 'renderer/src'];

/** Every source file of the app, with its text. */
export function sourceFiles(): { readonly file: string; readonly text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts'))
        out.push({ file: path.relative(ROOT, full), text: withoutComments(readFileSync(full, 'utf8')) });
    }
  };
  for (const dir of SOURCE_DIRS) walk(path.join(ROOT, dir));
  return out;
}

/** The code without its comments (a key named in a doc comment is an example, not a use). */
function withoutComments(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
}

/** What the code names: whole keys (`ns:a.b`) and prefixes of keys it completes at run time (`ns:a.${x}`). */
export interface KeyReferences {
  readonly keys: Map<string, string[]>;
  readonly prefixes: Set<string>;
}

const NS = NAMESPACES.map((n) => n.replace(/-/g, '\\-')).join('|');
const QUALIFIED = new RegExp(`['"\`](${NS}):([A-Za-z0-9_.-]+)['"\`]`, 'g');
const QUALIFIED_PREFIX = new RegExp(`\`(${NS}):([A-Za-z0-9_.-]*)\\$\\{`, 'g');
// A component or module that fixes its namespace (react-i18next `useTranslation('wizard')`, `getFixedT`):
// its bare `t('a.b')` calls mean `wizard:a.b`.
const DEFAULT_NS = new RegExp(
  `(?:useTranslation|getFixedT|withNamespace)\\(\\s*(?:[\\w.]+\\s*,\\s*)?['"](${NS})['"]`,
  'g',
);
const BARE_CALL = /\bt\(\s*['"]([A-Za-z0-9_.-]+)['"]/g;
const BARE_PREFIX = /\bt\(\s*`([A-Za-z0-9_.-]*)\$\{/g;

/** Collects the key references of every source file. */
export function collectReferences(files = sourceFiles()): KeyReferences {
  const keys = new Map<string, string[]>();
  const prefixes = new Set<string>();
  const add = (key: string, file: string) => keys.set(key, [...(keys.get(key) ?? []), file]);
  for (const { file, text } of files) {
    for (const m of text.matchAll(QUALIFIED)) add(`${m[1]}:${m[2]}`, file);
    for (const m of text.matchAll(QUALIFIED_PREFIX)) prefixes.add(`${m[1]}:${m[2]}`);
    const defaults = [...text.matchAll(DEFAULT_NS)].map((m) => m[1] ?? '');
    for (const ns of defaults) {
      for (const m of text.matchAll(BARE_CALL)) if (!m[1]?.includes(':')) add(`${ns}:${m[1]}`, file);
      for (const m of text.matchAll(BARE_PREFIX)) prefixes.add(`${ns}:${m[1]}`);
    }
  }
  return { keys, prefixes };
}
