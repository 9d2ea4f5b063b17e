import { z } from 'zod';
import { LOCALES } from './i18n/locales';
import { THEMES } from './themes';
import { BUNDLE_NOT_SAVED_REASONS, PROFILE_UNREADABLE_REASONS, SECRET_STORAGE_REASONS } from './answer-reasons';
import { CacheFailureSchema, CacheFolderReasonSchema, ErrnoSchema } from './cache-fix-reason-schema';
import { IPC_ERROR_CODES, IPC_ERROR_REASONS } from './ipc-error-reasons';
import type { InitialPreferences } from './preferences-argument';
import { CheckResultSchema, ReportSchema } from './report';
import { StepSchema } from './steps-schema';
import { WatchProgressSchema } from './check-details/closed-loop';
import { CLOSED_LOOP_CHECK_IDS, WAIT_SECONDS } from './check-details/closed-loop-limits';
import type { IpcChannel } from './ipc-names';

export { IPC_CHANNEL_NAMES, RUN_EVENT_CHANNEL, type IpcChannel } from './ipc-names';

/**
 * The one IPC contract between renderer and main (docs/architecture.md "Typed IPC"): channel → request →
 * response, each a zod schema. Main parses every request with it; the preload exposes one named
 * function per channel; the e2e harness binds the same names to the real engine.
 */

/** Stremio credentials as the wizard's sign-in form sends them. Never logged, never stored in plain text. */
export const CredentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), email: z.string().min(3).max(320), password: z.string().min(1).max(1024) }),
  z.object({ kind: z.literal('auth-key'), authKey: z.string().min(8).max(512) }),
  z.object({ kind: z.literal('remembered') }),
  z.object({ kind: z.literal('local-profile'), profileId: z.string().min(1).max(256) }),
]);
/** Credentials for the token step. */
export type Credentials = z.infer<typeof CredentialsSchema>;

/** The differential sign-in test's mode: the loopback redirect, the device code, or loopback falling back to device. */
export const OAuthModeSchema = z.enum(['auto', 'loopback', 'device']);

/**
 * A closed-loop wait the wizard starts (docs/architecture.md "Confirming a fix"): the re-link watch or the live
 * scrobble test, waiting at most `waitSeconds` (10–900) for the user.
 */
export const WatchRequestSchema = z
  .object({
    check: z.enum([CLOSED_LOOP_CHECK_IDS.relink, CLOSED_LOOP_CHECK_IDS.liveScrobble]),
    waitSeconds: z.number().int().min(WAIT_SECONDS.min).max(WAIT_SECONDS.max),
  })
  .strict();
/** A closed-loop wait request. */
export type WatchRequest = z.infer<typeof WatchRequestSchema>;

/**
 * What the wizard asks the session to run: `steps` (default: all), or `rerun: 'account'` (after a sign-in:
 * exactly the checks that depend on the Stremio account), or `oauth` (the interactive sign-in test), or
 * `watch` (a closed-loop wait).
 */
export const RunRequestSchema = z
  .object({
    runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    steps: z.array(StepSchema).min(1).optional(),
    rerun: z.literal('account').optional(),
    oauth: z.object({ mode: OAuthModeSchema }).strict().optional(),
    watch: WatchRequestSchema.optional(),
    authUrl: z.string().max(8192).optional(),
    credentials: CredentialsSchema.optional(),
    rememberAuthKey: z.boolean().optional(),
  })
  .strict()
  .refine((r) => [r.steps, r.rerun, r.oauth, r.watch].filter((v) => v !== undefined).length <= 1, {
    message: 'steps, rerun, oauth and watch exclude each other',
  })
  .refine((r) => r.rerun === undefined || r.credentials !== undefined, {
    message: 'rerun: account needs credentials',
    path: ['credentials'],
  });
/** A diagnosis run request. */
export type RunRequest = z.infer<typeof RunRequestSchema>;

/** Progress of the differential Trakt sign-in test (engine `OAuthProgress`; the device's user_code is meant to be shown). */
export const OAuthProgressSchema = z.object({
  phase: z.enum([
    'starting',
    'waiting-for-browser',
    'waiting-for-device',
    'exchanging',
    'verifying',
    'revoking',
    'finished',
  ]),
  mode: z.enum(['loopback', 'device']),
  userCode: z.string().max(64).optional(),
  verificationUrl: z.string().max(2048).optional(),
  waitUntil: z.string().optional(),
});
/** A sign-in test progress update. */
export type OAuthProgressEvent = z.infer<typeof OAuthProgressSchema>;

