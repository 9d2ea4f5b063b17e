import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchSummary } from './app';
import { createWindowI18n, initialLocale } from './i18n/window-i18n';
import { loadDeferredPanels } from './panels/deferred';
import { createWizardStore } from './store/wizard-store';
import { WizardProvider } from './store/use-wizard';
import { WindowProvider } from './store/preferences';

const store = createWizardStore(window.doctor);
void store.getState().refreshAppInfo();

async function start(root: HTMLElement): Promise<void> {
  // The saved language and theme come with the preload (shared/preferences-argument.ts): no round trip before the
  // first paint (docs/testing.md "Benchmarks": interactive < 500 ms), and no flash of another language.
  const preferences = window.doctor.initialPreferences ?? {};
  // English needs no chunk at all; another language loads its chunk before the first paint.
  const i18n = await createWindowI18n(initialLocale(preferences.locale, navigator.languages));
  createRoot(root).render(
    <StrictMode>
      <WindowProvider i18n={i18n} api={window.doctor} initialTheme={preferences.theme ?? 'system'}>
        <WizardProvider store={store}>
          <App />
        </WizardProvider>
      </WindowProvider>
    </StrictMode>,
  );
  // What the first page does not show loads once the window is idle: the panels that need results first.
  requestIdleCallback(() => void loadDeferredPanels(), { timeout: 1000 });
  setTimeout(prefetchSummary, 1000);
}

const root = document.getElementById('root');
if (root) void start(root);
