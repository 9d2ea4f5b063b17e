/*
 * Step-specific panels: the one place a step gets UI beyond the generic, data-driven check rows.
 *
 * To add a panel:
 *   1. Create `renderer/src/panels/<your-panel>.tsx` exporting a component `(props: PanelProps) => JSX`.
 *   2. A panel that shows only once the step has results: export it from `deferred-panels.ts` and register
 *      `deferred('YourPanel')` (its code loads after the window's first paint, deferred.tsx); one that shows
 *      before any result: import it here.
 *   3. Add one line to that page's list below:
 *        `{ id: 'token-sign-in', placement: 'lead', component: TokenSignInPanel },`
 *      Panels render in list order, each wrapped in `<section data-panel="<id>">`; the placement
 *      (panel-types.ts) says where: leading until the step has a result, around the result, or inside
 *      "Technical details" (tables of hosts, hops and layers go there).
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
 * Every step runs ahead without extras when the diagnosis starts; the Token step therefore runs without
 * credentials and its sign-in panel calls `signIn({ credentials })`.
 */
import { deferred } from './deferred';
import { OAuthSignInTestCard } from './oauth-sign-in-test';
import type { PanelEntry, PanelPage } from './panel-types';
import { TokenSignInPanel } from './token-sign-in';

const CacheBackupPanel = deferred('CacheBackupPanel');
const ConnectivityChains = deferred('ConnectivityChains');
const ConnectivityHelp = deferred('ConnectivityHelp');
const LiveScrobbleTestPanel = deferred('LiveScrobbleTestPanel');
const RelinkWatchPanel = deferred('RelinkWatchPanel');
const ScrobblingComparison = deferred('ScrobblingComparison');
const ScrobblingTimelinePanel = deferred('ScrobblingTimelinePanel');
const TokenSignInChain = deferred('TokenSignInChain');

/** The panels of each page, in display order. The Summary places its bundle export itself (under the fix that asks for it). */
export const STEP_PANELS: Readonly<Record<PanelPage, readonly PanelEntry[]>> = {
  version: [],
  cache: [{ id: 'cache-backup', placement: 'after-checks', component: CacheBackupPanel }],
  connectivity: [
    { id: 'connectivity-help', placement: 'after-checks', component: ConnectivityHelp },
    { id: 'connectivity-chains', placement: 'technical', component: ConnectivityChains },
  ],
  token: [
    { id: 'token-sign-in', placement: 'lead', component: TokenSignInPanel },
    // Right after the step's findings: the re-link fix's "tell me when it worked".
    { id: 'relink-watch', placement: 'after-checks', component: RelinkWatchPanel },
    { id: 'oauth-sign-in-test', placement: 'after-checks', component: OAuthSignInTestCard },
    { id: 'token-sign-in-chain', placement: 'technical', component: TokenSignInChain },
  ],
  revoked: [{ id: 'relink-watch', placement: 'after-checks', component: RelinkWatchPanel }],
  scrobbling: [
    // The picture leads: the day scrobbles stopped shows at a glance, above the verdict and its (long) fix.
    { id: 'scrobbling-timeline', placement: 'before-checks', component: ScrobblingTimelinePanel },
    { id: 'scrobbling-comparison', placement: 'after-checks', component: ScrobblingComparison },
    { id: 'live-scrobble-test', placement: 'after-checks', component: LiveScrobbleTestPanel },
  ],
  summary: [],
};
