import { describe, expect, it } from 'vitest';
import { cliLocale, langArgument } from '../../electron/hosts/cli/cli-locale';
import { matchLocale } from '../../shared/i18n/locales';
import { UsageError } from '../../electron/hosts/cli/args';

describe("the CLI's language (docs/i18n.md)", () => {
  it('reads --lang in both spellings, anywhere on the line', () => {
    expect(langArgument(['diagnose', '--lang', 'de'])).toBe('de');
    expect(langArgument(['--help', '--lang=fr'])).toBe('fr');
    expect(langArgument(['diagnose', '--json'])).toBeUndefined();
    expect(langArgument(['diagnose', '--lang'])).toBe('');
  });

  it('matches a shipped language exactly or by its language, else none', () => {
    expect(matchLocale('pt-BR')).toBe('pt-BR');
    expect(matchLocale('pt_br')).toBe('pt-BR');
    expect(matchLocale('pt')).toBe('pt-BR');
    expect(matchLocale('de-AT')).toBe('de');
    expect(matchLocale('EN')).toBe('en');
    expect(matchLocale('xx')).toBeNull();
    expect(matchLocale('')).toBeNull();
  });

  it('prefers --lang, then LC_ALL, LC_MESSAGES, LANG; an unknown language is not shipped → English', () => {
    const env = { LC_ALL: 'fr_CA.UTF-8', LC_MESSAGES: 'es_ES.UTF-8', LANG: 'de_DE.UTF-8' };
    expect(cliLocale(['diagnose', '--lang', 'pt-BR'], env)).toBe('pt-BR');
    expect(cliLocale(['diagnose'], env)).toBe('fr');
    expect(cliLocale(['diagnose'], { LC_MESSAGES: 'es_ES.UTF-8', LANG: 'de_DE.UTF-8' })).toBe('es');
    expect(cliLocale(['diagnose'], { LANG: 'pt_BR.UTF-8' })).toBe('pt-BR');
    expect(cliLocale(['diagnose'], { LANG: 'ja_JP.UTF-8' })).toBe('en');
  });

  it('an unknown or empty --lang is a usage error naming the shipped languages', () => {
    expect(() => cliLocale(['diagnose', '--lang', 'xx'], {})).toThrow(UsageError);
    const thrown = (() => {
      try {
        cliLocale(['diagnose', '--lang', 'klingon'], {});
        return null;
      } catch (error) {
        return error as UsageError;
      }
    })();
    expect(thrown?.text).toEqual({
      key: 'cli:error.unknownLang',
      params: { value: 'klingon', locales: 'en, es, pt-BR, fr, de' },
    });
    expect(() => cliLocale(['diagnose', '--lang='], {})).toThrow(UsageError);
  });
});
