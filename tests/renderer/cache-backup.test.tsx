/** @vitest-environment jsdom */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import type { CacheBackup, CacheFixResult } from '../../shared/ipc';
import { checkResult, createFakeDoctor, report, type FakeDoctor, type FakeHandlers } from './fake-doctor';
import { renderWizard } from './render-wizard';
import { STEP_NAMES } from '../../shared/steps';
import { createWindowI18n } from '../../renderer/src/i18n/window-i18n';
import { englishFragments } from '../i18n/english-fragments';
import {
  CACHE_BACKUP,
  clickCacheFix,
  exposed,
  FAILURES,
  FOLDER_REASONS,
  MOVE_WITH_EVERY_OUTCOME,
  RESTORE_WITH_EVERY_OUTCOME,
  SAFE_CACHES,
} from './cache-fix-answers';

afterEach(cleanup);

const SAFE = SAFE_CACHES;
const BACKUP = CACHE_BACKUP;
const MOVED: CacheFixResult = {
  done: true,
  action: 'moved',
  backup: { id: BACKUP.id, location: BACKUP.location },
  folders: [
    {
      kind: 'gpu-cache',
      path: '~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
      outcome: 'moved',
      bytes: 20_000,
    },
    {
      kind: 'http-cache',
      path: '~/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
      outcome: 'moved',
      bytes: 300_000,
    },
  ],
};

/** The Cache step after its first run finished with `cache.locations` reporting SAFE. */
async function cachePage(handlers: FakeHandlers, i18n?: I18n) {
  const fake = exposed(createFakeDoctor(handlers));
  renderWizard({ fake, page: 'cache', ...(i18n ? { i18n } : {}) });
  const run = await fake.nextRun();
  // Opening a step first starts the whole diagnosis (run-ahead): one run of every step.
  expect(run.request.steps).toEqual([...STEP_NAMES]);
  act(() => run.finish(report(['cache'], [checkResult('cache.locations', { details: { safeToClear: SAFE } })])));
  const panel = await screen.findByTestId('cache-backup');
  return { fake, panel };
}

const count = (fake: FakeDoctor, channel: string) => fake.calls.filter((c) => c.channel === channel).length;

