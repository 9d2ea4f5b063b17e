/** @vitest-environment node */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, resetElectronMock } from '../mocks/electron';
import { openSettingsStore } from '../../electron/main/settings-store';

vi.mock('electron', () => import('../mocks/electron'));

const NOW = () => new Date('2026-11-25T09:30:00.000Z');
const settingsFile = () => path.join(app.userData, 'settings.json');

describe('the settings store', () => {
  beforeEach(() => resetElectronMock());

  it('keeps the Trakt client-id override across restarts', () => {
    const reports: string[] = [];
    const first = openSettingsStore(app.userData, (line) => reports.push(line), NOW);
    expect(first.getTraktClientId()).toBeNull();
    first.setTraktClientId('abcdefgh1234');
    expect(openSettingsStore(app.userData, (line) => reports.push(line), NOW).getTraktClientId()).toBe('abcdefgh1234');
    first.setTraktClientId(null);
    expect(openSettingsStore(app.userData, () => undefined, NOW).getTraktClientId()).toBeNull();
    expect(reports).toEqual([]);
  });

  it('keeps the language and theme choices across restarts; a language outside the shipped ones is refused', async () => {
    const first = openSettingsStore(app.userData, () => undefined, NOW);
    expect(first.getPreferences()).toEqual({});
    first.setPreferences({ locale: 'pt-BR' });
    first.setPreferences({ theme: 'light' });
    expect(openSettingsStore(app.userData, () => undefined, NOW).getPreferences()).toEqual({
      locale: 'pt-BR',
      theme: 'light',
    });
    await writeFile(settingsFile(), JSON.stringify({ traktClientId: null, locale: 'xx' }));
    const reports: string[] = [];
    expect(openSettingsStore(app.userData, (line) => reports.push(line), NOW).getPreferences()).toEqual({});
    expect(reports[0]).toMatch(/outside the settings schema/);
  });

  it.each([
    ['not JSON', '{"traktClientId": "abcdefgh1234"', /not valid JSON/],
    ['a value outside the schema', JSON.stringify({ traktClientId: 42 }), /outside the settings schema/],
    ['a client id the schema refuses', JSON.stringify({ traktClientId: 'x y' }), /outside the settings schema/],
  ])(
    'survives a settings file with %s: keeps a copy aside, starts from defaults, reports it',
    async (_what, content, reason) => {
      await writeFile(settingsFile(), content);
      const reports: string[] = [];
      const settings = openSettingsStore(app.userData, (line) => reports.push(line), NOW);
      expect(settings.getTraktClientId()).toBeNull();
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatch(reason);
      expect(reports[0]).toContain('settings.corrupt-2026-11-25T09-30-00-000Z.json');
      const kept = await readFile(path.join(app.userData, 'settings.corrupt-2026-11-25T09-30-00-000Z.json'), 'utf8');
      expect(kept).toBe(content);
      settings.setTraktClientId('abcdefgh1234');
      expect(JSON.parse(await readFile(settingsFile(), 'utf8'))).toMatchObject({ traktClientId: 'abcdefgh1234' });
    },
  );

  it('recovers when the file is damaged while the app runs', async () => {
    const reports: string[] = [];
    const settings = openSettingsStore(app.userData, (line) => reports.push(line), NOW);
    settings.setTraktClientId('abcdefgh1234');
    await writeFile(settingsFile(), '\u0000garbage');
    expect(settings.getTraktClientId()).toBeNull();
    expect(reports).toHaveLength(1);
    expect((await readdir(app.userData)).filter((name) => name.startsWith('settings.corrupt-'))).toHaveLength(1);
  });

  it('refuses a bad value from a caller without treating the good file as damaged', () => {
    const reports: string[] = [];
    const settings = openSettingsStore(app.userData, (line) => reports.push(line), NOW);
    settings.setTraktClientId('abcdefgh1234');
    expect(() => settings.setTraktClientId('not a client id')).toThrow(/schema/);
    expect(settings.getTraktClientId()).toBe('abcdefgh1234');
    expect(reports).toEqual([]);
  });
});
