import type { Credentials } from '../../../shared/ipc';
import { isTraktClientId } from '../../../shared/trakt-client-id';
import type { StremioCredentials } from '../../engine/runtime/credentials';
import type { Config } from '../../engine/core/config';
import { createEngineContext, type EngineContextOptions } from '../../engine/runtime/context';
import { DiagnosisSession } from '../../engine/session/diagnosis-session';
import { Logger, type LogSink } from '../../engine/core/log';
import { NetworkTrace } from '../../engine/net/trace';
import { SecretRegistry } from '../../engine/core/secrets';
import { discoverLocalProfiles, readLocalProfileCredentials } from '../../engine/clients/stremio/local-profiles';
import { stremioSearchOf } from '../../engine/clients/stremio/installs-search';
import { TOOL_VERSION } from '../../engine/core/version';
import { bundleHandlers } from './bundle-handlers';
import { cacheHandlers } from './cache-handlers';
import { HandlerError } from './dispatch';
import type { DoctorHandlers, RunEventSink } from './handlers';
import { sessionRunHandlers } from './session-runs';
import type { ServicePlatform, StoredSignInSource } from './platform';
import { openRules, refuseToOpen } from './url-allow-list';

/** What a service needs: its config, the host's platform pieces, and where run events go. */
export interface ServiceOptions {
  readonly config: Config;
  readonly platform: ServicePlatform;
  readonly onRunEvent: RunEventSink;
  readonly logSink?: LogSink;
  /** The app's log file, whose tail goes into the diagnostic bundle (absent = the runs' in-memory log). */
  readonly bundleLogFile?: string;
  /** Context overrides (tests: env, clock, platform). */
  readonly contextOptions?: Omit<EngineContextOptions, 'secrets' | 'logSink' | 'openUrl' | 'records'>;
}

/** A service: the channel handlers plus the session's secret registry (for redacting anything leaving it). */
export interface DoctorService {
  readonly handlers: DoctorHandlers;
  readonly secrets: SecretRegistry;
}

/**
 * The implementation of the IPC contract in plain Node. Electron main binds it to `ipcMain`
 * (behind its sender check); the e2e harness binds the same object to a Chromium page.
 */
