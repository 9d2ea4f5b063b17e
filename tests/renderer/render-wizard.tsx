import { act, render } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import type { Theme } from '../../shared/ipc';
import { App } from '../../renderer/src/app';
import { englishWindowI18n } from '../../renderer/src/i18n/window-i18n';
import { loadDeferredPanels } from '../../renderer/src/panels/deferred';
import type { WizardPage } from '../../renderer/src/lib/pages';
import { WindowProvider } from '../../renderer/src/store/preferences';
import { WizardProvider } from '../../renderer/src/store/use-wizard';
import { createWizardStore, type WizardStore } from '../../renderer/src/store/wizard-store';
import { createFakeDoctor, type FakeDoctor, type FakeHandlers } from './fake-doctor';

// The window loads the panels that need results once it is idle after its first paint, long before results
// arrive; the tests render results at once, so the chunk is there from the start (tests/renderer/deferred-panels.test.tsx
// covers the loading itself).
await loadDeferredPanels();

/** Renders the whole wizard (English unless `i18n` says otherwise) against a fake DoctorApi; returns the fake and the store. */
export function renderWizard(
  options: {
    readonly page?: WizardPage;
    readonly handlers?: FakeHandlers;
    readonly fake?: FakeDoctor;
    readonly i18n?: I18n;
    readonly theme?: Theme;
    readonly announceDelayMs?: number;
  } = {},
): { fake: FakeDoctor; store: WizardStore; i18n: I18n } {
  const fake = options.fake ?? createFakeDoctor(options.handlers);
  const store = createWizardStore(fake.api, 'welcome');
  const i18n = options.i18n ?? englishWindowI18n();
  render(
    <WindowProvider i18n={i18n} api={fake.api} initialTheme={options.theme ?? 'system'}>
      <WizardProvider store={store}>
        <App {...(options.announceDelayMs === undefined ? {} : { announceDelayMs: options.announceDelayMs })} />
      </WizardProvider>
    </WindowProvider>,
  );
  const page = options.page;
  if (page && page !== 'welcome') act(() => store.getState().goTo(page));
  return { fake, store, i18n };
}