/** Progress events streamed while a run goes on; `run-finished` carries the session's combined report. */
export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('run-started'),
    runId: z.string(),
    steps: z.array(StepSchema),
    checks: z.array(z.string()),
  }),
  z.object({
    type: z.literal('check-started'),
    runId: z.string(),
    id: z.string(),
    step: StepSchema,
    title: z.string(),
  }),
  z.object({
    type: z.literal('check-finished'),
    runId: z.string(),
    result: CheckResultSchema,
    // A check's personal facts for this window only (watched titles): never in a report or a bundle.
    windowOnly: z.unknown().optional(),
  }),
  z.object({ type: z.literal('run-finished'), runId: z.string(), report: ReportSchema }),
  z.object({ type: z.literal('oauth-progress'), runId: z.string(), progress: OAuthProgressSchema }),
  // A closed-loop wait's countdown and polls (no titles, no secrets).
  z.object({ type: z.literal('watch-progress'), runId: z.string(), progress: WatchProgressSchema }),
]);
/** A progress event. */
export type RunEvent = z.infer<typeof RunEventSchema>;

/** Facts about the app the wizard shows (version, platform, what the secret store can do). */
export const AppInfoSchema = z.object({
  version: z.string(),
  platform: z.string(),
  traktClientIdConfigured: z.boolean(),
  secretStorage: z.object({
    available: z.boolean(),
    backend: z.string(),
    /** Why it is unavailable: a code the window says (docs/i18n.md "IPC errors"). */
    reason: z.enum(SECRET_STORAGE_REASONS).optional(),
  }),
  rememberedAuthKey: z.boolean(),
});
/** App facts. */
export type AppInfo = z.infer<typeof AppInfoSchema>;

/** A Stremio profile found on this machine (read from a copy, never changed). */
export const LocalProfileSchema = z.object({
  id: z.string(),
  shell: z.string(),
  location: z.string(),
  signedIn: z.boolean(),
  readable: z.boolean(),
  /** Why it cannot be read: a code the window says, with the facts some codes take. */
  reason: z.enum(PROFILE_UNREADABLE_REASONS).optional(),
  params: z
    .object({ maxBytes: z.number().int().positive().optional(), errno: ErrnoSchema.optional() })
    .strict()
    .optional(),
});
/** A local profile. */
export type LocalProfile = z.infer<typeof LocalProfileSchema>;

/**
 * The error half of every IPC answer: typed, without secrets. `message` is English, for logs, IPC traces and
 * support; the window says `reason` (with `params`), else a sentence per `code` — never `message` (docs/i18n.md
 * "IPC errors").
 */
export const IpcErrorSchema = z.object({
  code: z.enum(IPC_ERROR_CODES),
  message: z.string(),
  reason: z.enum(IPC_ERROR_REASONS).optional(),
  params: z.object({ maxBytes: z.number().int().nonnegative() }).strict().optional(),
});
/** A typed IPC error. */
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** Every IPC answer: a value or a typed error, never a thrown exception across the bridge. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** What the diagnostic bundle would hold, shown before anything is saved (docs/architecture.md "Bundle"). */
export const BundlePreviewSchema = z.object({
  files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative() })),
  /** Replacements made while building the bundle, per redaction class (token, email, home-path, …). */
  redactions: z.record(z.string(), z.number().int().nonnegative()),
  /** Replacements the engine had already made while recording the runs (logs, trace, report). */
  redactionsDuringRun: z.record(z.string(), z.number().int().nonnegative()),
  /** summary.md exactly as it will be saved. */
  summaryMarkdown: z.string(),
  maxTotalBytes: z.number().int().positive(),
});
/** A bundle preview. */
export type BundlePreview = z.infer<typeof BundlePreviewSchema>;

/** The outcome of saving the bundle: the path written, or why nothing was (cancelled, the file exists, not writable). */
export const BundleSaveResultSchema = z.object({
  saved: z.boolean(),
  path: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** Why nothing was saved: a code the window says (docs/i18n.md "IPC errors"). */
  reason: z.enum(BUNDLE_NOT_SAVED_REASONS).optional(),
  /** True when the chosen file exists and was left alone: the user may confirm replacing exactly that file. */
  exists: z.boolean().optional(),
});
/** A bundle save outcome. */
export type BundleSaveResult = z.infer<typeof BundleSaveResultSchema>;

/** One cache folder a move or restore handled, with the home path shown as `~` (docs/architecture.md "Fixes"). */
export const CacheFolderOutcomeSchema = z.object({
  kind: z.string(),
  /** Where Stremio keeps the folder. */
  path: z.string(),
  outcome: z.enum(['moved', 'restored', 'absent', 'refused', 'failed']),
  /** Size of the folder moved (or moved back); absent when it was not moved. */
  bytes: z.number().int().nonnegative().optional(),
  /** Why it was not moved, or what went wrong beside the move: a code the window says (never a sentence). */
  reason: CacheFolderReasonSchema.optional(),
});
/** One folder's outcome. */
export type CacheFolderOutcome = z.infer<typeof CacheFolderOutcomeSchema>;

