import { Stepper } from './components/stepper';
import { SummaryPage } from './pages/summary-page';
import { StepPage } from './pages/step-page';
import { WelcomePage } from './pages/welcome-page';
import { isStepPage } from './lib/pages';
import { useWizard } from './store/use-wizard';

/** The wizard: a header, the stepper and the current page. */
export function App() {
  const page = useWizard((s) => s.page);
  const version = useWizard((s) => s.appInfo?.version);
  return (
    <div className="app">
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="logo" aria-hidden="true">✚</span>
        <h1 className="app-name">Stremio Trakt Doctor</h1>
        {version && <span className="muted small app-version">v{version}</span>}
      </header>
      <div className="layout">
        <Stepper />
        <main id="main" className="content">
          {page === 'welcome' ? <WelcomePage /> : page === 'summary' ? <SummaryPage /> : isStepPage(page) ? <StepPage key={page} step={page} /> : null}
        </main>
      </div>
    </div>
  );
}
