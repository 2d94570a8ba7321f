// The onboarding wizard, loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const OnboardingPage = lazy(() => import('./pages/OnboardingPage'));

/** Freelancer routes, rendered in the signed-in layout. */
export const onboardingRoutes: RouteObject[] = [
  { path: 'app/onboarding', element: <OnboardingPage /> },
  // Emails about new terms link here.
  { path: 'app/onboarding/terms', element: <OnboardingPage requested="terms" /> },
];
