import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationsCheck } from '../../electron/engine/checks/cache/locations';
import { diagnose } from '../kit/diagnose';
import { checkSummaryText } from '../../shared/i18n/report-text';
import { englishTranslator } from '../../shared/i18n/translator';
import { contextFor } from '../kit/engine';
import { startWorld, type World } from '../kit/world';
import { plantProcess, plantQtProfileLinux } from '../fixtures/installs/plant';

// A check says its summary as a message: the run's language for `summary`, the key kept in `message` so the
// window and the bundle say it again in theirs (docs/i18n.md).
describe('cache.locations in Spanish', () => {
  let world: World;
  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
  });
  afterAll(() => world.close());

  it('says its title and summary in Spanish, with Spanish numbers, and keeps the key to say it again', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'doctor-cache-es-'));
    await plantProcess(root, 1, 'systemd', ['/sbin/init']);
    await plantQtProfileLinux(root);
    const ctx = await contextFor(world, { stremio: { searchRoots: [root] } }, { platform: 'linux', locale: 'es' });
    const report = await diagnose(ctx, { steps: ['cache'] }, {}, [locationsCheck]);
    const result = report.checks.find((c) => c.id === 'cache.locations')!;

    expect(result.title).toBe('Datos y cachés de Stremio');
    expect(result.summary).toMatch(/^Se encontraron \d+ carpetas de datos de Stremio \(\d+,\d (KiB|MiB)\); /);
    expect(result.summary).toContain('se pueden vaciar sin riesgo 356,4 KiB en 3 carpetas de caché.');
    expect(result.message).toMatchObject({
      key: 'checks-cache:locations.found',
      params: { clearable: { key: 'checks-cache:locations.clearable', params: { count: 3 } } },
    });
    // The same result said again in English reads as an English run says it.
    expect(checkSummaryText(result, englishTranslator())).toMatch(
      /^Found \d+ Stremio data folders \(\d+\.\d (KiB|MiB)\); 356\.4 KiB in 3 cache folders can be cleared safely\.$/,
    );
  });
});
