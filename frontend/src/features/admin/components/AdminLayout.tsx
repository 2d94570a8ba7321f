import { Container, NavLink as MantineNavLink } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/LoadingState';
import classes from './AdminLayout.module.css';

const SECTIONS = [
  { to: '/admin', label: 'staff.nav.overview', end: true },
  { to: '/admin/invitations', label: 'staff.nav.invitations' },
  { to: '/admin/applications', label: 'staff.nav.applications' },
  { to: '/admin/appeals', label: 'staff.nav.appeals' },
  { to: '/admin/support', label: 'staff.nav.support' },
  { to: '/admin/freelancers', label: 'staff.nav.freelancers' },
  { to: '/admin/customer-accounts', label: 'staff.nav.customerAccounts' },
  { to: '/admin/subscriptions', label: 'staff.nav.subscriptions' },
  { to: '/admin/withdrawals', label: 'staff.nav.withdrawals' },
  { to: '/admin/ledger', label: 'staff.nav.ledger' },
  { to: '/admin/catalog', label: 'staff.nav.catalog' },
  { to: '/admin/tax-rates', label: 'staff.nav.taxRates' },
  { to: '/admin/terms', label: 'staff.nav.terms' },
  { to: '/admin/audit-log', label: 'staff.nav.auditLog' },
] as const;

/** The staff area's frame: its sections beside (on phones: above) the page. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <Container size="xl" py="md">
      <div className={classes.layout}>
        <nav aria-label={t('staff.nav.label')} className={classes.subnav}>
          {SECTIONS.map((section) => {
            const active = 'end' in section ? pathname === section.to : pathname.startsWith(section.to);
            return (
              <MantineNavLink
                key={section.to}
                component={NavLink}
                to={section.to}
                end={'end' in section}
                label={t(section.label)}
                active={active}
                className={classes.link}
              />
            );
          })}
        </nav>
        <div>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </div>
      </div>
    </Container>
  );
}
