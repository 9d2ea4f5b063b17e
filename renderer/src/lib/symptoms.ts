import type { StepName } from '../../../shared/steps';

/** What the user says happened, asked on Welcome (docs/architecture.md "Surfaces"): it picks the first page. */
export const SYMPTOMS = ['auth-error', 'stopped', 'scrobbles', 'everything'] as const;

/** One answer to "What happened?". */
export type Symptom = (typeof SYMPTOMS)[number];

/**
 * The step that answers each symptom first (every step still runs ahead): the 400 page → Token's paste box;
 * linked and then stopped → Token's reading of the link (its expiry, then Revoked access); watches not
 * reaching Trakt → Scrobbling; anything else → the steps in order.
 */
export const SYMPTOM_PAGE: Readonly<Record<Symptom, StepName>> = {
  'auth-error': 'token',
  stopped: 'token',
  scrobbles: 'scrobbling',
  everything: 'version',
};
