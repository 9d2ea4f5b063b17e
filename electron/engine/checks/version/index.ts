import type { CheckDefinition } from '../check';

/** The version step's checks, in report order. */
export const VERSION_CHECKS: readonly CheckDefinition[] = [];
