/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretRegistry } from '../../electron/engine/core/secrets';
import type { CompletedCheck } from '../../electron/engine/runtime/check';
import { buildFindings } from '../../electron/engine/runtime/findings';
import { englishTranslator } from '../../shared/i18n/translator';
import type { StremioGeneration } from '../../shared/stremio-menus';
import { checkResult, report } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

// The window shows the fix steps of the Stremio the Version step found, from the finding alone (its stremioMenus),
// and says them again in the language chosen — no window code knows which menus a Stremio has.

/** The findings an English run builds for an expired Trakt link, with `generation` found by the Version step. */
function expiredLinkFindings(generation?: StremioGeneration) {
  const result = checkResult('token.trakt-token', { verdict: 'fail', problems: ['TRAKT_TOKEN_EXPIRED'] });
  const completed: CompletedCheck = {
    result,
    data: undefined,
    observations: [{ code: 'TRAKT_TOKEN_EXPIRED', evidence: 'token.trakt-token: user.trakt expired 7 days ago' }],
  };
  return buildFindings(
    [completed],
    new SecretRegistry(),
    englishTranslator(),
    generation ? { stremioMenus: generation } : {},
  );
}

/** Renders the Summary of a finished run with those findings; returns the text of the finding's fix steps. */
async function summaryWith(generation?: StremioGeneration) {
  const { fake, store } = renderWizard({ page: 'token' });
  const run = await fake.nextRun();
  const findings = expiredLinkFindings(generation);
  act(() => run.finish(report(['token'], [checkResult('token.trakt-token', { verdict: 'fail' })], findings)));
  act(() => store.getState().goTo('summary'));
  const steps = () =>
    [...document.querySelectorAll('[data-finding="TRAKT_TOKEN_EXPIRED"] .fix-steps .fix-step-text')].map(
      (step) => step.textContent,
    );
  await waitFor(() => expect(steps().length).toBeGreaterThan(0));
  return steps;
}

const switchTo = async (locale: string) => {
  fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: locale } });
  await waitFor(() => expect(document.documentElement.lang).toBe(locale));
};

describe("fix steps name the user's Stremio, in the window's language", () => {
  it('Stremio 5: Settings → Trakt Scrobbling in English, Stremio’s own German words after switching', async () => {
    const steps = await summaryWith('4-5');
    expect(steps()[0]).toBe(
      'In Stremio, log out of Trakt and link it again: Settings → Trakt Scrobbling → Log out, then Authenticate. If your Stremio account has several profiles, do this on the main profile: only it can link Trakt.',
    );
    await switchTo('de');
    expect(steps()[0]).toBe(
      'Melden Sie Trakt in Stremio ab und verknüpfen Sie es neu: Einstellungen → Trakt Scrobbling → Abmelden, dann Authentifizieren. Hat Ihr Stremio-Konto mehrere Profile, tun Sie das im Hauptprofil: Nur dieses kann Trakt verknüpfen.',
    );
    expect(steps().join(' ')).not.toContain('Integrationen');
  });

  it('Stremio 6: Settings → Integrations → Trakt in English, then in French; never the Stremio 5 menu', async () => {
    const steps = await summaryWith('6');
    expect(steps()[0]).toContain('link it again: Settings → Integrations → Trakt.');
    expect(steps().join(' ')).not.toContain('Trakt Scrobbling');
    await switchTo('fr');
    expect(steps()[0]).toBe(
      'Dans Stremio, déconnectez Trakt et liez-le à nouveau : Réglages → Intégrations → Trakt. Si votre compte Stremio a plusieurs profils, faites-le sur le profil principal : lui seul peut lier Trakt.',
    );
    expect(steps().join(' ')).not.toContain('Scrobbling Trakt');
  });

  it('no Stremio found: both menus, each with its version, in both languages', async () => {
    const steps = await summaryWith();
    expect(steps()[0]).toContain(
      'Settings → Trakt Scrobbling → Log out, then Authenticate in Stremio 4 and 5; Settings → Integrations → Trakt in Stremio 6',
    );
    await switchTo('es');
    expect(steps()[0]).toContain(
      'Configuración → Seguimiento con Trakt → Cerrar sesión y luego Autenticar en Stremio 4 y 5; Configuración → Integraciones → Trakt en Stremio 6',
    );
  });
});
