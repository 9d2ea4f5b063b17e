/** What stands in a text for a redacted value of `kind` (`[redacted home-path]`): one spelling for the engine and the window. */
export const redactionMarker = (kind: string): string => `[redacted ${kind}]`;

/**
 * A redacted path as a person reads it: the home folder as `~` (`~/.cache/Stremio`), which names no one and needs
 * no explanation; anything else unchanged. The window's own display only: reports keep the marker, which counts.
 */
export function homeRelative(path: string): string {
  const marker = redactionMarker('home-path');
  return path.startsWith(marker) ? `~${path.slice(marker.length)}` : path;
}
