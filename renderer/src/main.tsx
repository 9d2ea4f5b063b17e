import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, prefetchSummary } from './app';
import { createWizardStore } from './store/wizard-store';
import { WizardProvider } from './store/use-wizard';

const store = createWizardStore(window.doctor);
void store.getState().refreshAppInfo();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <WizardProvider store={store}>
        <App />
      </WizardProvider>
    </StrictMode>,
  );
  setTimeout(prefetchSummary, 1000);
}
