/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createWindowI18n, englishWindowI18n, initialLocale } from '../../renderer/src/i18n/window-i18n';
import { translatorOf } from '../../shared/i18n/translator';
import { checkResult, createFakeDoctor, report } from './fake-doctor';
import {
  clickCacheFix,
  exposed,
  MOVE_WITH_EVERY_OUTCOME,
  REFUSALS,
  RESTORE_WITH_EVERY_OUTCOME,
  SAFE_CACHES,
  CACHE_BACKUP,
  ANSWER_CODES,
} from './cache-fix-answers';
import type { AppInfo, CacheFixResult, LocalProfile } from '../../shared/ipc';
import {
  BUNDLE_NOT_SAVED_REASONS,
  PROFILE_UNREADABLE_REASONS,
  SECRET_STORAGE_REASONS,
  type SecretStorageReason,
} from '../../shared/answer-reasons';
import { renderWizard } from './render-wizard';
import { STEP_NAMES } from '../../shared/steps';
import { PROBLEMS } from '../../shared/problems';
import type { Finding } from '../../shared/report';
import { englishFragments } from '../i18n/english-fragments';
import { LOCALES } from '../../shared/i18n/locales';
import { NAMESPACES } from '../../shared/i18n/resources';
import { isMessage, type Message } from '../../shared/i18n/message';
import type { Report } from '../../shared/report';
import type { ScrobblingView } from '../../shared/check-details/scrobbling';
import REPORTS from '../fixtures/window/reports.json';

afterEach(cleanup);

// The checks' own texts come from checks-<step>.json; these stand in for them so the test does not depend
// on which checks are translated yet (docs/i18n.md "Messages, not sentences").
const TEXTS = {
  en: {
    'stremio-installs': {
      title: 'Stremio installs',
      found_one: 'One install found.',
      found_other: '{{count}} installs found.',
    },
  },
  de: {
    'stremio-installs': {
      title: 'Stremio-Installationen',
      found_one: 'Eine Installation gefunden.',
      found_other: '{{count}} Installationen gefunden.',
    },
  },
};

function withCheckTexts() {
  const i18n = englishWindowI18n();
  i18n.addResourceBundle('en', 'checks-version', TEXTS.en, true, true);
  i18n.addResourceBundle('de', 'checks-version', TEXTS.de, true, true);
  return i18n;
}

const installs = checkResult('version.stremio-installs', {
  title: 'Stremio installs',
  summary: '2 installs found.',
  message: { key: 'checks-version:stremio-installs.found', params: { count: 2 } },
});

