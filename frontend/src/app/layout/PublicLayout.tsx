import { Box, Button, Container, Group } from '@mantine/core';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LoadingState } from '@/components/LoadingState';
import { useIsAuthenticated } from '@/lib/api/tokens';
import { Brand } from './Brand';
import { Footer } from './Footer';
import { LanguageSwitcher } from './LanguageSwitcher';
import { MAIN_ID, SkipLink } from './SkipLink';
import classes from './layout.module.css';

/** Frame of the pages anyone can see: landing, login, registration, not found. */
export function PublicLayout() {
  const { t } = useTranslation();
  const authenticated = useIsAuthenticated();
  return (
    <Box className={classes.page}>
      <SkipLink />
      <header className={classes.header}>
        <Container size="lg" h="100%">
          <Group justify="space-between" h="100%" wrap="nowrap">
            {/* On phones the logo alone leaves room for the language and the login button. */}
            <Brand compact />
            <Group gap="xs" component="nav" aria-label={t('app.mainNavigation')} wrap="nowrap">
              <LanguageSwitcher />
              {authenticated ? (
                <Button component={Link} to="/app" size="sm">
                  {t('nav.openApp')}
                </Button>
              ) : (
                <>
                  <Button component={Link} to="/login" variant="default" size="sm">
                    {t('nav.login')}
                  </Button>
                  {/* On phones the pages themselves link to registration. */}
                  <Button component={Link} to="/register" size="sm" visibleFrom="xs">
                    {t('nav.register')}
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <Footer />
    </Box>
  );
}