/** A backup the service found: `id` is its folder name, the only thing `cache:restore` accepts back. */
export const CacheBackupSchema = z.object({
  id: z.string(),
  location: z.string(),
  createdAt: z.string(),
  folders: z.number().int().nonnegative(),
});
/** A cache backup. */
export type CacheBackup = z.infer<typeof CacheBackupSchema>;

/** The answer of a cache move or restore: what happened to each folder, or why nothing was touched. */
export const CacheFixResultSchema = z.discriminatedUnion('done', [
  z.object({
    done: z.literal(true),
    action: z.enum(['moved', 'restored']),
    backup: CacheBackupSchema.pick({ id: true, location: true }),
    folders: z.array(CacheFolderOutcomeSchema),
  }),
  // Touched nothing: the refusal says why, and a failure carries its reason's code.
  z.discriminatedUnion('refusal', [
    z.object({
      done: z.literal(false),
      refusal: z.enum(['stremio-running', 'cannot-tell', 'nothing-to-move', 'no-backup']),
    }),
    z.object({ done: z.literal(false), refusal: z.literal('failed'), reason: CacheFailureSchema }),
  ]),
]);
/** A cache fix outcome. */
export type CacheFixResult = z.infer<typeof CacheFixResultSchema>;

const empty = z.object({}).strict();

export { THEMES, type Theme } from './themes';

/** The wizard's remembered choices: its language (absent = the OS's) and theme (docs/i18n.md). */
export const PreferencesSchema = z
  .object({ locale: z.enum(LOCALES).optional(), theme: z.enum(THEMES).optional() })
  .strict();
/** The remembered choices. */
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The invoke channels: name → request and response schemas (every name in ipc-names.ts, no other). */
export const IPC_CHANNELS = {
  'app:get-info': { request: empty, response: AppInfoSchema },
  // Every run (steps, the account's dependents after a sign-in, the interactive sign-in test) goes to the
  // service's one session; the answer is the session's combined report, as in the `run-finished` event.
  'diagnosis:run': { request: RunRequestSchema, response: ReportSchema },
  'diagnosis:cancel': {
    request: z.object({ runId: z.string().max(64) }).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'fix:open-url': {
    request: z.object({ url: z.string().max(8192) }).strict(),
    response: z.object({ opened: z.boolean(), reason: z.string().optional() }),
  },
  'profiles:discover': { request: empty, response: z.object({ profiles: z.array(LocalProfileSchema) }) },
  'credentials:forget': { request: empty, response: z.object({ forgotten: z.boolean() }) },
  'settings:set-trakt-client-id': {
    request: z.object({ clientId: z.string().max(128) }).strict(),
    response: z.object({ configured: z.boolean() }),
  },
  'settings:get-preferences': { request: empty, response: PreferencesSchema },
  // Saves the given choices (absent fields stay as they were) and answers all of them.
  'settings:set-preferences': { request: PreferencesSchema, response: PreferencesSchema },
  // The bundle is built from the session's combined report (what the Summary shows); saving asks
  // the host for a path and, with `overwrite`, replaces only the file the previous save refused as existing.
  // `locale`: the language of the bundle's summary.md (the window's; absent = the service's).
  'bundle:preview': {
    request: z.object({ locale: z.enum(LOCALES).optional() }).strict(),
    response: BundlePreviewSchema,
  },
  'bundle:save': {
    request: z.object({ overwrite: z.boolean().optional(), locale: z.enum(LOCALES).optional() }).strict(),
    response: BundleSaveResultSchema,
  },
  // The safe cache fix (docs/architecture.md "Fixes"): the service derives every path itself; the renderer only names
  // a backup by the id `cache:list-backups` gave (absent = the latest).
  'cache:list-backups': { request: empty, response: z.object({ backups: z.array(CacheBackupSchema) }) },
  'cache:move-to-backup': { request: empty, response: CacheFixResultSchema },
  'cache:restore': {
    request: z.object({ backup: z.string().max(128).optional() }).strict(),
    response: CacheFixResultSchema,
  },
} as const satisfies Record<IpcChannel, { request: z.ZodType; response: z.ZodType }>;
/** A channel's request type. */
export type IpcRequest<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['request']>;
/** A channel's response type. */
export type IpcResponse<C extends IpcChannel> = z.infer<(typeof IPC_CHANNELS)[C]['response']>;

/** The API the preload exposes as `window.doctor`: one named function per channel plus the event subscription. */
export type DoctorApi = {
  readonly [C in IpcChannel]: (request: IpcRequest<C>) => Promise<IpcResult<IpcResponse<C>>>;
} & {
  /** The saved language and theme, as main handed them to the preload (absent outside the app: ask over IPC). */
  readonly initialPreferences?: InitialPreferences;
  /** Subscribes to run progress; returns the unsubscribe function. */
  readonly onRunEvent: (listener: (event: RunEvent) => void) => () => void;
};
