import type { Translator } from './i18n/translator';

/**
 * Which Stremio's menus a fix names (docs/i18n.md "Names of other programs' menus"): Stremio 4 and 5 keep Trakt
 * under Settings → Trakt Scrobbling (Authenticate / Log out); Stremio 6 moved it to Settings → Integrations → Trakt
 * (Stremio/stremio-bugs#2625, 6.0.1-beta.04). A report without one names both.
 */
export const STREMIO_GENERATIONS = ['4-5', '6'] as const;
/** The Stremio whose menus a fix names. */
export type StremioGeneration = (typeof STREMIO_GENERATIONS)[number];

/** The phrases a catalog text may name as `{{…}}`, each said per generation (`common:stremioMenu.<name>_v45|_v6`). */
const MENU_PHRASES = ['authenticate', 'logOut', 'relink', 'mainProfile'] as const;

/** The i18next context of a generation's phrases; none says both. */
const CONTEXT: Readonly<Record<StremioGeneration, string>> = { '4-5': 'v45', '6': 'v6' };

/**
 * Stremio's menu phrases in `tr`'s language for `generation` (both generations when none was found), as the
 * interpolation parameters of the catalog's texts: `{{authenticate}}`, `{{logOut}}`, `{{relink}}`, `{{mainProfile}}`.
 */
export function stremioMenuParams(
  tr: Translator,
  generation?: StremioGeneration,
): Readonly<Record<(typeof MENU_PHRASES)[number], string>> {
  const context = generation ? CONTEXT[generation] : undefined;
  return Object.fromEntries(
    MENU_PHRASES.map((name) => [name, String(tr.i18n.t(`common:stremioMenu.${name}`, context ? { context } : {}))]),
  ) as Record<(typeof MENU_PHRASES)[number], string>;
}

/** True when a catalog text names Stremio's menus (it then depends on the generation found). */
export function namesStremioMenus(text: string): boolean {
  return MENU_PHRASES.some((name) => text.includes(`{{${name}}}`));
}
