import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { useIsAuthenticated } from '@/lib/api/tokens';
import { useProgram } from '../api/program';
import { ProgramDetails } from '../components/ProgramDetails';

export default function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('landing.pageTitle'));
  const authenticated = useIsAuthenticated();
  const program = useProgram();

  return (
    <Container size="md" py={48}>
      <Stack gap="lg">
        <Text tt="uppercase" fw={700} size="sm" c="blue.8">
          {t('landing.eyebrow')}
        </Text>
        <Title order={1}>{t('landing.title')}</Title>
        <Text size="lg" maw={680}>
          {t('landing.lead')}
        </Text>
        <Group>
          {authenticated ? (
            <Button component={Link} to="/app" size="md">
              {t('nav.openApp')}
            </Button>
          ) : (
            <>
              <Button component={Link} to="/register" size="md">
                {t('landing.ctaRegister')}
              </Button>
              <Button component={Link} to="/login" size="md" variant="default">
                {t('landing.ctaLogin')}
              </Button>
            </>
          )}
          {/* /docs is served by the backend, outside the SPA: a plain link, full page load. */}
          <Anchor href="/docs" size="md">
            {t('landing.ctaDocs')}
          </Anchor>
        </Group>
      </Stack>

      {program.isPending && <LoadingState label={t('programme.loading')} />}
      {program.isError && <ErrorState error={program.error} onRetry={() => void program.refetch()} />}
      {program.data && <ProgramDetails program={program.data} authenticated={authenticated} />}
    </Container>
  );
}
