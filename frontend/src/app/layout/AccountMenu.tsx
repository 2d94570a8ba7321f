import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLogout } from '@/features/auth';
import { useCurrentUser } from '@/lib/session/currentUser';
import { displayName } from '@/lib/session/displayName';

function PersonIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 3.6-7 8-7s8 3 8 7" strokeLinecap="round" />
    </svg>
  );
}

/** The signed-in user's name and email, with "Log out". */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { logout, isPending } = useLogout();

  // No focus placeholder: a role="menu" may only contain menu items (axe: aria-required-children).
  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        {/* The accessible name starts with the visible name (WCAG 2.5.3, label in name). */}
        <UnstyledButton aria-label={t('nav.accountMenu', { name: displayName(me.full_name, t) })} data-testid="account-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="md">
              <PersonIcon />
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={180}>
              {displayName(me.full_name, t)}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('nav.signedInAs')}</Menu.Label>
        <Menu.Item component="div" disabled data-testid="account-identity" style={{ cursor: 'default', opacity: 1 }}>
          <Text size="sm" fw={600} c="var(--mantine-color-text)">
            {displayName(me.full_name, t)}
          </Text>
          <Text size="xs" c="dimmed">
            {me.email}
          </Text>
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red.9"
          disabled={isPending}
          onClick={() =>
            void logout(async () => {
              // flushSync: the guarded pages must be gone before the tokens are, or the
              // guard would first bounce to the login page.
              await navigate('/', { replace: true, flushSync: true });
              notifications.show({
                message: t('nav.loggedOut'),
                color: 'green.9',
                closeButtonProps: { 'aria-label': t('app.close') },
              });
            })
          }
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
