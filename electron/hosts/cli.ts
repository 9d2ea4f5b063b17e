// `stremio-trakt-doctor` — the engine without a window. Only argument parsing and the translator (English and
// the chosen language) are loaded up front so `--help` stays fast (docs/testing.md "Benchmarks": < 300 ms);
// the engine is imported when a diagnosis runs.
import { parseArgs, usageText, UsageError } from './cli/args';
import { cliLocale, envLocale } from './cli/cli-locale';
import { createTranslator, englishTranslator, type Translator } from '../../shared/i18n/translator';
import { TOOL_VERSION } from '../engine/core/version';

/** The CLI's translator, once its language is known (errors before then are said in English). */
let tr: Translator | undefined;

async function main(argv: readonly string[]): Promise<number> {
  let parsed;
  try {
    tr = await createTranslator(cliLocale(argv, process.env));
    parsed = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      // A bad --lang is said in the environment's language.
      tr ??= await createTranslator(envLocale(process.env));
      process.stderr.write(`stremio-trakt-doctor: ${tr.text(error.text)}\n`);
      return 2;
    }
    throw error;
  }
  if (parsed.command === 'help') {
    process.stdout.write(`${usageText(tr)}\n`);
    return 0;
  }
  if (parsed.command === 'version') {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  const { runDiagnoseCommand } = await import('./cli/run-diagnose');
  return runDiagnoseCommand(parsed.args, process.env, tr);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Internal error: one line, no stack (it could carry request details); exit 2.
    const reason = (error instanceof Error ? error.message.split('\n')[0] : String(error)) ?? '';
    process.stderr.write(`stremio-trakt-doctor: ${(tr ?? englishTranslator()).t('cli:error.internal', { reason })}\n`);
    process.exitCode = 2;
  },
);
