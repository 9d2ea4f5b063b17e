import { execFile } from 'node:child_process';
import { childProcessEnv } from '../../core/system-tools';

/** The outcome of one OS command: its output, or a classified failure. Never thrown. */
export type CommandOutcome =
  | { readonly ok: true; readonly stdout: string }
  | {
      readonly ok: false;
      readonly kind: 'missing' | 'exit' | 'timeout' | 'too-large' | 'aborted' | 'other';
      readonly message: string;
    };

/** Runs one OS command (no shell; an absolute path where the OS fixes one) and returns its output; injected so tests never run the machine's tools. */
export type CommandRunner = (file: string, args: readonly string[], signal?: AbortSignal) => Promise<CommandOutcome>;

/** Every OS command is bounded in time and output, so a hung `reg`/`flatpak`/`ps` costs at most this. */
export const COMMAND_TIMEOUT_MS = 3000;
const MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

/** The real runner: `execFile` without a shell, with a timeout, an output cap and the caller's abort signal. */
export const runCommand: CommandRunner = (file, args, signal) => runBounded(COMMAND_TIMEOUT_MS, file, args, signal);

/** The real runner with another time bound (the Windows lane: Windows programs start slowly under Wine). */
export function createCommandRunner(timeoutMs: number): CommandRunner {
  return (file, args, signal) => runBounded(timeoutMs, file, args, signal);
}

function runBounded(
  timeoutMs: number,
  file: string,
  args: readonly string[],
  signal: AbortSignal | undefined,
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        timeout: timeoutMs,
        maxBuffer: MAX_OUTPUT_BYTES,
        windowsHide: true,
        encoding: 'utf8',
        signal,
        // A tool named without a folder (`flatpak`) is looked up in PATH's absolute folders only.
        env: childProcessEnv(process.env),
      },
      (error, stdout) => {
        if (!error) {
          resolve({ ok: true, stdout });
          return;
        }
        const err = error as NodeJS.ErrnoException & { killed?: boolean; code?: string | number };
        if (err.code === 'ENOENT') resolve({ ok: false, kind: 'missing', message: `${file} is not available` });
        else if (err.name === 'AbortError' || err.code === 'ABORT_ERR')
          resolve({ ok: false, kind: 'aborted', message: `${file} was stopped` });
        else if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
          resolve({ ok: false, kind: 'too-large', message: `${file} printed more than ${MAX_OUTPUT_BYTES} bytes` });
        else if (err.killed)
          resolve({ ok: false, kind: 'timeout', message: `${file} did not finish within ${timeoutMs} ms` });
        else if (typeof err.code === 'number')
          resolve({ ok: false, kind: 'exit', message: `${file} exited with status ${err.code}` });
        else resolve({ ok: false, kind: 'other', message: `${file} failed (${err.code ?? err.message})` });
      },
    );
  });
}
