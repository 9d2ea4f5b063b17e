import { describe, expect, it } from 'vitest';
import { oauthProgressLine } from '../../electron/hosts/cli/oauth-progress-line';
import { bundleFailureText } from '../../electron/hosts/cli/bundle-failure-text';
import { createTranslator, englishTranslator } from '../../shared/i18n/translator';

describe("the CLI's own lines in its language", () => {
  it('says the sign-in test progress, with the end of a wait in UTC', async () => {
    const de = await createTranslator('de');
    expect(
      oauthProgressLine(
        { phase: 'waiting-for-device', mode: 'device', userCode: 'AB12', waitUntil: '2026-11-25T10:15:00Z' },
        de,
      ),
    ).toBe(
      'Trakt-Anmeldetest: Öffnen Sie die Aktivierungsseite von Trakt und geben Sie den Code AB12 ein (bis 10:15:00 UTC)…',
    );
    expect(oauthProgressLine({ phase: 'revoking', mode: 'loopback' }, de)).toBe(
      'Trakt-Anmeldetest: widerruft das Token des Assistenten…',
    );
    expect(oauthProgressLine({ phase: 'waiting-for-browser', mode: 'loopback' }, englishTranslator())).toBe(
      'Trakt sign-in test: waiting for the browser — sign in to Trakt and press "Yes"…',
    );
  });

  it('says why a bundle was not written by its code, keeping the system error code', async () => {
    const es = await createTranslator('es');
    expect(
      bundleFailureText(
        { ok: false, code: 'not-writable', message: 'cannot write /x/b.zip (EACCES): check …' },
        '/x/b.zip',
        es,
      ),
    ).toBe('no se puede escribir /x/b.zip (EACCES): compruebe que su carpeta existe y admite escritura');
    expect(bundleFailureText({ ok: false, code: 'exists', message: '…' }, '/x/b.zip', englishTranslator())).toBe(
      '/x/b.zip already exists; choose another name (nothing was overwritten)',
    );
  });
});
