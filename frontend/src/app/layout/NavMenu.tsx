import { Button, Menu, NavLink as MantineNavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import type { NavMenu } from './nav';
import classes from './layout.module.css';

function ChevronIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
      <path d="M6 9l6 6 6-6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

const isIn = (pathname: string, to: string) => pathname === to || pathname.startsWith(`${to}/`);

/** A header menu (desktop): a button opening its pages; highlighted while on one of them. */
export function HeaderNavMenu({ menu }: { menu: NavMenu }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const current = menu.items.some((item) => isIn(pathname, item.to));
  // No focus placeholder: a role="menu" may only contain menu items (axe: aria-required-children).
  return (
    <Menu position="bottom-start" width={260} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          size="sm"
          rightSection={<ChevronIcon />}
          className={classes.navLink}
          data-current={current || undefined}
        >
          {t(menu.label)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {menu.items.map((item) => (
          <Menu.Item
            key={item.to}
            component={Link}
            to={item.to}
            aria-current={isIn(pathname, item.to) ? 'page' : undefined}
            fw={isIn(pathname, item.to) ? 700 : undefined}
          >
            {t(item.label)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The same menu in the phone navigation panel: a group of links under its name. */
export function PanelNavMenu({ menu, onNavigate }: { menu: NavMenu; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <MantineNavLink label={t(menu.label)} defaultOpened childrenOffset="md" component="button">
      {menu.items.map((item) => (
        <MantineNavLink
          key={item.to}
          component={NavLink}
          to={item.to}
          label={t(item.label)}
          active={isIn(pathname, item.to)}
          onClick={onNavigate}
        />
      ))}
    </MantineNavLink>
  );
}
