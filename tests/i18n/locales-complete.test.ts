import { describe, expect, it } from 'vitest';
import {
  LOCALES,
  NAMESPACES,
  isPluralForm,
  localeFileNames,
  pluralBase,
  pluralCategories,
  readLocale,
  variablesOf,
} from './locale-files';

// Every language says everything English says, with the same placeholders, in the plural forms its own
// grammar needs (CLDR via Intl.PluralRules) — docs/i18n.md. A missing, extra or empty text fails here.
const english = readLocale('en');

/** English's keys, with each plural group collapsed to its base. */
function groups(entries: Map<string, unknown>): Map<string, string[]> {
  const byBase = new Map<string, string[]>();
  for (const key of entries.keys()) {
    const base = isPluralForm(key) ? pluralBase(key) : key;
    byBase.set(base, [...(byBase.get(base) ?? []), key]);
  }
  return byBase;
}

describe('the locale files', () => {
  it('English has texts, and every namespace file exists in every language and no other', () => {
    expect(english.size).toBeGreaterThan(300);
    for (const locale of LOCALES)
      expect(localeFileNames(locale), locale).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    const texts = readLocale(locale);
    const englishGroups = groups(english);
    const localeGroups = groups(texts);

    it('has every English key and no key English lacks', () => {
      const missing = [...englishGroups.keys()].filter((base) => !localeGroups.has(base));
      const extra = [...localeGroups.keys()].filter((base) => !englishGroups.has(base));
      expect(missing, `missing in ${locale}`).toEqual([]);
      expect(extra, `not in English (${locale})`).toEqual([]);
    });

    it('has every plural form its grammar needs (and only those)', () => {
      const needed = pluralCategories(locale);
      const wrong: string[] = [];
      for (const [base, keys] of localeGroups) {
        if (!keys.some(isPluralForm)) continue;
        const forms = keys.map((k) => k.slice(base.length + 1)).sort();
        const unexpected = forms.filter((f) => !needed.includes(f) && f !== 'zero');
        const absent = needed.filter((f) => !forms.includes(f));
        if (unexpected.length || absent.length)
          wrong.push(`${base}: has ${forms.join('/')}, needs ${needed.join('/')}`);
      }
      expect(wrong).toEqual([]);
    });

    it('fills every text and keeps the placeholders and list lengths of the English one', () => {
      const wrong: string[] = [];
      for (const [key, value] of texts) {
        const base = isPluralForm(key) ? pluralBase(key) : key;
        const source = english.get(key) ?? english.get(`${base}_other`);
        if (source === undefined) continue;
        const empty = Array.isArray(value)
          ? value.length === 0 || value.some((v) => !String(v).trim())
          : !String(value).trim();
        if (empty) wrong.push(`${key}: empty`);
        if (Array.isArray(source) !== Array.isArray(value)) wrong.push(`${key}: list vs text`);
        else if (Array.isArray(source) && Array.isArray(value) && source.length !== value.length)
          wrong.push(`${key}: ${value.length} items, English has ${source.length}`);
        // A plural form may drop {{count}} ("one file" in words), never use a variable English does not give.
        const allowed = new Set(variablesOf(source).concat(isPluralForm(key) ? ['count'] : []));
        const used = variablesOf(value);
        const unknown = used.filter((v) => !allowed.has(v));
        const dropped = variablesOf(source).filter((v) => v !== 'count' && !used.includes(v));
        if (unknown.length) wrong.push(`${key}: unknown placeholder ${unknown.join(', ')}`);
        if (dropped.length) wrong.push(`${key}: drops placeholder ${dropped.join(', ')}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('never hedges a plural with "(s)": counts get their own plural forms or stand as "label: n"', () => {
    const hedged = LOCALES.flatMap((locale) =>
      [...readLocale(locale)]
        .filter(([, value]) => /\p{L}\((s|es|e|n|en)\)/u.test(JSON.stringify(value)))
        .map(([key]) => `${locale} ${key}`),
    );
    expect(hedged).toEqual([]);
  });

  it('English plural groups have the forms English needs', () => {
    const wrong = [...groups(english)]
      .filter(([, keys]) => keys.some(isPluralForm))
      .filter(([base, keys]) => !['one', 'other'].every((f) => keys.includes(`${base}_${f}`)))
      .map(([base]) => base);
    expect(wrong).toEqual([]);
  });
});
