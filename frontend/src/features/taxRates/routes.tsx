// The tax table (staff), loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const TaxRatesPage = lazy(() => import('./pages/TaxRatesPage'));

/** Staff routes, children of /admin. */
export const taxRateStaffRoutes: RouteObject[] = [{ path: 'tax-rates', element: <TaxRatesPage /> }];
