import { describe, expect, it } from 'vitest';
import { ipcErrorText } from '../../renderer/src/lib/ipc-error-text';
import type { IpcError } from '../../shared/ipc';
import { IPC_ERROR_CODES, IPC_ERROR_REASONS, type IpcErrorReason } from '../../shared/ipc-error-reasons';
import { formatBytes } from '../../shared/format-bytes';
import { LOCALES } from '../../shared/i18n/locales';
import { createTranslator } from '../../shared/i18n/translator';
import { englishFragments } from '../i18n/english-fragments';

// Every IPC error the window can meet, said in each of its languages (docs/i18n.md "IPC errors"): a reason's own
// sentence, else its code's; never the service's English `message`.

const MESSAGE = 'the service said this in English for its log';
const LIMIT = 4096;

const withReason = (reason: IpcErrorReason): IpcError =>
  reason === 'bundleTooLarge'
    ? { code: 'NOT_ALLOWED', message: MESSAGE, reason, params: { maxBytes: LIMIT } }
    : { code: 'NOT_ALLOWED', message: MESSAGE, reason };

/** Every code without a reason, then every reason: each has a sentence of its own. */
const ERRORS: ReadonlyArray<readonly [string, IpcError]> = [
  ...IPC_ERROR_CODES.map((code) => [code, { code, message: MESSAGE }] as const),
  ...IPC_ERROR_REASONS.map((reason) => [reason, withReason(reason)] as const),
];

async function sayAll(locale: (typeof LOCALES)[number]): Promise<Map<string, string>> {
  const tr = await createTranslator(locale);
  return new Map(ERRORS.map(([name, error]) => [name, ipcErrorText(error, tr.t)]));
}

describe('ipcErrorText: any IPC error in the window’s language', () => {
  it.each(LOCALES)(
    '%s: one whole sentence per code and per reason, never the message, a code or a placeholder',
    async (locale) => {
      const said = await sayAll(locale);
      const texts = [...said.values()];
      expect(new Set(texts).size).toBe(ERRORS.length);
      for (const [name, text] of said) {
        expect(text, name).toMatch(/^\p{Lu}.*[.!?»“”"]$/u);
        expect(text, name).not.toContain(MESSAGE);
        expect(text, name).not.toMatch(/\{\{|\}\}|undefined|NaN/);
        for (const code of [...IPC_ERROR_CODES, ...IPC_ERROR_REASONS]) expect(text, name).not.toContain(code);
      }
      expect(said.get('bundleTooLarge')).toContain(formatBytes(LIMIT, locale));
    },
  );

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: no English sentence, nor any English part of one', async (locale) => {
    const english = await sayAll('en');
    const said = await sayAll(locale);
    const fragments = englishFragments(['wizard', 'common']);
    for (const [name, text] of said) {
      expect(text, name).not.toBe(english.get(name));
      expect(
        fragments.filter((fragment) => text.includes(fragment)),
        name,
      ).toEqual([]);
    }
  });

  it('says the reason over its code, and a reason missing its parameter as its code', async () => {
    const tr = await createTranslator('de');
    expect(ipcErrorText({ code: 'BUSY', message: MESSAGE, reason: 'cacheFixRunning' }, tr.t)).toBe(
      'Der Cache wird bereits verschoben oder wiederhergestellt. Warten Sie, bis das fertig ist.',
    );
    expect(ipcErrorText({ code: 'BUSY', message: MESSAGE }, tr.t)).toBe(
      'Die App ist damit noch beschäftigt. Warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut.',
    );
    expect(ipcErrorText({ code: 'NOT_ALLOWED', message: MESSAGE, reason: 'bundleTooLarge' }, tr.t)).toBe(
      'Die App erlaubt das nicht.',
    );
  });
});