describe('the window in five languages', () => {
  it('leaves no English on any page in German (Welcome, every step, the Summary with a finding)', async () => {
    const { fake, store } = renderWizard({ i18n: await createWindowI18n('de') });
    const english = englishFragments(['wizard', 'common', 'problems']);
    expect(english.length).toBeGreaterThan(100);
    const shown = () =>
      [
        document.body.textContent ?? '',
        ...[...document.querySelectorAll('[aria-label],[title],[placeholder]')].map((el) =>
          ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
        ),
      ].join(' ');
    const seen: string[] = [shown()];
    act(() => store.getState().goTo('version'));
    const run = await fake.nextRun();
    // The report's own texts are English (an English run); the window says them again from the catalog.
    const portal: Finding = {
      problem: 'CAPTIVE_PORTAL',
      title: PROBLEMS.CAPTIVE_PORTAL.title,
      explanation: PROBLEMS.CAPTIVE_PORTAL.explanation,
      severity: 'critical',
      confidence: 0.9,
      evidence: ['connectivity.captive-portal: GET → 302'],
      checks: ['connectivity.captive-portal'],
      fix: { ...PROBLEMS.CAPTIVE_PORTAL.fix, action: { kind: 'rerun-step', step: 'connectivity' } },
    };
    act(() => run.finish(report([...STEP_NAMES], [], [portal])));
    for (const page of [...STEP_NAMES, 'summary'] as const) {
      act(() => store.getState().goTo(page));
      await waitFor(() => expect(document.querySelector('#page-title')).not.toBeNull());
      seen.push(shown());
    }
    const text = seen.join(' ');
    expect(english.filter((fragment) => text.includes(fragment))).toEqual([]);
  });

  it('switches to German mid-wizard: results stay, texts (check rows too) are said again from their keys', async () => {
    const { fake, store } = renderWizard({ page: 'version', i18n: withCheckTexts() });
    const run = await fake.nextRun();
    act(() => run.finish(report(['version'], [installs])));
    fireEvent.click(await screen.findByRole('button', { name: 'Technical details' }));
    const row = await waitFor(() =>
      document.querySelector<HTMLElement>('.check-row[data-check="version.stremio-installs"]')!,
    );
    expect(row.textContent).toContain('Stremio installs');
    expect(row.textContent).toContain('2 installs found.');

    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'de' } });
    await waitFor(() => expect(document.documentElement.lang).toBe('de'));
    const german = document.querySelector<HTMLElement>('.check-row[data-check="version.stremio-installs"]')!;
    expect(german.textContent).toContain('Stremio-Installationen');
    expect(german.textContent).toContain('2 Installationen gefunden.');
    expect(within(german).getByText('OK')).toBeInstanceOf(HTMLElement);
    // The page's one outcome is the passing check's own sentence, said again in German.
    expect(screen.getByTestId('run-status-text').textContent).toBe('2 Installationen gefunden.');
    expect(screen.getByRole('button', { name: /^Weiter: Cache/ })).toBeInstanceOf(HTMLElement);
    expect(screen.getByRole('combobox', { name: 'Sprache' })).toBeInstanceOf(HTMLElement);
    // Nothing ran again: the same report, one run; the choice is saved.
    expect(fake.runs).toHaveLength(1);
    expect(store.getState().steps.version.report?.checks[0]).toBe(installs);
    expect(fake.calls).toContainEqual({ channel: 'settings:set-preferences', request: { locale: 'de' } });
  });

  it('starts in the saved language, else the nearest one to navigator.languages', async () => {
    expect(initialLocale(undefined, ['de-AT', 'en-US'])).toBe('de');
    expect(initialLocale(undefined, ['pt-PT'])).toBe('pt-BR');
    expect(initialLocale(undefined, ['ja'])).toBe('en');
    expect(initialLocale('fr', ['de-DE'])).toBe('fr');
    expect(initialLocale('xx', ['es-MX'])).toBe('es');

    renderWizard({ i18n: await createWindowI18n(initialLocale(undefined, ['es-MX'])) });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Averigüemos por qué Trakt no se conecta');
    expect(screen.getByRole('button', { name: /Empezar las comprobaciones/ })).toBeInstanceOf(HTMLElement);
    expect((screen.getByRole('combobox', { name: 'Idioma' }) as HTMLSelectElement).value).toBe('es');
    await waitFor(() => expect(document.documentElement.lang).toBe('es'));
  });

  it('keeps the other languages out of the start: only English is loaded until one is chosen', () => {
    const i18n = englishWindowI18n();
    expect(i18n.hasResourceBundle('en', 'wizard')).toBe(true);
    expect(i18n.hasResourceBundle('de', 'wizard')).toBe(false);
  });
});

describe('theme', () => {
  it('follows the system until chosen; the choice sets <html data-theme> and is saved', async () => {
    const { fake } = renderWizard();
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('system'));
    const menu = screen.getByRole('combobox', { name: 'Theme' }) as HTMLSelectElement;
    expect([...menu.options].map((o) => o.textContent)).toEqual(['System', 'Light', 'Dark']);
    fireEvent.change(menu, { target: { value: 'light' } });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    expect(fake.calls).toContainEqual({ channel: 'settings:set-preferences', request: { theme: 'light' } });
  });

  it('starts with the saved theme', async () => {
    renderWizard({ theme: 'dark' });
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
  });
});

