import { useMemo } from 'react';
import type { Report } from '../../../shared/report';
import { combineReports } from '../../../shared/combine-reports';
import { useWizard } from './use-wizard';

// Kept apart from use-wizard so the ranking code (and what it imports) loads with the Summary, not at start-up.

/** Every finished step's report combined into one (the Summary's data), or null when none ran. */
export function useCombinedReport(): Report | null {
  const steps = useWizard((state) => state.steps);
  return useMemo(() => combineReports(steps), [steps]);
}
