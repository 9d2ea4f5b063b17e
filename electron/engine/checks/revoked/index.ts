import type { CheckDefinition } from '../check';

/** The revoked step's checks, in report order. */
export const REVOKED_CHECKS: readonly CheckDefinition[] = [];
