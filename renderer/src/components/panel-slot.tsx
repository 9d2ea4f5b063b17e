import { STEP_PANELS } from '../panels/registry';
import type { PanelPage, PanelPlacement } from '../panels/panel-types';

/** Renders the registered panels of a page at one placement, in registry order. */
export function PanelSlot({ page, placement }: { readonly page: PanelPage; readonly placement: PanelPlacement }) {
  const panels = STEP_PANELS[page].filter((panel) => panel.placement === placement);
  return (
    <>
      {panels.map(({ id, component: Panel }) => (
        <section key={id} className="panel" data-panel={id}>
          <Panel page={page} />
        </section>
      ))}
    </>
  );
}
