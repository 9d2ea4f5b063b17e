import { TRAKT_AUTH_MIGRATION_MS } from '../../../../shared/trakt-changes';
import type { TraktLink } from '../../clients/stremio/account';

/** The name of the catalog wording for a link made before Trakt's OAuth migration (TRAKT_TOKEN_EXPIRED, _REVOKED). */
export const PRE_MIGRATION = 'preMigration';

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * For a link made before Trakt's OAuth migration (shared/trakt-changes.ts), the English evidence that says so with
 * both dates: its refresh token "predates our recent auth migration, so it can't be exchanged any more"
 * (trakt/trakt-api#888), so Stremio can never renew it. Null for a link made on the day of the migration or later.
 */
export function preMigrationEvidence(link: TraktLink): string | null {
  const madeMs = link.createdAt * 1000;
  if (madeMs >= TRAKT_AUTH_MIGRATION_MS) return null;
  return `made ${day(madeMs)}, before Trakt's OAuth migration of ${day(TRAKT_AUTH_MIGRATION_MS)}: a refresh token that old can no longer be exchanged (trakt/trakt-api#888), so this link can never be renewed`;
}
