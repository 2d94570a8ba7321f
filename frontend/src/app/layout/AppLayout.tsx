import { AppShell, Burger, Button, Container, Group, NavLink as MantineNavLink } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router';
import { LoadingState } from '@/components/LoadingState';
import { useCurrentUser } from '@/lib/session/currentUser';
import { hasAnyRole } from '@/lib/session/roles';
import { AccountMenu } from './AccountMenu';
import { Brand } from './Brand';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NAV_ITEMS, NAV_MENUS } from './nav';
import { HeaderNavMenu, PanelNavMenu } from './NavMenu';
import { MAIN_ID, SkipLink } from './SkipLink';
import classes from './layout.module.css';
import { useAccountLanguage } from './useAccountLanguage';

/** Frame of the signed-in area: header with role-aware navigation and the account menu. */
export default function AppLayout() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const items = NAV_ITEMS.filter((item) => !item.roles || hasAnyRole(me, item.roles));
  const menus = NAV_MENUS.filter((menu) => hasAnyRole(me, menu.roles));
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  const { pathname } = useLocation();
  useAccountLanguage();

  return (
    <AppShell
      header={{ height: 64 }}
      // On phones the navigation moves into a panel behind the burger button.
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: true } }}
      padding="md"
    >
      <SkipLink />
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group justify="space-between" h="100%" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Burger
                opened={navOpened}
                onClick={toggleNav}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('app.mainNavigation')}
                aria-expanded={navOpened}
              />
              <Brand to="/app" compact />
              <Group gap={4} component="nav" aria-label={t('app.mainNavigation')} wrap="nowrap" visibleFrom="sm">
                {items.map((item) => (
                  <Button
                    key={item.to}
                    component={NavLink}
                    to={item.to}
                    end
                    variant="subtle"
                    color="dark"
                    size="sm"
                    className={classes.navLink}
                  >
                    {t(item.label)}
                  </Button>
                ))}
                {menus.map((menu) => (
                  <HeaderNavMenu key={menu.label} menu={menu} />
                ))}
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <LanguageSwitcher />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      {/* Rendered only while open: a closed panel is merely moved off screen, and its
          links must not stay reachable by Tab. */}
      {navOpened && (
        <AppShell.Navbar p="sm" aria-label={t('app.mainNavigation')} hiddenFrom="sm">
          {items.map((item) => (
            <MantineNavLink
              key={item.to}
              component={NavLink}
              to={item.to}
              end
              label={t(item.label)}
              active={pathname === item.to}
              onClick={closeNav}
            />
          ))}
          {menus.map((menu) => (
            <PanelNavMenu key={menu.label} menu={menu} onNavigate={closeNav} />
          ))}
        </AppShell.Navbar>
      )}
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
