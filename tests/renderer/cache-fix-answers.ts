import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import {
  CacheFailureSchema,
  CacheFolderReasonSchema,
  type CacheFailure,
  type CacheFolderReason,
} from '../../shared/cache-fix-reason-schema';
import type { CacheBackup, CacheFixResult, CacheFolderOutcome } from '../../shared/ipc';
import type { FakeDoctor } from './fake-doctor';

/*
 * The cache fix's answers in every state the window can show (docs/architecture.md "Fixes"): each outcome of a
 * folder, each reason a folder or a whole move can carry, each refusal. The window says all of them in the
 * reader's language; these let a test show them all.
 */

/** The safe caches of a Stremio 4 profile on Linux, as `cache.locations` details them. */
export const SAFE_CACHES = {
  folders: 2,
  bytes: 320_000,
  items: [
    {
      shell: 'stremio-4',
      kind: 'gpu-cache',
      path: '[redacted home-path]/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/GPUCache',
      bytes: 20_000,
    },
    {
      shell: 'stremio-4',
      kind: 'http-cache',
      path: '[redacted home-path]/.cache/Smart Code ltd/Stremio/QtWebEngine/Default/Cache',
      bytes: 300_000,
    },
  ],
};

/** The backup a move made. */
export const CACHE_BACKUP: CacheBackup = {
  id: 'stremio-cache-backup-2026-11-25T09-15-00Z',
  location: '~/stremio-trakt-doctor-backups/stremio-cache-backup-2026-11-25T09-15-00Z',
  createdAt: '2026-11-25T09:15:00.000Z',
  folders: 2,
};

/** Every reason a folder can carry, one of each code (the schema's own list, so a new code is shown too). */
export const FOLDER_REASONS: readonly CacheFolderReason[] = CacheFolderReasonSchema.options.map((option) =>
  CacheFolderReasonSchema.parse({
    code: option.shape.code.value,
    ...('errno' in option.shape ? { errno: 'EBUSY' } : {}),
  }),
);

/** Every reason a whole move or restore can fail with, one of each code. */
export const FAILURES: readonly CacheFailure[] = CacheFailureSchema.options.map((option) =>
  CacheFailureSchema.parse({ code: option.shape.code.value, ...('errno' in option.shape ? { errno: 'EACCES' } : {}) }),
);

const folder = (n: number, outcome: CacheFolderOutcome['outcome'], reason?: CacheFolderReason): CacheFolderOutcome => ({
  kind: ['gpu-cache', 'http-cache', 'service-worker-cache'][n % 3]!,
  path: `~/.local/share/Smart Code ltd/Stremio/QtWebEngine/Default/folder-${n}`,
  outcome,
  ...(outcome === 'moved' || outcome === 'restored' ? { bytes: 20_000 } : {}),
  ...(reason ? { reason } : {}),
});

/** A move that met every outcome a move has, with every folder reason beside one. */
export const MOVE_WITH_EVERY_OUTCOME: CacheFixResult = {
  done: true,
  action: 'moved',
  backup: { id: CACHE_BACKUP.id, location: CACHE_BACKUP.location },
  folders: [
    folder(0, 'moved'),
    folder(1, 'absent'),
    ...FOLDER_REASONS.map((reason, i) =>
      folder(i + 2, reason.code === 'record-update-failed' ? 'moved' : 'failed', reason),
    ),
  ],
};

/** A restore that met every outcome a restore has, with every folder reason beside one. */
export const RESTORE_WITH_EVERY_OUTCOME: CacheFixResult = {
  done: true,
  action: 'restored',
  backup: { id: CACHE_BACKUP.id, location: CACHE_BACKUP.location },
  folders: [folder(0, 'restored'), ...FOLDER_REASONS.map((reason, i) => folder(i + 1, 'refused', reason))],
};

/** Every way a move can touch nothing. */
export const REFUSALS: readonly CacheFixResult[] = [
  { done: false, refusal: 'stremio-running' },
  { done: false, refusal: 'cannot-tell' },
  { done: false, refusal: 'nothing-to-move' },
  { done: false, refusal: 'no-backup' },
  ...FAILURES.map((reason): CacheFixResult => ({ done: false, refusal: 'failed', reason })),
];

/** Every code an answer carries (refusals, reasons): none of them is a word the window may show. */
export const ANSWER_CODES: readonly string[] = [
  ...REFUSALS.map((r) => (r.done ? '' : r.refusal)),
  ...FOLDER_REASONS.map((r) => r.code),
  ...FAILURES.map((r) => r.code),
];

/** Panels reach channels through `window.doctor` (lib/doctor-api.ts), as the preload exposes it in the app. */
export function exposed(fake: FakeDoctor): FakeDoctor {
  Object.defineProperty(window, 'doctor', { value: fake.api, configurable: true });
  return fake;
}

/**
 * Clicks the panel's move (confirming it) or its restore, and waits for the answer on screen; a done answer
 * re-runs the Cache step, which `rerun` finishes.
 */
export async function clickCacheFix(
  fake: FakeDoctor,
  action: 'move' | 'restore',
  rerun: (run: Awaited<ReturnType<FakeDoctor['nextRun']>>) => void,
): Promise<HTMLElement> {
  const panel = screen.getByTestId('cache-backup');
  const channel = action === 'move' ? 'cache:move-to-backup' : 'cache:restore';
  const before = fake.calls.filter((c) => c.channel === channel).length;
  if (action === 'move') {
    fireEvent.click(within(panel).getByTestId('cache-backup-move'));
    fireEvent.click(within(within(panel).getByTestId('cache-backup-confirm')).getAllByRole('button')[0]!);
  } else {
    fireEvent.click(within(panel).getByTestId('cache-backup-restore'));
  }
  await waitFor(() => expect(fake.calls.filter((c) => c.channel === channel).length).toBe(before + 1));
  await waitFor(() => expect(panel.dataset.state).toBe('outcome'));
  const outcome = within(panel).getByTestId('cache-backup-outcome');
  if (outcome.dataset.action) {
    const run = await fake.nextRun();
    act(() => rerun(run));
  }
  return outcome;
}
