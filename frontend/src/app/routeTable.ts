// The route table flattened: every path the router knows, with who may open it. The e2e
// test that walks every page in German reads it (through diagnostics), so a new route is
// visited without anyone listing it again.
import { isValidElement, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '@/lib/api/types';
import { RequireAuth } from './guards/RequireAuth';
import { RequireRole } from './guards/RequireRole';

/** `public`, any signed-in user, or one of these roles. */
export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

export interface RouteEntry {
  /** `/admin/appeals/:id`; `*` for the catch-all. */
  path: string;
  access: RouteAccess;
}

function accessOf(element: ReactNode, inherited: RouteAccess): RouteAccess {
  if (!isValidElement(element)) return inherited;
  if (element.type === RequireAuth) return 'signed-in';
  if (element.type === RequireRole) return (element.props as { roles: readonly Role[] }).roles;
  return inherited;
}

function join(base: string, path: string | undefined): string {
  if (path === undefined) return base;
  if (path.startsWith('/')) return path;
  return `${base.replace(/\/$/, '')}/${path}`;
}

export function routeTable(routes: readonly RouteObject[], base = '/', inherited: RouteAccess = 'public'): RouteEntry[] {
  return routes.flatMap((route) => {
    const path = join(base, route.path);
    const access = accessOf(route.element, inherited);
    const own = route.index || (route.path !== undefined && !route.children?.length) ? [{ path, access }] : [];
    return [...own, ...routeTable(route.children ?? [], path, access)];
  });
}
