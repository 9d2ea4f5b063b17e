import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/translator';
import { formatDuration } from '../../shared/i18n/formatters';
import { resolveLocale } from '../../shared/i18n/locales';

// Numbers, dates, lists and durations come out as each language writes them (Intl), and a message's own
// parameters never leak into the formats (docs/i18n.md "Messages, not sentences").
describe('formats in texts', () => {
  it('writes numbers, sizes, durations, lists and dates per language', async () => {
    const de = await createTranslator('de');
    de.i18n.addResourceBundle('de', 'common', {
      probe: '{{n, number}}|{{size, bytes}}|{{ms, duration}}|{{hosts, list}}|{{at, datetime(dateStyle: long)}}',
    });
    const at = Date.UTC(2026, 6, 15, 12);
    expect(
      de.text({ key: 'common:probe', params: { n: 12345.5, size: 3_456_789, ms: 1234, hosts: ['a', 'b', 'c'], at } }),
    ).toBe('12.345,5|3,3 MiB|1,2 Sek.|a, b und c|15. Juli 2026');
    const fr = await createTranslator('fr');
    expect(formatDuration(90 * 60_000, fr.locale).replace(/\s/g, ' ')).toBe('2 h');
  });

  it('ignores message parameters named like Intl options (second, style, locale)', async () => {
    const en = await createTranslator('en');
    en.i18n.addResourceBundle('en', 'common', { probe2: '{{at, datetime(dateStyle: medium)}} / {{n, number}}' });
    const at = Date.UTC(2026, 10, 24, 12);
    expect(
      en.text({ key: 'common:probe2', params: { at, n: 1500, second: 'x', style: 'currency', locale: 'de' } }),
    ).toBe('Nov 24, 2026 / 1,500');
  });

  it('drops a final stop where a sentence is used as a clause', async () => {
    const en = await createTranslator('en');
    en.i18n.addResourceBundle('en', 'common', { probe3: 'Skipped ({{reason, clause}}).' });
    expect(en.text({ key: 'common:probe3', params: { reason: 'Not signed in.' } })).toBe('Skipped (Not signed in).');
  });

  it('picks the nearest shipped language', () => {
    expect(resolveLocale(['es-MX'])).toBe('es');
    expect(resolveLocale(['pt-PT', 'en'])).toBe('pt-BR');
    expect(resolveLocale(['pt_BR'])).toBe('pt-BR');
    expect(resolveLocale(['ja-JP', 'fr-CA'])).toBe('fr');
    expect(resolveLocale(['ja-JP'])).toBe('en');
  });
});
