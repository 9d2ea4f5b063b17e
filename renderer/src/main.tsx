import { StrictMode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { App, prefetchSummary } from './app';
import { createWindowI18n, initialLocale } from './i18n/window-i18n';
import { loadDeferredPanels } from './panels/deferred';
import { createWizardStore } from './store/wizard-store';
import { WizardProvider } from './store/use-wizard';
import { WindowProvider } from './store/preferences';

// App facts (`app:get-info`) are read by the panels that need them: nothing asks main anything before the first paint.
const store = createWizardStore(window.doctor);

async function start(root: HTMLElement): Promise<void> {
  // The saved language and theme come with the preload (shared/preferences-argument.ts): no round trip before the
  // first paint (docs/testing.md "Benchmarks": interactive < 500 ms), and no flash of another language.
  const preferences = window.doctor.initialPreferences ?? {};
  // English needs no chunk at all; another language loads its chunk before the first paint.
  const i18n = await createWindowI18n(initialLocale(preferences.locale, navigator.languages));
  // The first render runs in a task of its own once the document is parsed (rendered earlier, the parser's end
  // laid the page out at once), and synchronously, effects included (store subscriptions): when Start exists the
  // window has finished starting, and a first click is handled at once like any later one. Rendered at default
  // priority, its effects waited for a later task, and a click before the first paint waited for them behind the
  // first frame (docs/testing.md "Benchmarks").
  await new Promise((resolve) => setTimeout(resolve, 0));
  const reactRoot = createRoot(root);
  flushSync(() =>
    reactRoot.render(
      <StrictMode>
        <WindowProvider i18n={i18n} api={window.doctor} initialTheme={preferences.theme ?? 'system'}>
          <WizardProvider store={store}>
            <App />
          </WizardProvider>
        </WindowProvider>
      </StrictMode>,
    ),
  );
  // What the first page does not show loads once the window is idle (a panel that mounts earlier loads its own).
  setTimeout(() => {
    void loadDeferredPanels();
    prefetchSummary();
  }, 1000);
}

const root = document.getElementById('root');
if (root) void start(root);
