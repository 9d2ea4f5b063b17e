import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_NAMES, STEP_TITLES } from '../../shared/steps';
import { LOCALES, type Locale } from '../../shared/i18n/locales';
import { isPluralForm, readLocale, ROOT } from './locale-files';

// docs/i18n.md "Glossary" is the rule; this test reads its tables and holds every text of every namespace to
// them: step names, Stremio's menu words, the variants a language never uses, one quote and apostrophe style,
// a second count with its own plural, German fixes as Sie-imperatives.

const doc = readFileSync(path.join(ROOT, 'docs/i18n.md'), 'utf8');

/** The rows of the Markdown table whose header starts with `first` (cells trimmed, header and rule left out). */
function table(first: string): string[][] {
  const lines = doc.split('\n');
  const start = lines.findIndex((l) => l.split('|')[1]?.trim() === first);
  if (start < 0) throw new Error(`docs/i18n.md has no table starting with "${first}"`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

const GLOSSARY = table('Concept');
const STYLE = table('Language');
const COLUMNS: readonly Locale[] = ['en', 'es', 'pt-BR', 'fr', 'de'];

/** A glossary row's word in `locale`. */
function word(concept: string, locale: Locale): string {
  const row = GLOSSARY.find((r) => r[0] === concept);
  if (!row) throw new Error(`no glossary row "${concept}"`);
  return row[COLUMNS.indexOf(locale) + 1]!;
}

/** Every text of a language as [key, text] (a list's items one by one). */
function texts(locale: Locale): [string, string][] {
  return [...readLocale(locale)].flatMap(([key, value]): [string, string][] =>
    Array.isArray(value) ? value.map((v, i) => [`${key}[${i}]`, String(v)]) : [[key, String(value)]],
  );
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `phrase` as a whole word sequence (letters on neither side), case-insensitive. */
const wholePhrase = (phrase: string) => new RegExp(`(?<![\\p{L}])${escapeRe(phrase)}(?![\\p{L}])`, 'iu');

describe('docs/i18n.md "Glossary" in every namespace', () => {
  it('reads the tables (the glossary is where the test looks)', () => {
    expect(GLOSSARY.length).toBeGreaterThan(10);
    expect(STYLE.map((r) => r[0])).toEqual(COLUMNS);
  });

  it.each(LOCALES)('%s: step names are the glossary rows', (locale) => {
    const all = readLocale(locale);
    const wrong = STEP_NAMES.filter(
      (step) => all.get(`common:step.${step}`) !== word(`step: ${STEP_TITLES[step]}`, locale),
    );
    expect(wrong.map((step) => `${step}: ${String(all.get(`common:step.${step}`))}`)).toEqual([]);
  });

  // Where English names a step ("the Token step") or Stremio's menu, the language names it in its own words.
  const REQUIRED: readonly { concept: string; english: RegExp }[] = [
    ...STEP_NAMES.map((step) => ({
      concept: `step: ${STEP_TITLES[step]}`,
      english: new RegExp(`\\b${escapeRe(STEP_TITLES[step])} step\\b`),
    })),
    { concept: 'Stremio 4/5 menu: Trakt Scrobbling', english: /\bTrakt Scrobbling\b/ },
    // The button, not the verb a fix title starts with ("Authenticate again").
    { concept: 'Stremio 4/5 button: Authenticate', english: /(?<!^)\bAuthenticate\b/ },
    { concept: 'Stremio 4/5 button: Log out', english: /\bLog out\b/ },
  ];

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: names steps and Stremio menus in its glossary words', (locale) => {
    const english = new Map(texts('en'));
    const missing: string[] = [];
    for (const [key, text] of texts(locale)) {
      const source = english.get(key) ?? '';
      for (const { concept, english: pattern } of REQUIRED)
        if (pattern.test(source) && !text.includes(word(concept, locale)))
          missing.push(`${key}: "${word(concept, locale)}" (${concept}) — ${text}`);
    }
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s: never writes a variant the glossary rules out', (locale) => {
    const never = (STYLE.find((r) => r[0] === locale)?.[3] ?? '')
      .split(';')
      .map((p) => p.trim())
      .filter(Boolean);
    const found = texts(locale).flatMap(([key, text]) =>
      never.filter((phrase) => wholePhrase(phrase).test(text)).map((phrase) => `${key}: "${phrase}" — ${text}`),
    );
    expect(found).toEqual([]);
  });

  it.each(LOCALES)('%s: every "skipped" sentence starts with the engine\'s own prefix', (locale) => {
    const all = readLocale(locale);
    const prefix = String(all.get('engine:outcome.skipped')).split('{{why}}')[0]!;
    const skipped = word('skipped (a check; the sentence prefix)', locale);
    expect(prefix.startsWith(skipped)).toBe(true);
    // The word's stem ("Ignorad", "Omitid") before a colon opens a skip sentence; it must be the prefix exactly.
    const opener = new RegExp(`^${escapeRe(skipped.slice(0, -1))}\\p{L}{0,2}\\s*:`, 'iu');
    const wrong = texts(locale)
      .filter(([, text]) => opener.test(text) && !text.startsWith(prefix))
      .map(([key, text]) => `${key}: ${text}`);
    expect(wrong).toEqual([]);
  });

  const QUOTE_MARKS = ['"', "'", '’', '‘', '“', '”', '«', '»', '„', '‚'];
  /** A language's quotations (their content keeps its own punctuation), placeholders, nestings and code spans. */
  const QUOTED: Readonly<Record<Locale, RegExp>> = {
    en: /"[^"]*"/g,
    es: /«[^»]*»/g,
    'pt-BR': /“[^”]*”/g,
    fr: /«[^»]*»/g,
    de: /„[^“]*“/g,
  };

  it.each(LOCALES)('%s: one quote and apostrophe style', (locale) => {
    const row = STYLE.find((r) => r[0] === locale)!;
    const allowed = new Set([...row[1]!.replace('…', '').replace(/\s/g, ''), ...row[2]!.replace('(none)', '')]);
    const wrong = texts(locale).flatMap(([key, text]) => {
      const bare = text
        .replace(/\$t\([^)]*\)/g, '')
        .replace(/\{\{[^}]*\}\}/g, '')
        .replace(/`[^`]*`/g, '')
        .replace(QUOTED[locale], '');
      const marks = [...new Set([...bare].filter((c) => QUOTE_MARKS.includes(c) && !allowed.has(c)))];
      return marks.length > 0 ? [`${key}: ${marks.join(' ')} — ${text}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  /** Words after a number that never agree with it (prepositions, conjunctions; French verbs agree with the subject). */
  const NOT_COUNTED: Readonly<Record<Locale, readonly string[]>> = {
    en: ['of', 'on', 'in', 'and', 'or'],
    es: ['de', 'en', 'y', 'o'],
    'pt-BR': ['de', 'no', 'em', 'e', 'ou'],
    fr: ['sur', 'dans', 'et', 'ou', 'a', 'ont'],
    de: ['von', 'auf', 'in', 'und', 'oder'],
  };
  /** Placeholders that hold text, not a number (`{{size}}` is a formatted size; `{{recorded}}` a nested count message). */
  const TEXT_PLACEHOLDERS = new Set(['size', 'recorded']);

  it.each(LOCALES)('%s: a second count in a plural sentence has its own plural (a nested message)', (locale) => {
    const placeholder = /\{\{\s*(\w+)\s*(?:,\s*([a-z]+)[^}]*)?\}\}\s+(\p{L}+)/gu;
    const wrong = texts(locale).flatMap(([key, text]) => {
      if (!isPluralForm(key.replace(/\[\d+\]$/, ''))) return [];
      return [...text.matchAll(placeholder)]
        .filter(([, name, format, next]) => {
          if (name === 'count' || TEXT_PLACEHOLDERS.has(name!)) return false;
          if (format !== undefined && format !== 'number') return false;
          return !NOT_COUNTED[locale].includes(next!.toLowerCase());
        })
        .map(([match]) => `${key}: "${match}" — ${text}`);
    });
    expect(wrong).toEqual([]);
  });

  /** German finite auxiliaries and modals: a clause holding one is a statement, not an infinitive instruction. */
  const FINITE = /\b(?:ist|sind|war|wird|werden|wurde|wurden|hat|haben|kann|können|muss|müssen|soll|sollte|darf)\b/;

  it('de: fix titles and steps are Sie-imperatives, never infinitives', () => {
    const infinitive = /(?:^|\s)[a-zäöüß]+(?:en|ern|eln)$/u;
    const wrong = texts('de')
      .filter(([key]) => /^problems:[A-Z0-9_]+\.fix\.(title|steps)/.test(key))
      .flatMap(([key, text]) =>
        text
          .replace(/„[^“]*“/g, '„…“')
          .replace(/\([^)]*\)/g, '')
          .split(/[.:;!?](?:\s+|$)/)
          .map((clause) => clause.trim())
          // A clause with its own finite verb ("… kann sie erneuern", "… wurde … gefunden") is a statement.
          .filter((clause) => clause !== '' && !/\bSie\b/.test(clause) && !FINITE.test(clause))
          .filter((clause) => infinitive.test(clause))
          .map((clause) => `${key}: "${clause}" — ${text}`),
      );
    expect(wrong).toEqual([]);
  });
});
