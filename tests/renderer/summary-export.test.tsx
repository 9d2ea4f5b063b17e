/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BundlePreview, BundleSaveResult } from '../../shared/ipc';
import { checkResult, createFakeDoctor, report, type FakeDoctor } from './fake-doctor';
import { renderWizard } from './render-wizard';

afterEach(cleanup);

/** Panels reach channels through `window.doctor` (lib/doctor-api.ts), as the preload exposes it in the app. */
function exposed(fake: FakeDoctor): FakeDoctor {
  Object.defineProperty(window, 'doctor', { value: fake.api, configurable: true });
  return fake;
}

const PREVIEW: BundlePreview = {
  files: [
    { name: 'manifest.json', bytes: 812 },
    { name: 'report.json', bytes: 3400 },
    { name: 'summary.md', bytes: 64 },
    { name: 'logs/app.log', bytes: 2 * 1024 * 1024 },
  ],
  redactions: { email: 2, 'home-path': 3 },
  redactionsDuringRun: { email: 1, 'auth-key': 4 },
  summaryMarkdown: '## Stremio Trakt Doctor — summary\n\nOne finding (1 critical).\n',
  maxTotalBytes: 5 * 1024 * 1024,
};

/** The Summary after one finished step, with the bundle channels answered by `save`. */
async function summaryWith(save: (overwrite: boolean) => BundleSaveResult) {
  const fake = exposed(
    createFakeDoctor({
      'bundle:preview': async () => ({ ok: true, value: PREVIEW }),
      'bundle:save': async (request) => ({ ok: true, value: save(request.overwrite === true) }),
    }),
  );
  const { store } = renderWizard({ fake, page: 'version' });
  const run = await fake.nextRun();
  act(() => run.finish(report(['version'], [checkResult('version.stremio-installs')])));
  act(() => store.getState().goTo('summary'));
  // The Summary page is a lazy chunk: its first load in a test file can take over a second on a busy machine.
  const panel = await screen.findByTestId('bundle-export', {}, { timeout: 10_000 });
  return { fake, store, panel };
}

describe('Summary: Export diagnostic bundle', () => {
  it('is absent before any step finished', async () => {
    renderWizard({ page: 'summary' });
    // The Summary loads lazily: on a busy machine that takes longer than findBy's default second.
    await screen.findByRole('heading', { name: 'Summary' }, { timeout: 5000 });
    expect(screen.queryByTestId('bundle-export')).toBeNull();
  });

  it('previews files, sizes, redactions and summary.md before saving, then says where it was saved', async () => {
    const { fake, panel } = await summaryWith(() => ({
      saved: true,
      path: '/home/u/Downloads/stremio-trakt-doctor-2026-11-25.zip',
      bytes: 4100,
    }));
    expect(within(panel).getByTestId('bundle-privacy').textContent).toMatch(
      /Nothing is uploaded; secrets and personal details are redacted/,
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Export diagnostic bundle' }));
    const files = await within(panel).findByRole('table');
    expect(fake.calls.map((c) => c.channel)).toContain('bundle:preview');
    expect(fake.calls.some((c) => c.channel === 'bundle:save')).toBe(false);
    const rows = within(files)
      .getAllByRole('row')
      .map((r) => r.textContent);
    expect(rows).toEqual(expect.arrayContaining(['manifest.json812 B', 'report.json3.3 KiB', 'logs/app.log2.0 MiB']));
    // The export's and the run's redactions together, per class.
    expect(within(panel).getByTestId('bundle-redactions').textContent).toBe(
      'auth-key: 4 replacementsemail: 3 replacementshome-path: 3 replacements',
    );
    expect((within(panel).getByRole('textbox', { name: /summary.md/ }) as HTMLTextAreaElement).value).toBe(
      PREVIEW.summaryMarkdown,
    );
    expect(document.activeElement?.textContent).toBe('What will be saved');

    fireEvent.click(within(panel).getByRole('button', { name: 'Save…' }));
    const outcome = await within(panel).findByTestId('bundle-outcome');
    expect(outcome.dataset.saved).toBe('true');
    expect(within(outcome).getByRole('status').textContent).toBe(
      'Saved to /home/u/Downloads/stremio-trakt-doctor-2026-11-25.zip (4.0 KiB).',
    );
    expect(fake.calls.filter((c) => c.channel === 'bundle:save').map((c) => c.request)).toEqual([{ locale: 'en' }]);
    // The bundle's summary.md speaks the window's language.
    expect(fake.calls.find((c) => c.channel === 'bundle:preview')?.request).toEqual({ locale: 'en' });
  });

  it('Cancel closes the preview without saving', async () => {
    const { fake, panel } = await summaryWith(() => ({ saved: true, path: '/x.zip' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Export diagnostic bundle' }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Cancel' }));
    expect(within(panel).queryByTestId('bundle-preview')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'bundle:save')).toBe(false);
  });

  it('shows a refusal for an existing file, and replaces it only when the user confirms', async () => {
    const { fake, panel } = await summaryWith((overwrite) =>
      overwrite
        ? { saved: true, path: '/d/b.zip', bytes: 900 }
        : {
            saved: false,
            exists: true,
            path: '/d/b.zip',
            reason: 'exists',
          },
    );
    fireEvent.click(within(panel).getByRole('button', { name: 'Export diagnostic bundle' }));
    fireEvent.click(await within(panel).findByRole('button', { name: 'Save…' }));
    const refused = await within(panel).findByTestId('bundle-outcome');
    expect(refused.dataset.saved).toBe('false');
    expect(within(refused).getByRole('status').textContent).toBe(
      'Not saved: a file with that name is already there, and the app left it alone.',
    );
    fireEvent.click(within(refused).getByRole('button', { name: 'Replace /d/b.zip' }));
    expect((await within(panel).findByTestId('bundle-path')).textContent).toBe('/d/b.zip');
    expect(fake.calls.filter((c) => c.channel === 'bundle:save').map((c) => c.request)).toEqual([
      { locale: 'en' },
      { overwrite: true, locale: 'en' },
    ]);
  });

  it('says why the bundle could not be prepared (errors are values)', async () => {
    const fake = exposed(
      createFakeDoctor({
        'bundle:preview': async () => ({
          ok: false,
          error: { code: 'NOT_FOUND', message: 'no step has finished yet (trace)', reason: 'noFinishedStep' },
        }),
      }),
    );
    const { store } = renderWizard({ fake, page: 'version' });
    const run = await fake.nextRun();
    act(() => run.finish(report(['version'], [checkResult('version.stremio-installs')])));
    act(() => store.getState().goTo('summary'));
    fireEvent.click(await screen.findByRole('button', { name: 'Export diagnostic bundle' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not prepare the bundle. No step has finished yet. Run a step first, then export the diagnostic bundle.',
    );
  });
});
