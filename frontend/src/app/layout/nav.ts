import type { Role } from '@/lib/api/types';
import { STAFF_ROLES } from '@/lib/session/roles';

export interface NavItem {
  to: string;
  /** Key in the "nav" section of the catalogues. */
  label: 'nav.home' | 'nav.admin';
  /** Shown only to users with one of these roles; everyone when absent. */
  roles?: readonly Role[];
}

/** The signed-in header's navigation; features add their entries here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/app', label: 'nav.home' },
  { to: '/admin', label: 'nav.admin', roles: STAFF_ROLES },
];
