import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import type { Me } from '@tribu/protocol/client';
import { api, ApiError } from './api/http.ts';
import { LoginPage } from './routes/login/LoginPage.tsx';

const HomePage = lazy(() => import('./routes/home/HomePage.tsx').then((m) => m.HomePage));

function Gate() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const { route, path } = useLocation();
  useEffect(() => {
    api.me().then(setMe, (e: unknown) => {
      if (e instanceof ApiError && e.status === 401) setMe(null);
      else setMe(null);
    });
  }, []);
  useEffect(() => {
    if (me === null && path !== '/backoffice/login') route('/backoffice/login', true);
    if (me && path === '/backoffice/login') route('/backoffice', true);
  }, [me, path, route]);
  if (me === undefined) return <div class="splash">Loading…</div>;
  return (
    <Router>
      <Route path="/backoffice/login" component={() => <LoginPage onSignedIn={setMe} />} />
      <Route default component={() => (me ? <HomePage me={me} onSignedOut={() => setMe(null)} /> : null)} />
    </Router>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Gate />
    </LocationProvider>
  );
}
