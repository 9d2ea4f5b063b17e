#!/usr/bin/env node
// `npm run i18n:types`: writes shared/i18n/locale-texts.generated.ts from the locale files (docs/i18n.md "Typed keys").
// `--check` (run by `npm run typecheck`) fails when the committed file is not what the locale files say today.
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as prettier from 'prettier';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { module } = await runnerImport(path.join(root, 'build/scripts/render-locale-types.ts'), {
  root,
  configFile: false,
  logLevel: 'error',
});
const target = path.join(root, module.LOCALE_TYPES_PATH);
const rendered = await prettier.format(module.renderLocaleTypes(), {
  ...(await prettier.resolveConfig(target)),
  filepath: target,
});
if (process.argv.includes('--check')) {
  const onDisk = await readFile(target, 'utf8').catch(() => '');
  if (onDisk !== rendered) {
    process.stderr.write(
      `${module.LOCALE_TYPES_PATH} is not current with shared/locales: run \`npm run i18n:types\` and commit it.\n`,
    );
    process.exit(1);
  }
} else {
  await writeFile(target, rendered);
  process.stdout.write(`wrote ${path.relative(root, target)}\n`);
}
