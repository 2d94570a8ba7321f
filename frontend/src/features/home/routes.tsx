// The home feature's pages, loaded on demand.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const LandingPage = lazy(() => import('./pages/LandingPage'));
const AppHomePage = lazy(() => import('./pages/AppHomePage'));

/** Rendered in the public layout. */
export const homePublicRoutes: RouteObject[] = [{ index: true, element: <LandingPage /> }];

/** Rendered in the signed-in layout. */
export const homeAppRoutes: RouteObject[] = [{ path: 'app', element: <AppHomePage /> }];
