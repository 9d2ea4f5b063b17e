import { STEP_NAMES, isStepName, type StepName } from '../../../shared/steps';
import { msg, type Message } from '../../../shared/i18n/message';
import type { Translator } from '../../../shared/i18n/translator';
import { LOCALES } from '../../../shared/i18n/locales';
import { WAIT_SECONDS } from '../../../shared/check-details/closed-loop-limits';

/** The options `--help` lists, with their value's name; each one's text is `cli:usage.option.<key>`. */
const OPTIONS = [
  ['--json', 'json'],
  ['--config FILE', 'config'],
  ['--steps LIST', 'steps'],
  ['--auth-url URL', 'authUrl'],
  ['--bundle FILE', 'bundle'],
  ['--oauth', 'oauth'],
  ['--open-with COMMAND', 'openWith'],
  ['--await-relink [SECONDS]', 'awaitRelink'],
  ['--live-scrobble [SECONDS]', 'liveScrobble'],
  ['--timeout-ms N', 'timeoutMs'],
  ['--lang LOCALE', 'lang'],
  ['-h, --help', 'help'],
  ['-V, --version', 'version'],
] as const satisfies readonly (readonly [flags: string, key: string])[];

/** The usage text in `tr`'s language (docs/architecture.md "Interfaces"; docs/i18n.md). */
export function usageText(tr: Translator): string {
  const width = Math.max(...OPTIONS.map(([flags]) => flags.length)) + 1;
  const params = { steps: STEP_NAMES.join(','), locales: LOCALES.join(', ') };
  return [
    tr.t('cli:usage.line'),
    '',
    tr.t('cli:usage.intro'),
    '',
    tr.t('cli:usage.options'),
    ...OPTIONS.map(([flags, key]) => `  ${flags.padEnd(width)} ${tr.t(`cli:usage.option.${key}`, params)}`),
    '',
    tr.t('cli:usage.credentials'),
    `  ${tr.t('cli:usage.credentialVars')}`,
    '',
    tr.t('cli:usage.exit'),
  ].join('\n');
}

/** Parsed `diagnose` options. */
export interface DiagnoseArgs {
  readonly json: boolean;
  readonly configFile?: string;
  readonly steps: readonly StepName[];
  readonly authUrl?: string;
  readonly bundle?: string;
  readonly oauth: boolean;
  readonly openWith?: string;
  readonly timeoutMs?: number;
  /** `--await-relink [SECONDS]`: wait that long for a new Trakt link (`token.relink`); absent = not run. */
  readonly awaitRelinkSeconds?: number;
  /** `--live-scrobble [SECONDS]`: watch Trakt that long (`scrobbling.live`); absent = not run. */
  readonly liveScrobbleSeconds?: number;
}

/** What the command line asks for. */
export type ParsedArgs =
  | { readonly command: 'help' }
  | { readonly command: 'version' }
  | { readonly command: 'diagnose'; readonly args: DiagnoseArgs };

/** A command line that cannot be run; `text` is the one-line reason, said in the CLI's language. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly text: Message) {
    super(text.key);
  }
}

const VALUE_FLAGS = new Set(['--config', '--steps', '--auth-url', '--bundle', '--open-with', '--timeout-ms', '--lang']);
/** Flags whose value (a number of seconds) may be left out: the closed-loop waits (docs/architecture.md). */
const WAIT_FLAGS = new Set(['--await-relink', '--live-scrobble']);
const TIMEOUT = { min: 50, max: 120_000 };

/** Parses argv (without node and script); throws UsageError with a one-line reason. `--lang` is read by `cliLocale`. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) return { command: 'help' };
  if (argv.includes('-V') || argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'diagnose') throw new UsageError(msg('cli:error.unknownCommand', { command: command ?? '' }));
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i]!;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (WAIT_FLAGS.has(name)) {
      // The value is optional: `--await-relink`, `--await-relink 120`, `--await-relink=120`.
      const next = rest[i + 1];
      const value = eq > 0 ? raw.slice(eq + 1) : next !== undefined && /^[-+]?[\d.]/.test(next) ? rest[++i] : undefined;
      values.set(name, value ?? String(WAIT_SECONDS.default));
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw new UsageError(msg('cli:error.needsValue', { option: name }));
      values.set(name, value);
    } else if (name === '--json' || name === '--oauth') {
      flags.add(name);
    } else if (/^--?(password|email|auth-?key|token)/i.test(name)) {
      throw new UsageError(msg('cli:error.credentialsInArgs', { option: name }));
    } else {
      throw new UsageError(msg('cli:error.unknownOption', { option: name }));
    }
  }
  const steps = parseSteps(values.get('--steps'));
  const timeout = values.get('--timeout-ms');
  let timeoutMs: number | undefined;
  if (timeout !== undefined) {
    timeoutMs = Number(timeout);
    if (!Number.isInteger(timeoutMs) || timeoutMs < TIMEOUT.min || timeoutMs > TIMEOUT.max)
      throw new UsageError(msg('cli:error.timeout', TIMEOUT));
  }
  const awaitRelink = waitSeconds('--await-relink', values.get('--await-relink'));
  const liveScrobble = waitSeconds('--live-scrobble', values.get('--live-scrobble'));
  return {
    command: 'diagnose',
    args: {
      json: flags.has('--json'),
      oauth: flags.has('--oauth'),
      steps,
      ...optional('configFile', values.get('--config')),
      ...optional('authUrl', values.get('--auth-url')),
      ...optional('bundle', values.get('--bundle')),
      ...optional('openWith', values.get('--open-with')),
      ...optional('timeoutMs', timeoutMs),
      ...optional('awaitRelinkSeconds', awaitRelink),
      ...optional('liveScrobbleSeconds', liveScrobble),
    },
  };
}

/** A closed-loop wait in whole seconds within 10–900, or a usage error naming the flag; undefined when absent. */
function waitSeconds(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!/^\+?\d+$/.test(value) || seconds < WAIT_SECONDS.min || seconds > WAIT_SECONDS.max)
    throw new UsageError(msg('cli:error.waitSeconds', { option, min: WAIT_SECONDS.min, max: WAIT_SECONDS.max }));
  return seconds;
}

function parseSteps(list: string | undefined): StepName[] {
  if (list === undefined) return [...STEP_NAMES];
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !isStepName(n));
  if (unknown.length > 0)
    throw new UsageError(
      msg('cli:error.unknownSteps', { count: unknown.length, steps: unknown.join(', '), known: STEP_NAMES.join(', ') }),
    );
  if (names.length === 0) throw new UsageError(msg('cli:error.noSteps'));
  return STEP_NAMES.filter((s) => names.includes(s));
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
