// The panels (and panel parts) that show only once a step has results: one chunk, loaded after the first paint
// (deferred.tsx). A panel that shows before any result (the Token step's ways in, the sign-in test's card) is
// imported by registry.ts directly instead.
export { CacheBackupPanel } from './cache-backup';
export { ConnectivityChains } from './connectivity-chains';
export { ConnectivityHelp } from './connectivity-help';
export { LiveScrobbleTestPanel } from './live-scrobble-test';
export { OAuthResult } from './oauth-result';
export { RelinkWatchPanel } from './relink-watch';
export { ScrobblingComparison } from './scrobbling-comparison';
export { ScrobblingTimelinePanel } from './scrobbling-timeline';
export { TokenSignInChain } from './token-sign-in-chain';
