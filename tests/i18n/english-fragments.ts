import { ENGLISH_RESOURCES } from '../../shared/i18n/resources';

/**
 * The longest literal piece (between placeholders) of every English text of `namespaces`, when it is long enough
 * to tell a leftover apart from a word two languages share. A text in another language containing one of these
 * is English left behind (a literal in code, or a text said without the locale).
 */
export function englishFragments(namespaces: readonly string[]): string[] {
  const texts: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const namespace of namespaces) walk(ENGLISH_RESOURCES[namespace]);
  return texts
    .map(
      (text) =>
        text
          .split(/\{\{[^}]*\}\}|\$t\([^)]*\)/)
          .sort((a, b) => b.length - a.length)[0]
          ?.trim() ?? '',
    )
    .filter((fragment) => fragment.length >= 16 && !/^[#\s—-]*Stremio Trakt Doctor[\s—-]*$/.test(fragment));
}
