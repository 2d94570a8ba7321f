// The catalogue (staff), loaded on demand. The app layer guards it by role.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const CatalogPage = lazy(() => import('./pages/CatalogPage'));

/** Staff routes, children of /admin. */
export const catalogStaffRoutes: RouteObject[] = [{ path: 'catalog', element: <CatalogPage /> }];
