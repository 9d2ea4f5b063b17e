import type { CheckDefinition } from '../check';
import { captivePortalCheck } from './captive-portal';

/** The connectivity step's checks, in report order. */
export const CONNECTIVITY_CHECKS: readonly CheckDefinition[] = [captivePortalCheck];
