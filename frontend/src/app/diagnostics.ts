// What the e2e tests read from a running SPA when diagnostics are on (see
// i18n/misses.ts): the route table and the catalogue misses so far.
import type { RouteObject } from 'react-router';
import { catalogueMisses, clearCatalogueMisses, diagnosticsEnabled } from '@/i18n/misses';
import { routeTable, type RouteEntry } from './routeTable';

export interface Diagnostics {
  routes: RouteEntry[];
  catalogueMisses: () => string[];
  clearCatalogueMisses: () => void;
}

declare global {
  interface Window {
    __partnerHub?: Diagnostics;
  }
}

export function exposeDiagnostics(routes: readonly RouteObject[]): void {
  if (!diagnosticsEnabled() || typeof window === 'undefined') return;
  window.__partnerHub = { routes: routeTable(routes), catalogueMisses, clearCatalogueMisses };
}
