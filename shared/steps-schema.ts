import { z } from 'zod';
import { STEP_NAMES } from './steps';

/** zod schema of a step name. */
export const StepSchema = z.enum(STEP_NAMES);
