import type { ComponentType } from 'react';
import type { StepName } from '../../../shared/steps';

/** A page that can host panels: any diagnostic step, or the Summary. */
export type PanelPage = StepName | 'summary';

/** Props every panel receives. Everything else comes from the store hooks (store/use-wizard.tsx). */
export interface PanelProps {
  /** The page the panel is on. */
  readonly page: PanelPage;
}

/** Where a panel sits on its page: above the live check rows (forms, inputs) or below them (extra views of the results). */
export type PanelPlacement = 'before-checks' | 'after-checks';

/** One registered panel. */
export interface PanelEntry {
  /** Stable id (React key, test hook: rendered inside `data-panel="<id>"`). */
  readonly id: string;
  readonly placement: PanelPlacement;
  readonly component: ComponentType<PanelProps>;
}
