import path from 'node:path';

/**
 * `target` with the first of `homes` it lies in shown as `~` (docs/architecture.md "Privacy": the home folder names
 * the user). Only a whole folder matches: `/home/al` is not the home of `/home/alice/…`.
 */
export function homeShown(target: string, homes: readonly (string | undefined)[]): string {
  for (const home of homes) {
    if (!home) continue;
    const base = home.replace(/[\\/]+$/, '');
    if (target === base || target === home) return '~';
    // Either separator: a Windows home read from a profile, whatever this process's own path.sep.
    if (target.startsWith(base) && /^[\\/]/.test(target.slice(base.length)))
      return `~${path.sep}${target.slice(base.length).replace(/^[\\/]+/, '')}`;
  }
  return target;
}
