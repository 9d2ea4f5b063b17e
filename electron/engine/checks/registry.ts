import type { CheckDefinition } from './check';
import { captivePortalCheck } from './captive-portal';

/** Every check the engine knows, in report order. Step issues add theirs here. */
export const CHECKS: readonly CheckDefinition[] = [captivePortalCheck];
