import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../shared/i18n/locales';
import { createTranslator, newI18nInstance, i18nextOptions, translatorOf } from '../../shared/i18n/translator';
import { ENGLISH_RESOURCES } from '../../shared/i18n/resources';
import { readLocale } from './locale-files';

// The translator keeps what it said without parameters per language (shared/i18n/translator.ts): it must say exactly
// what i18next's `t` says, for every key of every language (fallbacks to English, empty texts, texts with
// placeholders or nesting, lists included), and say again once texts are added.
describe('texts said without parameters', () => {
  it.each(LOCALES)('%s: every key says what i18next says', async (locale) => {
    const tr = await createTranslator(locale);
    const keys = [...readLocale('en').keys(), ...readLocale(locale).keys()];
    const differing = keys.filter((key) => tr.t(key as never) !== String(tr.i18n.t(key, {})));
    expect(differing).toEqual([]);
    // Said a second time (from what it kept), still the same.
    expect(keys.filter((key) => tr.t(key as never) !== String(tr.i18n.t(key, {})))).toEqual([]);
  });

  it('falls back to English for a missing or empty text, and says again once texts are added', () => {
    const i18n = newI18nInstance();
    void i18n.init({
      ...i18nextOptions('de'),
      resources: { en: ENGLISH_RESOURCES, de: { wizard: { nav: { back: '' } } } },
    });
    const tr = translatorOf(i18n);
    expect(tr.t('wizard:nav.back')).toBe(String(i18n.t('wizard:nav.back', { lng: 'en' })));
    expect(tr.t('wizard:nav.next', { page: 'X' })).toContain('X');
    i18n.addResourceBundle('de', 'wizard', { nav: { back: 'Zurück' } }, true, true);
    expect(tr.t('wizard:nav.back')).toBe('Zurück');
  });
});
