import { Suspense, lazy } from 'react';
import { TOOL_VERSION } from '../../shared/tool-version';
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

/**
 * The wizard: a header (name, language and theme), the stepper, the current page and the one live region. Each
 * part subscribes to what it shows, so opening a page re-renders the stepper and the page, not the header.
 */
export function App({ announceDelayMs }: { readonly announceDelayMs?: number } = {}) {
  const { t } = useTr();
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
        <AppVersion />
        <WindowSettings />
      </header>
      <div className="layout">
        <Stepper />
        <main id="main" className="content">
          <CurrentPage />
        </main>
      </div>
      <LiveRegion {...(announceDelayMs === undefined ? {} : { delayMs: announceDelayMs })} />
    </div>
  );
}

/** The app's version: the build's own, so the header waits for no `app:get-info` round trip. */
function AppVersion() {
  const { t } = useTr();
  return <span className="muted small app-version">{t('wizard:app.version', { version: TOOL_VERSION })}</span>;
}

/** The page on screen. */
function CurrentPage() {
  const { t } = useTr();
  const page = useWizard((s) => s.page);
  if (page === 'welcome') return <WelcomePage />;
  if (page === 'summary')
    return (
      <Suspense fallback={<p className="muted">{t('wizard:app.loadingSummary')}</p>}>
        <SummaryPage />
      </Suspense>
    );
  return isStepPage(page) ? <StepPage key={page} step={page} /> : null;
}
