import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Preferences } from '../../shared/ipc';
import { App, prefetchSummary } from './app';
import { createWindowI18n, initialLocale } from './i18n/window-i18n';
import { callSafely } from './lib/doctor-api';
import { createWizardStore } from './store/wizard-store';
import { WizardProvider } from './store/use-wizard';
import { WindowProvider } from './store/preferences';

const store = createWizardStore(window.doctor);
void store.getState().refreshAppInfo();

/** The saved language and theme; none when the bridge does not answer (the OS's then). */
async function savedPreferences(): Promise<Preferences> {
  const answer = await callSafely(() => window.doctor['settings:get-preferences']({}));
  return answer.ok ? answer.value : {};
}

async function start(root: HTMLElement): Promise<void> {
  const preferences = await savedPreferences();
  // The language is known before the first paint (no English flash); English needs no chunk at all.
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
  setTimeout(prefetchSummary, 1000);
}

const root = document.getElementById('root');
if (root) void start(root);