describe('the live region', () => {
  it('is the one status region: it announces a finished check and the finished step, batching bursts', async () => {
    const { fake } = renderWizard({ page: 'connectivity', announceDelayMs: 20 });
    const run = await fake.nextRun();
    expect(screen.getAllByRole('status')).toHaveLength(1);
    const region = screen.getByRole('status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    act(() => run.started('connectivity.dns', 'DNS'));
    act(() => run.finished(checkResult('connectivity.dns', { title: 'DNS' })));
    await waitFor(() => expect(region.textContent).toBe('DNS — Pass.'));

    const many = ['a', 'b', 'c', 'd'].map((n) => checkResult(`connectivity.${n}`, { title: n.toUpperCase() }));
    act(() => {
      for (const result of many) run.finished(result);
    });
    await waitFor(() => expect(region.textContent).toBe('4 checks finished.'));
    act(() => run.finish(report(['connectivity'], [checkResult('connectivity.dns', { title: 'DNS' }), ...many])));
    // Every step ran ahead in this one run: their ends are one announcement, not six.
    await waitFor(() => expect(region.textContent).toBe('6 steps done.'));
  });
});

/** The engine's own reports (tests/fixtures/window): every page has its real texts to say. */
const WORLDS = REPORTS as unknown as Readonly<Record<'anonymous' | 'scrobblesStopped', Report>>;
const VIEW: ScrobblingView = {
  since: '2026-11-24T12:00:00.000Z',
  finished: 5,
  matched: 2,
  lastOnTrakt: '2026-11-26T02:48:00.000Z',
  stremio: [{ title: 'Some title', watchedAt: '2026-11-29T12:00:00.000Z', onTrakt: false }],
  trakt: [{ title: 'Some title', watchedAt: '2026-11-26T02:48:00.000Z' }],
};

/** Every message of a report, nested ones too. */
function messagesOf(report: Report): Message[] {
  const out: Message[] = [];
  const walk = (value: unknown) => {
    if (!isMessage(value)) return;
    out.push(value);
    for (const param of Object.values(value.params ?? {})) walk(param);
  };
  for (const check of report.checks) walk(check.message);
  return out;
}

/** The page's text outside "Technical details" (where English support text may stay), attributes included. */
function textOutsideTechnical(): string {
  const main = document.querySelector('.app')!.cloneNode(true) as HTMLElement;
  for (const technical of main.querySelectorAll('[data-technical]')) technical.remove();
  const attributes = [...main.querySelectorAll('[aria-label],[title],[placeholder]')].map((el) =>
    ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? '').join(' '),
  );
  return [main.textContent ?? '', ...attributes].join(' ');
}

/** The element `find` returns, once it is on the page. */
function shown<E extends Element>(find: () => E | null): Promise<E> {
  return waitFor(() => {
    const element = find();
    if (!element) throw new Error('not shown yet');
    return element;
  });
}

/** Opens every closed disclosure outside "Technical details" (folded checks, the titles, the ways in). */
function openEveryFold(): void {
  for (let round = 0; round < 3; round++)
    for (const toggle of document.querySelectorAll<HTMLButtonElement>('.disclosure-toggle[aria-expanded="false"]'))
      if (!toggle.closest('[data-technical]')) fireEvent.click(toggle);
}

