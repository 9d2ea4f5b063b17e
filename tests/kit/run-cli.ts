import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { VIOLATION_MARKER } from './network-guard.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built CLI (npm test builds it first). */
export const CLI_PATH = path.join(root, 'out/cli/cli.mjs');
const GUARD = path.join(root, 'tests/kit/network-guard.mjs');

/** What a CLI run produced. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Sends `signal` to the CLI once its stderr matches `when` (Ctrl+C in the middle of a wait). */
export interface CliInterrupt {
  readonly when: RegExp;
  readonly signal: NodeJS.Signals;
}

/** Runs the built CLI with the network guard loaded; throws if it tried to leave loopback. */
export function runCli(
  args: readonly string[],
  env: Readonly<Record<string, string>> = {},
  timeoutMs = 60_000,
  interrupt?: CliInterrupt,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', GUARD, CLI_PATH, ...args], {
      // A clean environment: no proxy or credentials leak in from the developer's shell.
      // Its own cache folder, so a kept incidents feed never leaks between runs or into the developer's.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'doctor-cache-')),
        NETWORK_GUARD_CHILD: '1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    let interrupted = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d;
      if (interrupt && !interrupted && interrupt.when.test(stderr)) {
        interrupted = true;
        child.kill(interrupt.signal);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (stderr.includes(VIOLATION_MARKER)) reject(new Error(`the CLI tried to leave loopback:\n${stderr}`));
      else resolve({ code, stdout, stderr });
    });
  });
}
