import type { CheckDefinition } from '../check';

/** The token step's checks, in report order. */
export const TOKEN_CHECKS: readonly CheckDefinition[] = [];
