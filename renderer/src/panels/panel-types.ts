import type { ComponentType } from 'react';
import type { StepName } from '../../../shared/steps';

/** A page that can host panels: any diagnostic step, or the Summary. */
export type PanelPage = StepName | 'summary';

/** Props every panel receives. Everything else comes from the store hooks (store/use-wizard.tsx). */
export interface PanelProps {
  /** The page the panel is on. */
  readonly page: PanelPage;
}

/**
 * Where a panel sits on its page: `lead` above the result until the step has one, then below it (the Token
 * step's ways in fold away once used); above the result (`before-checks`); below it (`after-checks`, extra
 * views of the results); or inside "Technical details" (`technical`: tables of hosts, hops, layers).
 */
export type PanelPlacement = 'lead' | 'before-checks' | 'after-checks' | 'technical';

/** One registered panel. */
export interface PanelEntry {
  /** Stable id (React key, test hook: rendered inside `data-panel="<id>"`). */
  readonly id: string;
  readonly placement: PanelPlacement;
  readonly component: ComponentType<PanelProps>;
}
