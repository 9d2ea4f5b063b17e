import type { Severity, Fix, FixAction } from './report';
import type { StepName } from './steps';
import { ENGLISH_RESOURCES } from './i18n/resources';
import { englishTranslator } from './i18n/translator';
import { catalogParams, problemKey } from './i18n/report-text';
import { namesStremioMenus } from './stremio-menus';

/**
 * The problem catalog (docs/problems.md, generated from this file): every code the checks can produce, with the words a
 * non-technical user reads and the fix. Codes are stable once shipped: add, never rename or reuse. The words live in
 * `shared/locales/<locale>/problems.json` (docs/i18n.md); `PROBLEMS` carries the English ones.
 */
export interface ProblemInfo {
  /** Which step detects it. */
  readonly step: StepName;
  /** Default severity (a check may raise it, e.g. CLOCK_SKEW over 5 minutes). */
  readonly severity: Severity;
  /** Short title. */
  readonly title: string;
  /** Plain-language explanation. */
  readonly explanation: string;
  /** The fix; a check may attach a concrete action (e.g. the corrected sign-in link). */
  readonly fix: Fix;
}

/**
 * Trakt's page listing the apps that hold access to the account. Since Trakt's 2026 redesign it lives on
 * app.trakt.tv (trakt/trakt-web#3021 redirects the old `trakt.tv/oauth/authorized_applications` there).
 */
export const TRAKT_CONNECTED_APPS_URL = 'https://app.trakt.tv/settings/apps/connected';
/** Stremio's downloads page. */
export const STREMIO_DOWNLOADS_URL = 'https://www.stremio.com/downloads';
/** Stremio's account settings page (Integrations → Trakt), Stremio/stremio-bugs#1427. */
export const STREMIO_ACCOUNT_SETTINGS_URL = 'https://www.stremio.com/acc-settings';

/** What a code fixes apart from its words: the step that detects it, its default severity, its one-click action. */
interface ProblemSpec {
  readonly step: StepName;
  readonly severity: Severity;
  /** The action without its label (an open-url label is the text `problems:<CODE>.fix.action`). */
  readonly action?: FixAction;
  /**
   * The other wordings its texts have, chosen by the evidence (`ProblemObservation.variant`): i18next contexts,
   * e.g. `explanation_preMigration` next to `explanation` (docs/i18n.md "Problems").
   */
  readonly variants?: readonly string[];
}

