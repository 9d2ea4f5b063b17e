import path from 'node:path';

/** The Windows tools the engine runs; each lives in `%SystemRoot%\System32`. */
export type WindowsTool = 'reg' | 'tasklist' | 'rundll32';

/** The macOS tools the engine runs, at the paths macOS fixes for them (read-only system volume). */
const MAC_TOOLS = { ps: '/bin/ps', plutil: '/usr/bin/plutil', open: '/usr/bin/open' } as const;

/** A macOS tool the engine runs. */
export type MacTool = keyof typeof MAC_TOOLS;

const DEFAULT_SYSTEM_ROOT = 'C:\\Windows';

/**
 * The absolute path of a Windows system tool. A bare name is unsafe there: Windows (and libuv's
 * `execFile`/`spawn`) look in the current directory before `PATH`, so a `reg.exe` or `tasklist.exe`
 * planted in the folder the app was started from would run instead (CWE-427). `SystemRoot` is read
 * case-insensitively (a copied environment loses Windows' case-insensitive lookup); a value that is
 * not a local drive path (a UNC share, a relative path, empty) gives the stock `C:\Windows`.
 */
export function windowsToolPath(tool: WindowsTool, env: Readonly<Record<string, string | undefined>>): string {
  return path.win32.join(systemRoot(env), 'System32', `${tool}.exe`);
}

/** The absolute path of a macOS tool: `/bin` and `/usr/bin` are on the sealed system volume, never searched in `PATH`. */
export function macToolPath(tool: MacTool): string {
  return MAC_TOOLS[tool];
}

function systemRoot(env: Readonly<Record<string, string | undefined>>): string {
  const value = envValue(env, 'SystemRoot') ?? envValue(env, 'windir');
  const root = value?.trim().replace(/[\\/]+$/, '');
  // Windows may live on another drive (`D:\Windows`): any absolute drive path is taken, normalised.
  return root && /^[A-Za-z]:[\\/][^\\/]/.test(root) ? path.win32.normalize(root) : DEFAULT_SYSTEM_ROOT;
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(env)) if (key.toLowerCase() === lower && value) return value;
  return undefined;
}

/**
 * The environment a child process is started with: `env`, its `PATH` keeping only absolute folders. POSIX
 * reads an empty element (`PATH=:/usr/bin`, a trailing `:`, `::`) and any relative one as the current
 * folder, so `flatpak` or `xdg-open` — tools with no fixed home across Linux distributions, run by name —
 * would run a file of that name planted where the app was started (CWE-427; issue 20 N12). Node looks a
 * command up in the `PATH` of the environment it is given.
 */
export function childProcessEnv(
  env: Readonly<Record<string, string | undefined>>,
  platform: NodeJS.Platform = process.platform,
): Record<string, string | undefined> {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const out: Record<string, string | undefined> = { ...env };
  for (const key of Object.keys(env)) {
    // Windows spells it `Path`; every spelling is cleaned.
    if (key.toUpperCase() !== 'PATH') continue;
    out[key] = (env[key] ?? '')
      .split(paths.delimiter)
      .filter((entry) => entry !== '' && paths.isAbsolute(entry))
      .join(paths.delimiter);
  }
  return out;
}
