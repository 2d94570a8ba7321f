import type { ParseKeys } from 'i18next';
import type { Role } from '@/lib/api/types';
import { FREELANCER_ROLES, STAFF_ROLES } from '@/lib/session/roles';

export interface NavItem {
  to: string;
  /** Catalogue key of the label. */
  label: ParseKeys;
  /** Shown only to users with one of these roles; everyone when absent. */
  roles?: readonly Role[];
}

/** A header menu of several pages (e.g. "My Business"). */
export interface NavMenu {
  label: ParseKeys;
  roles: readonly Role[];
  items: readonly Omit<NavItem, 'roles'>[];
}

/** The signed-in header's navigation; features add their entries here. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/app', label: 'nav.home' },
  // The client's pages (issue 8).
  { to: '/app/subscriptions', label: 'subscriptions.nav', roles: ['customer'] },
  { to: '/app/billing', label: 'billing.nav', roles: ['customer'] },
  { to: '/app/account/setup', label: 'customerAccount.nav', roles: ['customer'] },
  // Freelancers reach support through "My Business".
  { to: '/app/support', label: 'support.nav', roles: ['customer'] },
  { to: '/admin', label: 'nav.admin', roles: STAFF_ROLES },
];

/** Menus after the plain entries. */
export const NAV_MENUS: readonly NavMenu[] = [
  {
    label: 'dashboard.menu.title',
    roles: FREELANCER_ROLES,
    items: [
      { to: '/app/dashboard', label: 'dashboard.menu.dashboard' },
      { to: '/app/sales', label: 'dashboard.menu.subscriptions' },
      { to: '/app/earnings', label: 'dashboard.menu.earnings' },
      { to: '/app/application', label: 'dashboard.menu.application' },
      { to: '/app/onboarding', label: 'dashboard.menu.onboarding' },
      { to: '/app/appeals', label: 'dashboard.menu.appeals' },
      { to: '/app/support', label: 'dashboard.menu.support' },
    ],
  },
];
