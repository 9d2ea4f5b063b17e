import type { StremioGeneration } from '../../../../shared/stremio-menus';
import type { StremioInstall } from '../../clients/stremio/install-types';
import { majorOf } from '../../clients/stremio/updater-version';

/**
 * Whose menus an install shows (docs/i18n.md "Names of other programs' menus"): Stremio 6 (a 6.x version, e.g.
 * 6.0.1-beta.04 of Stremio/stremio-bugs#2625) keeps Trakt under Settings → Integrations; Stremio 4 and 5 under
 * Settings → Trakt Scrobbling. The Flatpak numbers its own releases (stremio-linux-shell 1.x is Stremio 5), so its
 * version says nothing about the generation; an install without a readable version is 4 or 5 by its kind.
 */
export function installGeneration(install: Pick<StremioInstall, 'kind' | 'version'>): StremioGeneration {
  if (install.kind === 'flatpak' || install.kind === 'windows-shell-v4') return '4-5';
  const major = install.version ? majorOf(install.version) : null;
  return major !== null && major >= 6 ? '6' : '4-5';
}

/** The one generation every install found shares; none when nothing was found or installs of both are there. */
export function stremioGenerationOf(
  installs: readonly Pick<StremioInstall, 'kind' | 'version'>[],
): StremioGeneration | null {
  const found = new Set(installs.map(installGeneration));
  return found.size === 1 ? [...found][0]! : null;
}
