import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../electron/engine/core/config';
import { createDoctorService, type DoctorService } from '../../electron/hosts/service/create-service';
import { dispatchIpc } from '../../electron/hosts/service/dispatch';
import { createMemorySecretStore, createMemorySettings } from '../kit/memory-stores';
import type { IpcResult, RunEvent } from '../../shared/ipc';
import type { Report } from '../../shared/report';
import { plantSignedInAccount } from '../kit/emulators/planted-account';
import { startWorld, type World } from '../kit/world';

const SECRETS = {
  password: 'LINK-password-Zx81!',
  authKey: 'LINK-authkey-0f1e2d3c4b5a6978',
  traktToken: 'LINK-trakt-token-77aa88bb99cc',
  accountToken: 'LINK-account-token-1234abcd',
  email: 'link.viewer@example.net',
  state: 'LINK-state-5e4d3c2b1a',
};
const NOW = Date.parse('2026-11-25T10:00:00Z');

// Stremio's redirect may carry a `state`: the report (and so IPC, Copy summary, bundle) shows the
// corrected link redacted, yet the button must open the real link, or the one-click fix is broken.
describe('the corrected sign-in link when Stremio sends a state', () => {
  let world: World;
  let service: DoctorService;
  const opened: string[] = [];
  const events: RunEvent[] = [];
  const ipc = async <T>(channel: string, payload: unknown): Promise<T> => {
    const answer = (await dispatchIpc(service.handlers, channel, payload, (t) =>
      service.secrets.redact(t),
    )) as IpcResult<T>;
    if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };

  beforeAll(async () => {
    world = await startWorld({ probeMs: 1500 });
    plantSignedInAccount(world, SECRETS, NOW, 'link_user');
    service = createDoctorService({
      config: resolveConfig(world.config()),
      platform: {
        openExternal: async (url) => void opened.push(url),
        secretStore: createMemorySecretStore(),
        settings: createMemorySettings(),
      },
      onRunEvent: (event) => events.push(event),
      contextOptions: { env: {}, now: () => NOW },
    });
  });
  afterAll(() => world.close());

  it('shows the link redacted everywhere and opens the real one on click', async () => {
    const report = await ipc<Report>('diagnosis:run', {
      runId: 'link-1',
      steps: ['token'],
      credentials: { kind: 'auth-key', authKey: SECRETS.authKey },
    });
    const finding = report.findings.find((f) => f.problem === 'AUTH_URL_WRONG_HOST');
    const action = finding?.fix.action;
    expect(action?.kind).toBe('open-url');
    const shown = action?.kind === 'open-url' ? action.url : '';
    expect(shown).toContain('[redacted');
    expect(JSON.stringify(report)).not.toContain(SECRETS.state);
    expect(JSON.stringify(events)).not.toContain(SECRETS.state);

    expect(await ipc('fix:open-url', { url: shown })).toEqual({ opened: true });
    const real = new URL(opened.at(-1)!);
    expect(real.origin).toBe('https://auth.trakt.tv');
    expect(real.pathname).toBe('/oauth/authorize');
    expect(real.searchParams.get('state')).toBe(SECRETS.state);
    expect(real.searchParams.get('response_type')).toBe('code');
    expect(real.searchParams.get('redirect_uri')).toBe('https://www.strem.io/trakt/auth_cb');
  });

  it('still refuses what is not allow-listed, and opens an unheld link as it is', async () => {
    expect(
      await ipc('fix:open-url', { url: 'https://evil.example/oauth/authorize?state=[redacted state]' }),
    ).toMatchObject({ opened: false });
    expect(await ipc('fix:open-url', { url: 'https://app.trakt.tv/settings/apps/connected' })).toEqual({
      opened: true,
    });
    expect(opened.at(-1)).toBe('https://app.trakt.tv/settings/apps/connected');
  });
});
