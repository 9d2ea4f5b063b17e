#!/usr/bin/env node
// `npm run docs:quotes`: rewrites the quoted code blocks of the design docs from the files they quote
// (build/scripts/render-doc-quotes.ts). tests/unit/docs-quotes.test.ts fails while a doc quotes anything else.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { module } = await runnerImport(path.join(root, 'build/scripts/render-doc-quotes.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
for (const doc of module.QUOTING_DOCS) {
  const file = path.join(root, doc);
  const text = await readFile(file, 'utf8');
  const requoted = await module.requoteDoc(doc, text);
  if (requoted !== text) {
    await writeFile(file, requoted);
    process.stdout.write(`requoted ${doc}\n`);
  }
}