describe('Cache step: move safe caches to a backup', () => {
  it('lists what will move, asks to confirm, moves, shows the outcome, re-runs the step, then restores that backup', async () => {
    let backups: CacheBackup[] = [];
    const { fake, panel } = await cachePage({
      'cache:list-backups': async () => ({ ok: true, value: { backups } }),
      'cache:move-to-backup': async () => {
        backups = [BACKUP];
        return { ok: true, value: MOVED };
      },
      'cache:restore': async () => {
        backups = [];
        return {
          ok: true,
          value: {
            ...MOVED,
            action: 'restored',
            folders: MOVED.folders.map((f) => ({ ...f, outcome: 'restored' as const })),
          },
        };
      },
    });
    const items = within(panel).getByRole('list', { name: 'Folders that would be moved' });
    expect(
      within(items)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'GPU cache of Stremio 4 (19.5 KiB): ~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
      'HTTP cache of Stremio 4 (293.0 KiB): ~/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
    ]);
    // Called what they are, and said once that it can be undone.
    expect(within(panel).getByRole('heading').textContent).toBe("Stremio's temporary files — can be undone");
    expect(panel.textContent).toMatch(/Nothing is deleted.*Restore moves them back/);
    expect(within(panel).queryByRole('button', { name: 'Restore' })).toBeNull();

    // The first click only asks; nothing moves before the confirmation.
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them to a backup' }));
    const confirm = within(panel).getByRole('group', { name: 'Confirm the move' });
    expect(confirm.textContent).toContain('Move 2 folders (312.5 KiB) to a backup?');
    expect(document.activeElement?.textContent).toMatch(/^Move 2 folders/);
    expect(count(fake, 'cache:move-to-backup')).toBe(0);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(within(panel).queryByRole('group', { name: 'Confirm the move' })).toBeNull();
    expect(count(fake, 'cache:move-to-backup')).toBe(0);

    fireEvent.click(within(panel).getByRole('button', { name: 'Move them to a backup' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them' }));
    const rerun = await fake.nextRun();
    expect(rerun.request.steps).toEqual(['cache']);
    expect(fake.calls.find((c) => c.channel === 'cache:move-to-backup')?.request).toEqual({});
    const outcome = await within(panel).findByTestId('cache-backup-outcome');
    expect(within(outcome).getByRole('status').textContent).toBe(
      `Moved 2 folders (312.5 KiB) to ${BACKUP.location}. Start Stremio again: it rebuilds the caches.`,
    );
    expect(document.activeElement).toBe(within(outcome).getByRole('status'));
    expect(
      within(outcome)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'GPU cache: moved (19.5 KiB) — ~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
      'HTTP cache: moved (293.0 KiB) — ~/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
    ]);

    const restore = await within(panel).findByRole('button', { name: 'Restore' });
    expect(within(panel).getByTestId('cache-backup-latest').textContent).toContain(BACKUP.location);
    act(() =>
      rerun.finish(
        report(
          ['cache'],
          [checkResult('cache.locations', { details: { safeToClear: { folders: 0, bytes: 0, items: [] } } })],
        ),
      ),
    );
    // Nothing left to move: the move part is gone, only the way back stays.
    expect(within(panel).queryByTestId('cache-backup-items')).toBeNull();
    expect(within(panel).queryByTestId('cache-backup-move')).toBeNull();
    fireEvent.click(restore);
    const second = await fake.nextRun();
    expect(second.request.steps).toEqual(['cache']);
    expect(fake.calls.find((c) => c.channel === 'cache:restore')?.request).toEqual({ backup: BACKUP.id });
    await within(panel).findByText(/Moved back 2 folders/);
    expect(within(panel).queryByRole('button', { name: 'Restore' })).toBeNull();
  });

  it('shows a refusal (Stremio running) and does not re-run the step', async () => {
    const { fake, panel } = await cachePage({
      'cache:move-to-backup': async () => ({
        ok: true,
        value: { done: false, refusal: 'stremio-running' },
      }),
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them to a backup' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them' }));
    const outcome = await within(panel).findByTestId('cache-backup-outcome');
    expect(outcome.getAttribute('data-refusal')).toBe('stremio-running');
    expect(outcome.textContent).toMatch(/^Stremio is running\. Quit it/);
    expect(fake.runs).toHaveLength(1);
  });

  it('says which Stremio a cache belongs to once, never a place label in English', async () => {
    await cachePage({});
    const items = within(screen.getByTestId('cache-backup-items')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.split(':')[0])).toEqual([
      'GPU cache of Stremio 4 (19.5 KiB)',
      'HTTP cache of Stremio 4 (293.0 KiB)',
    ]);
  });

  it('says a failure of the whole in words, from its code (English)', async () => {
    const { panel } = await cachePage({
      'cache:move-to-backup': async () => ({
        ok: true,
        value: { done: false, refusal: 'failed', reason: { code: 'backup-dir-failed', errno: 'EACCES' } },
      }),
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them to a backup' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them' }));
    const outcome = await within(panel).findByTestId('cache-backup-outcome');
    expect(outcome.textContent).toBe('Nothing was changed: the backup folder cannot be created (EACCES)');
    expect(outcome.dataset.reason).toBe('backup-dir-failed');
  });

  it.each(['de', 'fr'] as const)(
    'says every outcome and reason of a move and a restore, and every failure, in %s: no English, no code',
    async (locale) => {
      const answers: CacheFixResult[] = [
        MOVE_WITH_EVERY_OUTCOME,
        RESTORE_WITH_EVERY_OUTCOME,
        ...FAILURES.map((reason): CacheFixResult => ({ done: false, refusal: 'failed', reason })),
      ];
      const { fake } = await cachePage(
        {
          'cache:list-backups': async () => ({ ok: true, value: { backups: [BACKUP] } }),
          'cache:move-to-backup': async () => ({ ok: true, value: answers.shift()! }),
          'cache:restore': async () => ({ ok: true, value: answers.shift()! }),
        },
        await createWindowI18n(locale),
      );
      const again = (run: Awaited<ReturnType<FakeDoctor['nextRun']>>) =>
        run.finish(report(['cache'], [checkResult('cache.locations', { details: { safeToClear: SAFE } })]));
      const said: string[] = [];
      const moved = await clickCacheFix(fake, 'move', again);
      const lines = (outcome: HTMLElement) =>
        within(outcome)
          .getAllByRole('listitem')
          .map((li) => li.textContent!);
      said.push(...lines(moved));
      const restored = await clickCacheFix(fake, 'restore', again);
      said.push(...lines(restored));
      for (const _ of FAILURES) said.push((await clickCacheFix(fake, 'move', again)).textContent!);

      const words = {
        de: {
          moved: 'GPU-Cache: verschoben',
          refused: 'an seinem Platz gelassen',
          inUse: 'wird verwendet oder ist geschützt (EBUSY)',
        },
        fr: {
          moved: 'Cache GPU : déplacé',
          refused: 'laissé en place',
          inUse: 'le dossier est utilisé ou protégé (EBUSY)',
        },
      }[locale];
      expect(said[0]).toMatch(new RegExp(`^${words.moved} \\(`));
      expect(said.filter((line) => line.includes(words.refused))).toHaveLength(FOLDER_REASONS.length);
      expect(said.some((line) => line.includes(words.inUse))).toBe(true);
      expect(said.at(-1)).not.toBe(said.at(-2));
      const text = said.join('\n');
      // No English left (the texts of the window and of the clients' reasons), no raw outcome word, no code.
      expect(englishFragments(['wizard', 'clients']).filter((fragment) => text.includes(fragment))).toEqual([]);
      expect(text).not.toMatch(/\b(moved|restored|absent|refused|failed)\b/);
      for (const reason of [...FOLDER_REASONS, ...FAILURES]) expect(text).not.toContain(reason.code);
      expect(text).not.toMatch(/undefined|\{\{/);
    },
  );

  it('turns a typed IPC error into its reason in words, never an exception nor the English message', async () => {
    const { panel } = await cachePage({
      'cache:move-to-backup': async () => ({
        ok: false,
        error: { code: 'BUSY', message: 'a cache move or restore is in progress (trace)', reason: 'cacheFixRunning' },
      }),
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them to a backup' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Move them' }));
    expect((await within(panel).findByRole('alert')).textContent).toBe(
      'Nothing was changed. A cache move or restore is already in progress. Wait for it to finish.',
    );
  });

  it('is absent before the Cache step reported and when no backup exists', async () => {
    const fake = exposed(createFakeDoctor());
    renderWizard({ fake, page: 'cache' });
    await fake.nextRun();
    await screen.findByRole('heading', { name: /Cache/ });
    expect(screen.queryByTestId('cache-backup')).toBeNull();
    expect(count(fake, 'cache:list-backups')).toBeGreaterThan(0);
  });

  it('hides the move box when there is nothing to move and no backup to restore', async () => {
    const fake = exposed(createFakeDoctor());
    renderWizard({ fake, page: 'cache' });
    const run = await fake.nextRun();
    const empty = { folders: 0, bytes: 0, items: [] };
    act(() => run.finish(report(['cache'], [checkResult('cache.locations', { details: { safeToClear: empty } })])));
    await screen.findByTestId('step-headline');
    expect(screen.queryByTestId('cache-backup')).toBeNull();
  });
});