export function createDoctorService(options: ServiceOptions): DoctorService {
  const { platform } = options;
  // One registry for the whole session: a secret seen in one run stays redacted in every later log line.
  const secrets = new SecretRegistry();
  // Fix links the reports show redacted (a corrected sign-in link carrying Stremio's `state`), with their
  // real value: held in this process only, opened in the system browser on the user's click, never sent.
  const heldLinks = new Map<string, string>();
  const holdLink = (shown: string, real: string) => void heldLinks.set(shown, real);
  const now = options.contextOptions?.now ?? Date.now;
  // The one session of this window: every run records into it, and the Summary, Copy summary and the
  // bundle read its combined report.
  const session = new DiagnosisSession({
    records: { secrets, trace: new NetworkTrace(secrets), log: new Logger(secrets, now, options.logSink) },
  });
  const profileSearch = () => ({
    searchRoots: options.config.stremio.searchRoots,
    platform: options.contextOptions?.platform ?? process.platform,
    env: options.contextOptions?.env ?? process.env,
  });
  const clientId = () => platform.settings.getTraktClientId() ?? options.config.trakt.clientId;
  // Stored sign-ins the user confirmed in this session (asked again after "Forget").
  const confirmed = new Set<StoredSignInSource>();
  const requireConfirmation = async (source: StoredSignInSource) => {
    if (confirmed.has(source)) return;
    if (!platform.confirmStoredSignIn)
      throw new HandlerError('NOT_ALLOWED', 'this window cannot ask before using a stored sign-in', {
        reason: 'storedSignInCannotAsk',
      });
    if (!(await platform.confirmStoredSignIn(source)))
      throw new HandlerError('NOT_ALLOWED', 'the stored sign-in was not confirmed', {
        reason: 'storedSignInNotConfirmed',
      });
    confirmed.add(source);
  };

  const resolveCredentials = async (credentials: Credentials | undefined): Promise<StremioCredentials | undefined> => {
    if (!credentials) return undefined;
    switch (credentials.kind) {
      case 'password':
        secrets.add(credentials.password, 'password');
        secrets.add(credentials.email, 'email');
        return credentials;
      case 'auth-key':
        secrets.add(credentials.authKey, 'auth-key');
        return credentials;
      case 'remembered': {
        const authKey = secrets.add(await platform.secretStore.loadAuthKey(), 'auth-key');
        if (!authKey)
          throw new HandlerError('NOT_FOUND', 'no remembered Stremio sign-in', { reason: 'noRememberedSignIn' });
        // Decrypting it is local; sending it to Stremio needs the user's yes.
        await requireConfirmation('remembered');
        return { kind: 'auth-key', authKey };
      }
      case 'local-profile': {
        await requireConfirmation('local-profile');
        const found = await readLocalProfileCredentials(profileSearch(), credentials.profileId);
        if (!found)
          throw new HandlerError('NOT_FOUND', 'that Stremio profile could not be read', {
            reason: 'profileUnreadable',
          });
        if (found.kind === 'auth-key') secrets.add(found.authKey, 'auth-key');
        return found;
      }
    }
  };

  /** The engine context of one run: the session's secrets, the settings' client id, the allow-listed opener. */
  const engineContext = async () => {
    const id = clientId();
    const config: Config =
      id === options.config.trakt.clientId
        ? options.config
        : { ...options.config, trakt: { ...options.config.trakt, clientId: id } };
    return createEngineContext(config, {
      ...options.contextOptions,
      secrets,
      records: session.records,
      openUrl: (url) => openChecked(url),
      ...(platform.resolveProxy ? { resolveProxy: platform.resolveProxy } : {}),
      ...(platform.incidentCache ? { incidentCache: platform.incidentCache } : {}),
      ...(platform.locale ? { locale: platform.locale } : {}),
    });
  };

  /** Opens an allow-listed https URL — a held real link in place of its redacted form; returns the refusal, if any. */
  const openAllowed = async (url: string): Promise<string | null> => {
    const target = heldLinks.get(url) ?? url;
    // The rules of now: the wizard's client id may have been set in the settings since the start.
    const refusal = refuseToOpen(target, openRules(options.config, clientId()));
    if (!refusal) await platform.openExternal(target); // eng-disable OPEN_EXTERNAL_JS_CHECK reason: refuseToOpen accepted it (https, allow-listed host and path)
    return refusal;
  };

  const openChecked = async (url: string) => {
    const refusal = await openAllowed(url);
    if (refusal) throw new HandlerError('NOT_ALLOWED', refusal, { reason: 'urlNotAllowed' });
  };

  const handlers: DoctorHandlers = {
    'app:get-info': async () => {
      const status = platform.secretStore.status();
      return {
        version: TOOL_VERSION,
        platform: options.contextOptions?.platform ?? process.platform,
        traktClientIdConfigured: Boolean(clientId()),
        secretStorage: {
          available: status.available,
          backend: status.backend,
          ...(status.reason ? { reason: status.reason } : {}),
        },
        rememberedAuthKey: (await platform.secretStore.loadAuthKey()) !== null,
      };
    },
    ...sessionRunHandlers({
      session,
      engineContext,
      resolveCredentials: (request) => resolveCredentials(request.credentials),
      secretStore: platform.secretStore,
      onRunEvent: options.onRunEvent,
      onRedactedLink: holdLink,
    }),
    'fix:open-url': async ({ url }) => {
      const refusal = await openAllowed(url);
      return refusal ? { opened: false, reason: refusal } : { opened: true };
    },
    'profiles:discover': async () => ({ profiles: await discoverLocalProfiles(profileSearch()) }),
    'credentials:forget': async () => {
      confirmed.clear();
      return { forgotten: await platform.secretStore.forgetAuthKey() };
    },
    'settings:set-trakt-client-id': async ({ clientId: value }) => {
      const trimmed = value.trim();
      if (trimmed && !isTraktClientId(trimmed))
        throw new HandlerError('INVALID_PAYLOAD', 'not a Trakt client id', { reason: 'notTraktClientId' });
      platform.settings.setTraktClientId(trimmed || null);
      return { configured: Boolean(clientId()) };
    },
    'settings:get-preferences': async () => platform.settings.getPreferences(),
    'settings:set-preferences': async (changes) => {
      platform.settings.setPreferences(changes);
      return platform.settings.getPreferences();
    },
    ...bundleHandlers({
      session,
      platform,
      now,
      ...(options.bundleLogFile ? { logFile: options.bundleLogFile } : {}),
    }),
    ...cacheHandlers({ search: () => stremioSearchOf(profileSearch()), now }),
  };
  return { handlers, secrets };
}