// The re-link sequence of TRAKT_TOKEN_REVOKED starts the steps of SCROBBLES_NOT_REACHING_TRAKT too
// (docs/architecture.md "Steps": Revoked); the retry fixes (SERVICE_OUTAGE, …) end in "Run this step again".
const SPECS = {
  STREMIO_NOT_FOUND: { step: 'version', severity: 'info', action: { kind: 'open-url', url: STREMIO_DOWNLOADS_URL } },
  STREMIO_OUTDATED: { step: 'version', severity: 'warning', action: { kind: 'open-url', url: STREMIO_DOWNLOADS_URL } },
  STREMIO_V4_UNMAINTAINED: {
    step: 'version',
    severity: 'warning',
    action: { kind: 'open-url', url: STREMIO_DOWNLOADS_URL },
  },
  UPDATE_CHECK_FAILED: { step: 'version', severity: 'info', action: { kind: 'open-url', url: STREMIO_DOWNLOADS_URL } },
  STREMIO_RUNNING: { step: 'cache', severity: 'info', action: { kind: 'rerun-step', step: 'cache' } },
  STREAMING_SERVER_DOWN: { step: 'cache', severity: 'info' },
  CACHED_PROFILE_STALE: { step: 'cache', severity: 'warning' },
  OFFLINE: { step: 'connectivity', severity: 'critical', action: { kind: 'rerun-step', step: 'connectivity' } },
  DNS_FAILURE: { step: 'connectivity', severity: 'critical', action: { kind: 'rerun-step', step: 'connectivity' } },
  DNS_FILTERED: { step: 'connectivity', severity: 'critical', action: { kind: 'rerun-step', step: 'connectivity' } },
  IPV6_BROKEN: { step: 'connectivity', severity: 'warning' },
  TCP_BLOCKED: { step: 'connectivity', severity: 'critical', action: { kind: 'rerun-step', step: 'connectivity' } },
  TLS_INTERCEPTED: { step: 'connectivity', severity: 'critical' },
  TLS_INVALID: { step: 'connectivity', severity: 'critical' },
  CAPTIVE_PORTAL: { step: 'connectivity', severity: 'critical', action: { kind: 'rerun-step', step: 'connectivity' } },
  PROXY_IN_USE: { step: 'connectivity', severity: 'info' },
  PROXY_AUTH_REQUIRED: { step: 'connectivity', severity: 'critical' },
  // Cloudflare's temporary ban (error 1015, "banned you temporarily"): wait, not another network (trakt/trakt-api#922).
  CLOUDFLARE_BLOCKED: { step: 'connectivity', severity: 'critical', variants: ['temporary'] },
  SERVICE_OUTAGE: { step: 'connectivity', severity: 'critical' },
  ENDPOINT_TIMEOUT: { step: 'connectivity', severity: 'critical' },
  CLOCK_SKEW: { step: 'connectivity', severity: 'warning' },
  SLOW_NETWORK: { step: 'connectivity', severity: 'info' },
  STREMIO_NOT_SIGNED_IN: { step: 'token', severity: 'info', action: { kind: 'rerun-step', step: 'token' } },
  STREMIO_AUTH_INVALID: { step: 'token', severity: 'critical', action: { kind: 'rerun-step', step: 'token' } },
  TRAKT_NOT_LINKED: {
    step: 'token',
    severity: 'warning',
    action: { kind: 'open-url', url: STREMIO_ACCOUNT_SETTINGS_URL },
  },
  // A link made before Trakt's OAuth migration can never be renewed: re-authenticating once fixes it (trakt/trakt-api#888).
  TRAKT_TOKEN_EXPIRED: {
    step: 'token',
    severity: 'critical',
    action: { kind: 'open-url', url: STREMIO_ACCOUNT_SETTINGS_URL },
    variants: ['preMigration'],
  },
  TRAKT_TOKEN_EXPIRING: { step: 'token', severity: 'info' },
  TRAKT_LINK_NOT_RENEWED: {
    step: 'token',
    severity: 'warning',
    action: { kind: 'open-url', url: STREMIO_ACCOUNT_SETTINGS_URL },
  },
  AUTH_URL_WRONG_HOST: { step: 'token', severity: 'critical' },
  AUTH_REDIRECT_FAILED: {
    step: 'token',
    severity: 'critical',
    action: { kind: 'open-url', url: STREMIO_ACCOUNT_SETTINGS_URL },
  },
  // `required`: Trakt answered "pkce is required when requesting offline_access scope" instead of adding a challenge.
  TRAKT_AUTH_PKCE_INJECTED: { step: 'token', severity: 'critical', variants: ['required'] },
  TRAKT_AUTH_SERVER_ERROR: { step: 'token', severity: 'critical' },
  TRAKT_AUTH_REJECTED: { step: 'token', severity: 'critical' },
  OAUTH_DENIED: { step: 'token', severity: 'warning' },
  OAUTH_STATE_MISMATCH: { step: 'token', severity: 'warning' },
  OAUTH_REDIRECT_MISMATCH: { step: 'token', severity: 'critical' },
  OAUTH_INVALID_GRANT: { step: 'token', severity: 'critical' },
  OAUTH_INVALID_CLIENT: { step: 'token', severity: 'critical' },
  OAUTH_INVALID_REQUEST: { step: 'token', severity: 'critical' },
  LOOPBACK_UNAVAILABLE: { step: 'token', severity: 'warning' },
  TRAKT_TOKEN_REVOKED: {
    step: 'revoked',
    severity: 'critical',
    action: { kind: 'open-url', url: TRAKT_CONNECTED_APPS_URL },
    variants: ['preMigration'],
  },
  TRAKT_APP_UNAPPROVED: { step: 'revoked', severity: 'critical' },
  TRAKT_ACCOUNT_LOCKED: { step: 'revoked', severity: 'critical' },
  TRAKT_ACCOUNT_DEACTIVATED: { step: 'revoked', severity: 'critical' },
  TRAKT_VIP_REQUIRED: { step: 'revoked', severity: 'warning' },
  TRAKT_ACCOUNT_LIMIT: { step: 'revoked', severity: 'warning' },
  TRAKT_RATE_LIMITED: { step: 'revoked', severity: 'warning' },
  KNOWN_INCIDENT: { step: 'connectivity', severity: 'info' },
  INCIDENT_FEED_INVALID: { step: 'connectivity', severity: 'info' },
  // `linkWorks`: the link reads Trakt and the events path is open, so "play, pause and resume once" comes first
  // (stremio-core `src/models/player.rs`: the first scrobble is sent on a pause or resume, not on the first play).
  SCROBBLES_NOT_REACHING_TRAKT: {
    step: 'scrobbling',
    severity: 'critical',
    action: { kind: 'open-url', url: TRAKT_CONNECTED_APPS_URL },
    variants: ['linkWorks'],
  },
  SCROBBLE_IDS_UNSUPPORTED: { step: 'scrobbling', severity: 'warning' },
  TRAKT_APP_LIMIT_RISK: {
    step: 'scrobbling',
    severity: 'warning',
    action: { kind: 'open-url', url: TRAKT_CONNECTED_APPS_URL },
  },
  STREMIO_EVENTS_BLOCKED: { step: 'scrobbling', severity: 'critical' },
  SCROBBLE_NOT_SEEN_LIVE: { step: 'scrobbling', severity: 'critical' },
  STREMIO_TRAKT_ADDON_MISSING: { step: 'scrobbling', severity: 'warning' },
} as const satisfies Record<string, ProblemSpec>;

