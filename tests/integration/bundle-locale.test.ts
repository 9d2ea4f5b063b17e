import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { redactForExport } from '../../electron/engine/bundle';
import { createDoctorService, type DoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { BundlePreview, BundleSaveResult, IpcResult } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { createTranslator } from '../../shared/i18n/translator';
import { renderSummaryMarkdown } from '../../shared/summary-markdown';
import { readZip } from '../kit/read-zip';
import { startWorld, type World } from '../kit/world';
import { holdBehindHotelPortal } from '../kit/hotel-portal';

function value<T>(answer: IpcResult<unknown>): T {
  if (!answer.ok) throw new Error(`IPC error ${answer.error.code}: ${answer.error.message}`);
  return answer.value as T;
}

// docs/i18n.md: summary.md is said in the language the window asks for (`locale` of bundle:preview and
// bundle:save), else in the service's own (its host's language).
describe('the bundle summary.md speaks the requested language', () => {
  let world: World;
  let dir: string;
  let chosen: string | null = null;
  let service: DoctorService;
  let report: Report;
  const ipc = (channel: string, payload: unknown) =>
    dispatchIpc(service.handlers, channel, payload, (t) => service.secrets.redact(t));

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    dir = await mkdtemp(path.join(tmpdir(), 'doctor-bundle-locale-'));
    service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async () => undefined,
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
        chooseBundlePath: async () => chosen,
        locale: 'de-DE',
      },
      onRunEvent: () => undefined,
      contextOptions: { env: {} },
    });
    // A critical finding, so the summary has a finding, its fix and verdict counts to say.
    const signIn = holdBehindHotelPortal(world, { status: 511, body: 'Accept the terms' });
    report = value<Report>(await ipc('diagnosis:run', { runId: 'fr-1', steps: ['connectivity'] }));
    signIn();
  });
  afterAll(async () => {
    await world.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('bundle:save with locale fr writes summary.md in French, the same text its preview showed', async () => {
    expect(report.findings.map((f) => f.problem)).toContain('CAPTIVE_PORTAL');
    const preview = value<BundlePreview>(await ipc('bundle:preview', { locale: 'fr' }));
    chosen = path.join(dir, 'fr.zip');
    expect(value<BundleSaveResult>(await ipc('bundle:save', { locale: 'fr' }))).toMatchObject({ saved: true });
    const summary = (await readZip(chosen)).find((e) => e.name === 'summary.md')?.data.toString('utf8') ?? '';
    expect(summary).toBe(preview.summaryMarkdown);
    expect(summary).toContain('## Stremio Trakt Doctor — résumé');
    expect(summary).toMatch(/constats? \(1 critique\), les? plus importants? d’abord\./);
    expect(summary).toContain('**Problème** · `CAPTIVE_PORTAL` · confiance');
    expect(summary).toContain('Éléments constatés :');
    expect(summary).toContain('### Vérifications');
    expect(summary).toMatch(/- Connexion : .*\d+ problèmes?/);
    expect(summary).toContain('### Ce qui n’a pas pu être testé');
    expect(summary).not.toContain('What could not be tested');
    // The whole file is the shared renderer's French, over the exported (redacted) report.
    const exported = redactForExport(report, service.secrets);
    expect(summary).toBe(renderSummaryMarkdown(exported, await createTranslator('fr')));
  });

  it("without a locale, summary.md is in the service's language (the host's de-DE)", async () => {
    const preview = value<BundlePreview>(await ipc('bundle:preview', {}));
    expect(preview.summaryMarkdown).toContain('## Stremio Trakt Doctor — Zusammenfassung');
    expect(preview.summaryMarkdown).toContain('### Was nicht geprüft werden konnte');
  });

  it('refuses a language it does not ship', async () => {
    expect(await ipc('bundle:preview', { locale: 'xx' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
  });
});
