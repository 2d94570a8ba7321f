// The route tree. Features contribute their (lazily loaded) routes; the app decides the
// layout and the guards around them.
import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';
import { adminRoutes, StaffLayout } from '@/features/admin';
import { appealsRoutes, appealStaffRoutes } from '@/features/appeals';
import { applicationRoutes, applicationStaffRoutes } from '@/features/applications';
import { authPublicRoutes } from '@/features/auth';
import { catalogStaffRoutes } from '@/features/catalog';
import { customerAccountStaffRoutes } from '@/features/customerAccounts';
import { dashboardRoutes } from '@/features/dashboard';
import { earningsRoutes } from '@/features/earnings';
import { freelancerStaffRoutes } from '@/features/freelancers';
import { homeAppRoutes, homePublicRoutes } from '@/features/home';
import { invitationPublicRoutes, invitationStaffRoutes } from '@/features/invitations';
import { onboardingRoutes } from '@/features/onboarding';
import { subscriptionStaffRoutes } from '@/features/staffSubscriptions';
import { earningStaffRoutes } from '@/features/staffEarnings';
import { supportRoutes, supportStaffRoutes } from '@/features/support';
import { taxRateStaffRoutes } from '@/features/taxRates';
import { termsStaffRoutes } from '@/features/terms';
import { storefrontCustomerRoutes, storefrontPublicRoutes } from '@/features/storefront';
import { subscriptionCustomerRoutes } from '@/features/subscriptions';
import { billingCustomerRoutes } from '@/features/billing';
import { customerPublicRoutes, customerRoutes } from '@/features/customer';
import { LoadingState } from '@/components/LoadingState';
import { CUSTOMER_ROLES, FREELANCER_ROLES, STAFF_ROLES } from '@/lib/session/roles';
import { RequireAuth } from './guards/RequireAuth';
import { RequireRole } from './guards/RequireRole';
import { PublicLayout } from './layout/PublicLayout';
import { RouteFrame } from './layout/RouteAnnouncer';
import NotFoundPage from './pages/NotFoundPage';
import RouteErrorPage from './pages/RouteErrorPage';

// The signed-in shell (AppShell, menus, popovers) loads only once someone signs in.
const AppLayout = lazy(() => import('./layout/AppLayout'));

export const routes: RouteObject[] = [
  {
    element: <RouteFrame />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          ...homePublicRoutes,
          ...authPublicRoutes,
          ...invitationPublicRoutes,
          ...storefrontPublicRoutes,
          ...customerPublicRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
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
              // Support is for everyone signed in (staff too: emails to support link to tickets).
              ...supportRoutes,
              {
                element: <RequireRole roles={FREELANCER_ROLES} />,
                children: [...applicationRoutes, ...onboardingRoutes, ...dashboardRoutes, ...earningsRoutes, ...appealsRoutes],
              },
              {
                element: <RequireRole roles={CUSTOMER_ROLES} />,
                children: [...storefrontCustomerRoutes, ...subscriptionCustomerRoutes, ...billingCustomerRoutes, ...customerRoutes],
              },
              {
                path: 'admin',
                element: <RequireRole roles={STAFF_ROLES} />,
                // Each area brings its staff pages, as the backend keeps admin_routes.rs
                // beside routes.rs; the staff shell frames them all.
                children: [
                  {
                    element: <StaffLayout />,
                    children: [
                      ...adminRoutes,
                      ...invitationStaffRoutes,
                      ...applicationStaffRoutes,
                      ...appealStaffRoutes,
                      ...supportStaffRoutes,
                      ...freelancerStaffRoutes,
                      ...termsStaffRoutes,
                      ...customerAccountStaffRoutes,
                      ...catalogStaffRoutes,
                      ...taxRateStaffRoutes,
                      ...subscriptionStaffRoutes,
                      ...earningStaffRoutes,
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
];