describe('no English outside "Technical details", on any page, in any language', () => {
  it('the fixture reports still use keys that exist', () => {
    const i18n = englishWindowI18n();
    const missing = Object.values(WORLDS)
      .flatMap(messagesOf)
      .filter(
        (m) =>
          !i18n.exists(m.key, {
            ...(typeof m.params?.count === 'number' ? { count: m.params.count } : {}),
            ...(typeof m.params?.context === 'string' ? { context: m.params.context } : {}),
          }),
      )
      .map((m) => m.key);
    expect(missing).toEqual([]);
  });

  const english = englishFragments(NAMESPACES.filter((ns) => ns !== 'cli' && ns !== 'report'));
  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    it.each(Object.keys(WORLDS) as (keyof typeof WORLDS)[])(
      'every page after a real run (%s)',
      async (world) => {
        const { fake, store } = renderWizard({ i18n: await createWindowI18n(locale) });
        const seen = [textOutsideTechnical()];
        act(() => store.getState().goTo('version'));
        const run = await fake.nextRun();
        const report = WORLDS[world];
        const comparison = report.checks.find((c) => c.id === 'scrobbling.comparison')!;
        act(() =>
          fake.emit({ type: 'check-finished', runId: run.request.runId, result: comparison, windowOnly: VIEW }),
        );
        act(() => run.finish(report));
        for (const page of [...STEP_NAMES, 'summary'] as const) {
          act(() => store.getState().goTo(page));
          await waitFor(() =>
            expect(document.querySelector(`[aria-current="step"][data-page="${page}"]`)).not.toBeNull(),
          );
          if (page === 'summary') await screen.findByTestId('untested', {}, { timeout: 10_000 });
          openEveryFold();
          seen.push(textOutsideTechnical());
        }
        const text = seen.join(' ');
        expect(english.filter((fragment) => text.includes(fragment))).toEqual([]);
      },
      20_000,
    );

    it('the Cache step after its fix: every outcome, reason and refusal of a move and a restore', async () => {
      // The Cache step's own report says which caches are safe to move: the fix's box shows them.
      const world: Report = {
        ...WORLDS.anonymous,
        checks: WORLDS.anonymous.checks.map((c) =>
          c.id === 'cache.locations' ? { ...c, details: { ...c.details, safeToClear: SAFE_CACHES } } : c,
        ),
      };
      const answers: CacheFixResult[] = [MOVE_WITH_EVERY_OUTCOME, RESTORE_WITH_EVERY_OUTCOME, ...REFUSALS];
      const next = async () => ({ ok: true as const, value: answers.shift()! });
      const fake = exposed(
        createFakeDoctor({
          'cache:list-backups': async () => ({ ok: true, value: { backups: [CACHE_BACKUP] } }),
          'cache:move-to-backup': next,
          'cache:restore': next,
        }),
      );
      const { store } = renderWizard({ fake, i18n: await createWindowI18n(locale) });
      act(() => store.getState().goTo('cache'));
      const run = await fake.nextRun();
      act(() => run.finish(world));
      await screen.findByTestId('cache-backup-items');
      const seen = [textOutsideTechnical()];
      const again = (rerun: { finish: (report: Report) => void }) => rerun.finish(world);
      const outcomes: string[] = [];
      for (const action of ['move', 'restore', ...REFUSALS.map(() => 'move' as const)] as const) {
        const outcome = await clickCacheFix(fake, action, again);
        outcomes.push(outcome.textContent ?? '');
        seen.push(textOutsideTechnical());
      }
      expect(answers).toEqual([]);
      const text = seen.join(' ');
      expect(english.filter((fragment) => text.includes(fragment))).toEqual([]);
      // Words too short to be fragments: the answer's raw outcome words and codes never show.
      const said = outcomes.join(' ');
      expect(said).not.toMatch(/\b(moved|restored|absent|refused|failed|undefined)\b/);
      expect(ANSWER_CODES.filter((code) => said.includes(code))).toEqual([]);
    }, 20_000);

    it('every failing IPC answer: the cache fix, a fix link, the bundle and a run say their reason, never the service’s English', async () => {
      // What the service says in English (for its log and support), as it sends it: none of it may show.
      const serviceSaid = {
        cache: 'a cache move or restore is already in progress',
        open: 'www.stremio.com/downloads is not an address the wizard opens',
        bundle: 'no step has finished yet: run a step before exporting a bundle',
        run: 'a diagnosis is already running',
      };
      const world: Report = {
        ...WORLDS.anonymous,
        checks: WORLDS.anonymous.checks.map((c) =>
          c.id === 'cache.locations' ? { ...c, details: { ...c.details, safeToClear: SAFE_CACHES } } : c,
        ),
      };
      const fake = exposed(
        createFakeDoctor({
          'cache:move-to-backup': async () => ({
            ok: false,
            error: { code: 'BUSY', message: serviceSaid.cache, reason: 'cacheFixRunning' },
          }),
          'fix:open-url': async () => ({ ok: true, value: { opened: false, reason: serviceSaid.open } }),
          'bundle:preview': async () => ({
            ok: false,
            error: { code: 'NOT_FOUND', message: serviceSaid.bundle, reason: 'noFinishedStep' },
          }),
        }),
      );
      const i18n = await createWindowI18n(locale);
      const { t } = translatorOf(i18n);
      const { store } = renderWizard({ fake, i18n });
      act(() => store.getState().goTo('cache'));
      const first = await fake.nextRun();
      act(() => first.finish(world));
      const seen: string[] = [];

      const panel = await screen.findByTestId('cache-backup', {}, { timeout: 10_000 });
      fireEvent.click(within(panel).getByTestId('cache-backup-move'));
      fireEvent.click(within(within(panel).getByTestId('cache-backup-confirm')).getAllByRole('button')[0]!);
      expect((await within(panel).findByRole('alert')).textContent).toBe(
        t('wizard:cache.callFailed', { error: t('wizard:ipcError.reason.cacheFixRunning') }),
      );
      seen.push(textOutsideTechnical());

      act(() => store.getState().goTo('version'));
      const link = await shown(() => document.querySelector<HTMLButtonElement>('button[data-action="open-url"]'));
      fireEvent.click(link);
      const refused = await shown(() => link.parentElement!.querySelector('.fix-feedback.refused'));
      expect(refused.textContent).toBe(
        t('wizard:fix.notOpened', { reason: t('wizard:ipcError.reason.urlNotAllowed') }),
      );
      seen.push(textOutsideTechnical());

      act(() => store.getState().goTo('summary'));
      fireEvent.click(await screen.findByTestId('bundle-export-button', {}, { timeout: 10_000 }));
      const bundle = await shown(() => screen.getByTestId('bundle-export').querySelector('[role="alert"]'));
      expect(bundle.textContent).toBe(t('wizard:bundle.failed', { error: t('wizard:ipcError.reason.noFinishedStep') }));
      seen.push(textOutsideTechnical());

      act(() => store.getState().goTo('version'));
      act(() => void store.getState().rerunStep('version'));
      const again = await fake.nextRun();
      act(() => again.fail({ code: 'BUSY', message: serviceSaid.run, reason: 'diagnosisRunning' }));
      await waitFor(() =>
        expect(screen.getByTestId('run-status-text').textContent).toBe(
          t('wizard:run.failed', {
            step: t('common:step.version'),
            error: t('wizard:ipcError.reason.diagnosisRunning'),
          }),
        ),
      );
      seen.push(textOutsideTechnical());

      const text = seen.join(' ');
      expect(Object.values(serviceSaid).filter((sentence) => text.includes(sentence))).toEqual([]);
      expect(english.filter((fragment) => text.includes(fragment))).toEqual([]);
    }, 20_000);

    it('every "no" of a successful answer: a bundle not saved, a sign-in not remembered, an unreadable profile', async () => {
      // The codes as the service sends them, with the facts some take; each must be said in words, never raw.
      const why: Pick<LocalProfile, 'reason' | 'params'>[] = [
        ...PROFILE_UNREADABLE_REASONS.map((reason) => ({ reason })),
        { reason: 'too-large', params: { maxBytes: 64 * 1024 * 1024 } },
        { reason: 'files-unreadable', params: { errno: 'EACCES' } },
      ];
      const profiles: LocalProfile[] = why.map((p, i) => ({
        id: `p${i}`,
        shell: `Stremio ${i}`,
        location: `/p${i}`,
        signedIn: false,
        readable: false,
        ...p,
      }));
      let storage: SecretStorageReason = 'no-encryption';
      const saves = [...BUNDLE_NOT_SAVED_REASONS];
      const fake = exposed(
        createFakeDoctor({
          'app:get-info': async () => ({
            ok: true,
            value: {
              version: '9.9.9',
              platform: 'linux',
              traktClientIdConfigured: false,
              secretStorage: { available: false, backend: 'basic_text', reason: storage },
              rememberedAuthKey: false,
            } satisfies AppInfo,
          }),
          'profiles:discover': async () => ({ ok: true, value: { profiles } }),
          'bundle:save': async () => ({ ok: true, value: { saved: false, reason: saves.shift()! } }),
        }),
      );
      const i18n = await createWindowI18n(locale);
      const { t } = translatorOf(i18n);
      const { store } = renderWizard({ fake, i18n });
      act(() => store.getState().goTo('version'));
      act(() => void fake.nextRun().then((run) => run.finish(WORLDS.anonymous)));
      const seen: string[] = [];
      const said: string[] = [];

      act(() => store.getState().goTo('token'));
      const local = await screen.findByTestId('token-local', {}, { timeout: 10_000 });
      fireEvent.click(within(local).getAllByRole('checkbox')[0]!);
      const offered = [...(await within(local).findByTestId('token-profiles')).querySelectorAll('li > span.muted')];
      const unreadable = (key: Parameters<typeof t>[0], params?: Record<string, unknown>) =>
        t('wizard:token.unreadable', { reason: (t as (k: string, p?: unknown) => string)(key, params) });
      expect(offered.map((el) => el.textContent)).toEqual([
        unreadable('wizard:token.unreadableReason.webkitgtk'),
        unreadable('wizard:token.unreadableReason.tooLargeNoSize'),
        unreadable('wizard:token.unreadableReason.badFormat'),
        unreadable('wizard:token.unreadableReason.filesUnreadableNoErrno'),
        unreadable('wizard:token.unreadableReason.noProfile'),
        unreadable('wizard:token.unreadableReason.noStremioData'),
        unreadable('wizard:token.unreadableReason.unknownFormat'),
        unreadable('wizard:token.unreadableReason.tooLarge', { size: 64 * 1024 * 1024 }),
        unreadable('wizard:token.unreadableReason.filesUnreadable', { errno: 'EACCES' }),
      ]);
      said.push(...offered.map((el) => el.textContent ?? ''));
      const keyring = {
        'no-encryption': 'wizard:token.storageReason.noEncryption',
        'basic-text': 'wizard:token.storageReason.basicText',
        'unknown-backend': 'wizard:token.storageReason.unknownBackend',
      } as const;
      for (const reason of SECRET_STORAGE_REASONS) {
        storage = reason;
        await act(() => store.getState().refreshAppInfo());
        const line = screen.getByTestId('remember-unavailable').textContent ?? '';
        expect(line).toBe(t('wizard:token.rememberUnavailable', { reason: t(keyring[reason]) }));
        said.push(line);
      }
      openEveryFold();
      seen.push(textOutsideTechnical());

      act(() => store.getState().goTo('summary'));
      fireEvent.click(await screen.findByTestId('bundle-export-button', {}, { timeout: 10_000 }));
      fireEvent.click(await screen.findByTestId('bundle-save'));
      const notSaved = {
        'no-save-dialog': 'wizard:bundle.notSavedReason.noSaveDialog',
        cancelled: 'wizard:bundle.notSavedReason.cancelled',
        exists: 'wizard:bundle.notSavedReason.exists',
        'not-writable': 'wizard:bundle.notSavedReason.notWritable',
        'too-large': 'wizard:bundle.notSavedReason.tooLarge',
        io: 'wizard:bundle.notSavedReason.io',
      } as const;
      for (const [i, reason] of BUNDLE_NOT_SAVED_REASONS.entries()) {
        if (i > 0) fireEvent.click(screen.getByTestId('bundle-save-again'));
        const status = t('wizard:bundle.notSaved', { reason: t(notSaved[reason]) });
        const outcome = await screen.findByTestId('bundle-outcome');
        await waitFor(() => expect(within(outcome).getByRole('status').textContent).toBe(status));
        said.push(status);
        seen.push(textOutsideTechnical());
      }
      expect(saves).toEqual([]);

      const text = seen.join(' ');
      expect(english.filter((fragment) => text.includes(fragment))).toEqual([]);
      // No raw code (nor "undefined") is said, and no sentence ends twice.
      const codes = [...BUNDLE_NOT_SAVED_REASONS, ...SECRET_STORAGE_REASONS, ...PROFILE_UNREADABLE_REASONS];
      const raw = (line: string) =>
        [...codes, 'undefined'].filter((code) => new RegExp(`(^|[^\\p{L}-])${code}([^\\p{L}-]|$)`, 'u').test(line));
      expect(said.flatMap(raw)).toEqual([]);
      expect(said.filter((line) => line.includes('..'))).toEqual([]);
    }, 20_000);
  });
});