/** A problem code. */
export type ProblemCode = keyof typeof SPECS;

/** The words of one code in one language, as in `shared/locales/<locale>/problems.json`. */
export interface ProblemTexts {
  readonly title: string;
  readonly explanation: string;
  readonly fix: { readonly title: string; readonly steps: readonly string[]; readonly action?: string };
}

/** A code's English words, its placeholders said as for a Stremio not found (both menus named). */
function entryOf(code: ProblemCode, spec: ProblemSpec, texts: ProblemTexts): ProblemInfo {
  const tr = englishTranslator();
  const params = catalogParams(tr);
  const say = (path: string) => tr.known(problemKey(code, path), params) ?? '';
  const action = spec.action && {
    ...spec.action,
    ...(texts.fix.action !== undefined ? { label: texts.fix.action } : {}),
  };
  return {
    step: spec.step,
    severity: spec.severity,
    title: say('title'),
    explanation: say('explanation'),
    fix: {
      title: say('fix.title'),
      steps: tr.list(`problems:${code}.fix.steps`, params),
      ...(action ? { action } : {}),
    },
  };
}

const english = ENGLISH_RESOURCES['problems'] as Readonly<Record<string, ProblemTexts | undefined>> | undefined;

/** The wordings a code's texts have besides their default (its evidence picks one). */
export function problemVariants(code: ProblemCode): readonly string[] {
  const spec: ProblemSpec = SPECS[code];
  return spec.variants ?? [];
}

/**
 * True when a code's fix names Stremio's menus (its English steps name `{{authenticate}}`, `{{logOut}}`, `{{relink}}` or
 * `{{mainProfile}}`): its finding then carries the Stremio generation the Version step found.
 */
export function fixNamesStremioMenus(code: ProblemCode): boolean {
  const entry = english?.[code];
  const texts = entry ? Object.entries(entry.fix).filter(([key]) => key.startsWith('steps')) : [];
  return texts.some(([, steps]) => Array.isArray(steps) && steps.some((step: string) => namesStremioMenus(step)));
}

/**
 * Every problem code with its catalog entry, in English (the window and CLI say them in their language via
 * `findingText`). Each entry is worded on first read and kept: wording all of them when the module loads cost the
 * window's start-up ~50 ms (docs/testing.md "Benchmarks"), and Welcome shows none. A code without English texts
 * still fails when the module loads.
 */
export const PROBLEMS: Readonly<Record<ProblemCode, ProblemInfo>> = Object.freeze(
  Object.defineProperties(
    {} as Record<ProblemCode, ProblemInfo>,
    Object.fromEntries(
      (Object.keys(SPECS) as ProblemCode[]).map((code) => {
        const texts = english?.[code];
        if (!texts) throw new Error(`shared/locales/en/problems.json has no texts for ${code}`);
        let entry: ProblemInfo | undefined;
        const descriptor: PropertyDescriptor = {
          enumerable: true,
          get: () => (entry ??= entryOf(code, SPECS[code], texts)),
        };
        return [code, descriptor];
      }),
    ),
  ),
);

/** True when `value` is a known problem code. */
export function isProblemCode(value: string): value is ProblemCode {
  return Object.hasOwn(SPECS, value);
}
