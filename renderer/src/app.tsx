import { Suspense, lazy } from 'react';
import { LiveRegion } from './components/live-region';
import { Stepper } from './components/stepper';
import { WindowSettings } from './components/window-settings';
import { useTr } from './i18n/use-tr';
import { StepPage } from './pages/step-page';
import { WelcomePage } from './pages/welcome-page';
import { isStepPage } from './lib/pages';
import { useWizard } from './store/use-wizard';

// The Summary (with the Markdown renderer and the shared report schemas it pulls in) is its own chunk:
// start-up parses only what Welcome and the steps need (docs/testing.md "Benchmarks": renderer budget).
const SummaryPage = lazy(() => import('./pages/summary-page').then((m) => ({ default: m.SummaryPage })));

/** Starts fetching the Summary chunk once the wizard is idle, so opening it later is instant. */
export function prefetchSummary(): void {
  void import('./pages/summary-page');
}

/** The wizard: a header (name, language and theme), the stepper, the current page and the one live region. */
export function App({ announceDelayMs }: { readonly announceDelayMs?: number } = {}) {
  const { t } = useTr();
  const page = useWizard((s) => s.page);
  const version = useWizard((s) => s.appInfo?.version);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('wizard:app.skip')}
      </a>
      <header className="topbar">
        <span className="logo" aria-hidden="true">
          ✚
        </span>
        <h1 className="app-name">Stremio Trakt Doctor</h1>
        {version && <span className="muted small app-version">{t('wizard:app.version', { version })}</span>}
        <WindowSettings />
      </header>
      <div className="layout">
        <Stepper />
        <main id="main" className="content">
          {page === 'welcome' ? (
            <WelcomePage />
          ) : page === 'summary' ? (
            <Suspense fallback={<p className="muted">{t('wizard:app.loadingSummary')}</p>}>
              <SummaryPage />
            </Suspense>
          ) : isStepPage(page) ? (
            <StepPage key={page} step={page} />
          ) : null}
        </main>
      </div>
      <LiveRegion {...(announceDelayMs === undefined ? {} : { delayMs: announceDelayMs })} />
    </div>
  );
}
