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

// In the app the preferences answer in a few ms; a slow bridge must not hold the first paint (docs/testing.md
// "Benchmarks": interactive < 500 ms), so after this wait the window starts with the OS's language and theme and
// takes the saved ones when they arrive.
const PREFERENCES_WAIT_MS = 20;

async function start(root: HTMLElement): Promise<void> {
  const saved = callSafely(() => window.doctor['settings:get-preferences']({})).then((answer): Preferences =>
    answer.ok ? answer.value : {},
  );
  const early = await Promise.race([
    saved,
    new Promise<null>((resolve) => setTimeout(() => resolve(null), PREFERENCES_WAIT_MS)),
  ]);
  const preferences = early ?? {};
  // The language is known before the first paint (no English flash); English needs no chunk at all.
  const i18n = await createWindowI18n(initialLocale(preferences.locale, navigator.languages));
  createRoot(root).render(
    <StrictMode>
      <WindowProvider
        i18n={i18n}
        api={window.doctor}
        initialTheme={preferences.theme ?? 'system'}
        {...(early ? {} : { latePreferences: saved })}
      >
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
