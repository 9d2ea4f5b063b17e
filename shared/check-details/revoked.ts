/*
 * The Revoked-access step's check ids: the window names checks by these, never by literal. Its one check's details
 * are not read back by any panel.
 */

/** The Revoked-access step's check ids, in report order. */
export const REVOKED_CHECK_IDS = { usersSettings: 'revoked.users-settings' } as const;
