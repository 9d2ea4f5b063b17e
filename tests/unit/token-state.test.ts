import { describe, expect, it } from 'vitest';
import { humanDuration, wholeDuration } from '../../electron/engine/checks/token/durations';
import { createTranslator } from '../../shared/i18n/translator';
import { EXPIRING_WITHIN_MS, traktTokenState } from '../../electron/engine/checks/token/trakt-token';
import { readStremioUser, traktExpiresAtMs } from '../../electron/engine/clients/stremio/account';

const NOW = Date.parse('2026-11-25T10:00:00Z');
const link = (expiresInMsFromNow: number) => ({
  accessToken: 't',
  createdAt: NOW / 1000 - 3600,
  expiresIn: 3600 + expiresInMsFromNow / 1000,
});

describe('Trakt link state by time (stremio-core Profile::has_trakt)', () => {
  it.each([
    [null, 'not-linked'],
    [link(-1000), 'expired'],
    [link(0), 'expired'],
    [link(1000), 'expiring'],
    [link(EXPIRING_WITHIN_MS), 'expiring'],
    [link(EXPIRING_WITHIN_MS + 1000), 'valid'],
  ] as const)('%o → %s', (value, state) => {
    expect(traktTokenState(value, NOW)).toBe(state);
  });

  it('expires at created_at + expires_in (seconds)', () => {
    expect(traktExpiresAtMs({ accessToken: 't', createdAt: 1_000, expiresIn: 86_400 })).toBe(87_400_000);
  });
});

describe('reading a Stremio user like stremio-core', () => {
  it('keeps a valid TraktInfo and drops a malformed one (DefaultOnError), saying so', () => {
    expect(
      readStremioUser({ _id: 'u1', email: 'a@b.c', trakt: { access_token: 'x', created_at: 1, expires_in: 2 } }),
    ).toMatchObject({ id: 'u1', trakt: { accessToken: 'x', createdAt: 1, expiresIn: 2 }, traktUnreadable: false });
    expect(readStremioUser({ _id: 'u1', trakt: { access_token: '', created_at: 1 } })).toMatchObject({
      trakt: null,
      traktUnreadable: true,
    });
    expect(readStremioUser({ _id: 'u1', trakt: null })).toMatchObject({ trakt: null, traktUnreadable: false });
    expect(readStremioUser({ email: 'no id' })).toBeNull();
    expect(readStremioUser('garbage')).toBeNull();
  });

  it.each([
    ['a fractional created_at', { access_token: 'x', created_at: 1_700_000_000.5, expires_in: 604_800 }],
    ['a fractional expires_in', { access_token: 'x', created_at: 1_700_000_000, expires_in: 1.5 }],
    ['an expiry past any date', { access_token: 'x', created_at: 1_700_000_000, expires_in: 9e15 }],
    ['a created_at past any date', { access_token: 'x', created_at: 9e12, expires_in: -9e12 + 1_700_000_000 }],
  ])(
    'treats %s as unreadable like stremio-core (whole seconds, a real date), never as a link whose dates throw',
    (_what, trakt) => {
      const user = readStremioUser({ _id: 'u1', trakt });
      expect(user).toMatchObject({ trakt: null, traktUnreadable: true });
    },
  );

  it('keeps the largest expiry a date can hold, and its date prints', () => {
    const user = readStremioUser({
      _id: 'u1',
      trakt: { access_token: 'x', created_at: 1_700_000_000, expires_in: 8.64e12 - 1_700_000_000 },
    });
    expect(user?.trakt).not.toBeNull();
    expect(new Date(traktExpiresAtMs(user!.trakt!)).toISOString()).toBe('+275760-09-13T00:00:00.000Z');
  });
});

describe('plain-language durations and dates', () => {
  it.each([
    [30_000, 'less than a minute'],
    [60_000, '1 minute'],
    [119 * 60_000, '119 minutes'],
    [5 * 3_600_000, '5 hours'],
    [47 * 3_600_000, '47 hours'],
    [3 * 86_400_000 + 5, '3 days'],
    [-3 * 86_400_000, '3 days'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it.each([
    [6 * 86_400_000 + 23 * 3_600_000, 6 * 86_400_000],
    [47 * 3_600_000 + 59 * 60_000, 47 * 3_600_000],
    [5 * 3_600_000 + 30 * 60_000, 5 * 3_600_000],
    [59 * 60_000 + 59_000, 59 * 60_000],
    [45_600, 45_000],
    [400, 400],
    [-(3 * 86_400_000 + 5), -3 * 86_400_000],
  ])('%i ms is shown as %i ms: whole units, never rounded up', (ms, whole) => {
    expect(wholeDuration(ms)).toBe(whole);
  });
});

describe('the Trakt link summaries in every language (Intl dates and durations)', () => {
  const AT = Date.UTC(2026, 11, 1, 10, 0);
  const day = (n: number) => n * 86_400_000;
  it.each([
    ['en', 'Dec 1, 2026', '6 days left', '3 days ago'],
    ['es', '1 dic 2026', 'quedan 6 días', 'hace 3 días'],
    ['pt-BR', '1 de dez. de 2026', 'restam 6 dias', 'há 3 dias'],
    ['fr', '1 déc. 2026', 'il reste 6 jours', 'il y a 3 jours'],
    ['de', '01.12.2026', 'noch 6 Tage', 'das ist 3 Tage her'],
  ] as const)('%s', async (locale, date, left, ago) => {
    const tr = await createTranslator(locale);
    // Intl puts no-break spaces between a number and its unit in some languages.
    const say = (key: string, params: Record<string, number>) => tr.text({ key, params }).replace(/\s/gu, ' ');
    const valid = say('checks-token:trakt-token.valid', { at: AT, left: day(6) });
    expect(valid).toContain(date);
    expect(valid).toContain(left);
    expect(say('checks-token:trakt-token.expired', { at: AT, ago: day(3) })).toContain(ago);
    const title = tr.t('checks-token:trakt-token.title');
    expect(title === 'Trakt link on the account').toBe(locale === 'en');
  });
});
