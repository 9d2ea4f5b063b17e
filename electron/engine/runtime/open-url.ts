import { spawn } from 'node:child_process';
import { childProcessEnv, macToolPath, windowsToolPath } from '../core/system-tools';

/**
 * The OS command that opens a URL in the default browser, by absolute path where the OS fixes one (a
 * bare name on Windows would run a `rundll32.exe` planted in the current folder). `xdg-open` has no
 * fixed home across Linux distributions: it is looked up in `PATH`'s absolute folders only (an empty or
 * relative element would be the current folder; `childProcessEnv`).
 */
function systemOpener(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: macToolPath('open'), args: [] };
  if (platform === 'win32') return { command: windowsToolPath('rundll32', env), args: ['url.dll,FileProtocolHandler'] };
  return { command: 'xdg-open', args: [] };
}

/**
 * Opens `url` with `command` (the CLI's `--open-with`, split on spaces) or the OS opener, the URL as the
 * last argument. No shell is involved, so nothing in the URL is interpreted.
 */
export function openUrlWith(
  url: string,
  command: string | undefined,
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  const opener = systemOpener(platform, env);
  const [program, ...args] = command ? command.split(' ').filter(Boolean) : [opener.command, ...opener.args];
  return new Promise((resolve, reject) => {
    const child = spawn(program!, [...args, url], {
      stdio: 'ignore',
      detached: true,
      env: childProcessEnv(env, platform),
    });
    child.once('error', (error) =>
      reject(new Error(`could not start ${program}: ${(error as NodeJS.ErrnoException).code ?? error.message}`)),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
