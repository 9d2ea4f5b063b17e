import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../electron/engine/checks/registry';
import { PROBLEMS } from '../../shared/problems';
import { checkTitleKey } from '../../shared/i18n/check-keys';
import { problemKey } from '../../shared/i18n/report-text';
import { isPluralForm, pluralBase, readLocale } from './locale-files';
import { collectReferences } from './key-references';

// Every key the code names exists in English, and every English text is said somewhere — a key no
// code uses is dead weight the translators would keep paying for (docs/i18n.md).
const english = readLocale('en');
const refs = collectReferences();

/** The keys the code reaches by construction rather than by literal: check titles, the problem catalog, and
 * the plurals a text nests for its second count (`$t(ns:key, {"count": …})`, docs/i18n.md "Glossary"). */
function derivedKeys(): string[] {
  const keys = CHECKS.map((check) => checkTitleKey(check.id));
  for (const value of english.values())
    for (const match of JSON.stringify(value).matchAll(/\$t\(([\w-]+:[\w.-]+)/g)) keys.push(match[1]!);
  for (const code of Object.keys(PROBLEMS))
    for (const path of ['title', 'explanation', 'fix.title', 'fix.steps']) keys.push(problemKey(code, path));
  return keys;
}

/** True when English has `key`, as a text, a plural group or a context variant (`key_login`). */
function englishHas(key: string): boolean {
  if (english.has(key)) return true;
  return [...english.keys()].some((k) => k.startsWith(`${key}_`));
}

describe('locale keys and the code', () => {
  it('finds the references (the scan itself works)', () => {
    expect(refs.keys.size).toBeGreaterThan(50);
  });

  it('every key the code names exists in English', () => {
    const missing = [...refs.keys]
      .filter(([key]) => !englishHas(key))
      .map(([key, files]) => `${key} (${[...new Set(files)].join(', ')})`);
    const derivedMissing = derivedKeys().filter((key) => !englishHas(key));
    expect([...missing, ...derivedMissing]).toEqual([]);
  });

  it('every English text is used by the code', () => {
    const named = new Set([...refs.keys.keys(), ...derivedKeys()]);
    const used = (key: string) => {
      const candidates = [key, pluralBase(key)];
      // A context variant (`signedIn_login`) is used when its base is.
      for (const candidate of [...candidates]) candidates.push(candidate.replace(/_[A-Za-z0-9-]+$/, ''));
      if (candidates.some((c) => named.has(c))) return true;
      // A fix's optional action label is reached with its problem.
      if (/^problems:[A-Z0-9_]+\.fix\.action$/.test(key)) return true;
      return [...refs.prefixes].some((prefix) => key.startsWith(prefix));
    };
    const unused = [...english.keys()].filter((key) => !used(key) && !(isPluralForm(key) && used(pluralBase(key))));
    expect(unused).toEqual([]);
  });
});
