// The route tree. Features contribute their (lazily loaded) routes; the app decides the
// layout and the guards around them.
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { adminRoutes } from '@/features/admin';
import { authPublicRoutes } from '@/features/auth';
import { homeAppRoutes, homePublicRoutes } from '@/features/home';
import { LoadingState } from '@/components/LoadingState';
import { STAFF_ROLES } from '@/lib/session/roles';
import { RequireAuth } from './guards/RequireAuth';
import { RequireRole } from './guards/RequireRole';
import { PublicLayout } from './layout/PublicLayout';
import NotFoundPage from './pages/NotFoundPage';
import RouteErrorPage from './pages/RouteErrorPage';

// The signed-in shell (AppShell, menus, popovers) loads only once someone signs in.
const AppLayout = lazy(() => import('./layout/AppLayout'));

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [...homePublicRoutes, ...authPublicRoutes, { path: '*', element: <NotFoundPage /> }],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: (
              <Suspense fallback={<LoadingState />}>
                <AppLayout />
              </Suspense>
            ),
            children: [
              ...homeAppRoutes,
              {
                path: 'admin',
                element: <RequireRole roles={STAFF_ROLES} />,
                children: adminRoutes,
              },
            ],
          },
        ],
      },
    ],
  },
];
