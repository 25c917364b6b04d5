// The shell: header with navigation and the language toggle, then the screen for the current route. Heavier
// screens (workshop, progress, bank, import) load on demand.
import { lazy, Suspense, useEffect } from 'react';
import { LangToggle } from './components/LangToggle';
import { useT } from './i18n';
import { href, useRoute } from './lib/router';
import { Home } from './pages/Home';
import { InterviewPage } from './pages/InterviewPage';

const WorkshopPage = lazy(() => import('./pages/WorkshopPage'));
const ProgressPage = lazy(() => import('./pages/ProgressPage'));
const BankPage = lazy(() => import('./pages/BankPage'));
const ImportPage = lazy(() => import('./pages/ImportPage'));
const IncidentPage = lazy(() => import('./pages/IncidentPage'));

const NAV = [
  { id: 'home', path: '', label: 'nav.home' },
  { id: 'interview', path: 'interview', label: 'nav.interview' },
  { id: 'incident', path: 'incident', label: 'nav.incident' },
  { id: 'workshop', path: 'workshop', label: 'nav.workshop' },
  { id: 'progress', path: 'progress', label: 'nav.progress' },
  { id: 'bank', path: 'bank', label: 'nav.bank' },
  { id: 'import', path: 'import', label: 'nav.import' },
] as const;

function Screen({ route }: { route: string[] }) {
  const [page, id] = route;
  switch (page) {
    case undefined:
    case '':
      return <Home />;
    case 'interview':
      return <InterviewPage sessionId={id ?? null} />;
    case 'workshop':
      return <WorkshopPage questionId={id ?? null} />;
    case 'progress':
      return <ProgressPage />;
    case 'bank':
      return <BankPage questionId={id ?? null} />;
    case 'import':
      return <ImportPage path={route.slice(1)} />;
    case 'incident':
      return <IncidentPage incidentId={id ?? null} />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return (
    <section className="card">
      <h1>{t('notFound.title')}</h1>
      <p>
        <a href={href()}>{t('notFound.home')}</a>
      </p>
    </section>
  );
}

export function App() {
  const t = useT();
  const route = useRoute();
  const current = route[0] ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll to the top when the screen changes
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [current]);
  return (
    <>
      <button type="button" className="skip-link btn btn-secondary" onClick={skipToMain}>
        {t('shell.skip')}
      </button>
      <header className="app-header">
        <div className="app-header-inner">
          <a className="brand" href={href()} aria-label={t('shell.brandLabel')}>
            <span className="brand-mark" aria-hidden="true">
              m
            </span>
            <span className="brand-name">mockops</span>
          </a>
          <nav className="app-nav" aria-label={t('shell.nav')}>
            <ul className="nav-list">
              {NAV.map((item) => (
                <li key={item.id} className="nav-item">
                  <a
                    href={item.path ? href(item.path) : href()}
                    data-testid={`nav-${item.id}`}
                    className="nav-link"
                    aria-current={current === item.path ? 'page' : undefined}
                  >
                    {t(item.label)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <LangToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Suspense fallback={<p className="muted">{t('common.loading')}</p>}>
          <Screen route={route} />
        </Suspense>
      </main>
    </>
  );
}

function skipToMain() {
  document.getElementById('main')?.focus();
}
