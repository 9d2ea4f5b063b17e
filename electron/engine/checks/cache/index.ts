import type { CheckDefinition } from '../check';

/** The cache step's checks, in report order. */
export const CACHE_CHECKS: readonly CheckDefinition[] = [];
