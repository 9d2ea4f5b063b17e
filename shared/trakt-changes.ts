/**
 * The dates of Trakt's 2026 changes that decide what the wizard says, each kept here once with its public source
 * (docs/sources.md "Trakt's 2026 changes"). The engine compares with them; the catalog's texts say them as dates.
 */

/**
 * Trakt's OAuth migration: links made before it hold a refresh token Trakt no longer exchanges. Trakt's API docs
 * moved every OAuth request to `auth.trakt.tv` on 2026-07-23 (trakt/trakt-api commit e03137a), broken sign-ins were
 * reported from 2026-07-24 (trakt/trakt-api#884), and staff confirmed on 2026-07-28 that a refresh token "predates
 * our recent auth migration, so it can't be exchanged any more. Affected users need to re-authorize once"
 * (trakt/trakt-api#888). No source gives the hour: a link is called pre-migration only when it was made before
 * the start of that day (UTC), so a link of the day itself is never told it can never be renewed.
 */
export const TRAKT_AUTH_MIGRATION_MS = Date.UTC(2026, 6, 23);

/**
 * Since this day a free Trakt account keeps one connected community app (VIP 50; premium and official apps never
 * count): Trakt's announcement quoted in martinargalas/ha-arr-stack-card#28 ("since 22 July 2026"); the
 * Connected Apps page's x/y meter came with trakt/trakt-web#2960 (2026-07-20). Noon UTC, so the day and month
 * read the same in every time zone.
 */
export const TRAKT_COMMUNITY_APP_LIMIT_MS = Date.UTC(2026, 6, 22, 12);
