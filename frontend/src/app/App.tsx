import { flushSync } from 'react-dom';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './AppProviders';
import { exposeDiagnostics } from './diagnostics';
import { routes } from './routes';

const router = createBrowserRouter(routes);
exposeDiagnostics(routes);

export function App() {
  return (
    <AppProviders>
      {/* flushSync enables `navigate(to, { flushSync: true })`, which logout relies on. */}
      <RouterProvider router={router} flushSync={(fn) => void flushSync(fn)} />
    </AppProviders>
  );
}
