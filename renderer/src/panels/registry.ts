/*
 * Step-specific panels: the one place a step gets UI beyond the generic, data-driven check rows.
 *
 * To add a panel:
 *   1. Create `renderer/src/panels/<your-panel>.tsx` exporting a component `(props: PanelProps) => JSX`.
 *   2. Add one line to that page's list below:
 *        `{ id: 'token-sign-in', placement: 'before-checks', component: TokenSignInPanel },`
 *      Panels render in list order, each wrapped in `<section data-panel="<id>">`.
 *
 * What a panel may use (all documented in their files):
 *   - `useStepRun(step)`, `useStepReport(step)`, `useWizard(selector)` from `../store/use-wizard` — the
 *     step's live rows, status, report, error, and the app info; `useSessionReport()` (the service's
 *     diagnosis session: every step's latest results in one report, as the Summary and the bundle read it).
 *   - Actions via `useWizard((s) => s.runStep)`: `runStep(step, extras)` re-runs the step with the
 *     optional RunRequest fields `{ authUrl, credentials, rememberAuthKey }` (fresh runId, events
 *     streamed into the same rows); `signIn({ credentials, rememberAuthKey })` re-runs the checks that
 *     depend on the account; `startSignInTest(runId, mode)` starts the interactive sign-in test;
 *     `rerunStep(step)`, `cancelStep(step)`, `openUrl(url)`, `refreshAppInfo()`. Never call
 *     `diagnosis:run` directly: the store serialises runs.
 *   - Other channels (`profiles:discover`, `credentials:forget`, `settings:set-trakt-client-id`,
 *     `diagnosis:cancel` of a run of your own) through `callSafely(() => doctorApi()['channel'](request))` from
 *     `../lib/doctor-api` (errors are values). Run events the store does not route (e.g. `oauth-progress`)
 *     reach a panel that subscribes itself: `useEffect(() => doctorApi().onRunEvent(listener), [])`;
 *     use `newRunId(prefix)` from `../lib/run-id` for a run id of your own.
 *   - The shared building blocks in `../components/` (VerdictBadge, FixView, DetailsView, …).
 *
 * Steps auto-run without extras when first entered; the Token step therefore runs without credentials
 * and its sign-in panel calls `signIn({ credentials })`.
 */
import { CacheBackupPanel } from './cache-backup';
import { ConnectivityChains } from './connectivity-chains';
import { ConnectivityHelp } from './connectivity-help';
import { LiveScrobbleTestPanel } from './live-scrobble-test';
import { OAuthSignInTestCard } from './oauth-sign-in-test';
import { RelinkWatchPanel } from './relink-watch';
import { ScrobblingComparison } from './scrobbling-comparison';
import { SummaryExportPanel } from './summary-export';
import type { PanelEntry, PanelPage } from './panel-types';
import { TokenRevokedNote } from './token-revoked-note';
import { TokenSignInPanel } from './token-sign-in';
import { TokenSignInChain } from './token-sign-in-chain';

/** The panels of each page, in display order. */
export const STEP_PANELS: Readonly<Record<PanelPage, readonly PanelEntry[]>> = {
  version: [],
  cache: [{ id: 'cache-backup', placement: 'after-checks', component: CacheBackupPanel }],
  connectivity: [
    { id: 'connectivity-chains', placement: 'after-checks', component: ConnectivityChains },
    { id: 'connectivity-help', placement: 'after-checks', component: ConnectivityHelp },
  ],
  token: [
    { id: 'token-sign-in', placement: 'before-checks', component: TokenSignInPanel },
    // Right after the step's findings and rows: the re-link fix's "tell me when it worked".
    { id: 'relink-watch', placement: 'after-checks', component: RelinkWatchPanel },
    { id: 'token-sign-in-chain', placement: 'after-checks', component: TokenSignInChain },
    { id: 'oauth-sign-in-test', placement: 'after-checks', component: OAuthSignInTestCard },
  ],
  revoked: [
    { id: 'token-revoked-note', placement: 'before-checks', component: TokenRevokedNote },
    { id: 'relink-watch', placement: 'after-checks', component: RelinkWatchPanel },
  ],
  scrobbling: [
    { id: 'token-revoked-note', placement: 'before-checks', component: TokenRevokedNote },
    { id: 'scrobbling-comparison', placement: 'after-checks', component: ScrobblingComparison },
    { id: 'live-scrobble-test', placement: 'after-checks', component: LiveScrobbleTestPanel },
  ],
  summary: [{ id: 'summary-export', placement: 'before-checks', component: SummaryExportPanel }],
};
