import { Anchor, Button, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useIsAuthenticated } from '@/lib/api/tokens';

export default function LandingPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('landing.pageTitle'));
  const authenticated = useIsAuthenticated();

  const steps = [
    { n: 1, title: t('landing.features.applyTitle'), text: t('landing.features.applyText') },
    { n: 2, title: t('landing.features.referTitle'), text: t('landing.features.referText') },
    { n: 3, title: t('landing.features.earnTitle'), text: t('landing.features.earnText') },
  ];

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

      <Stack component="section" aria-labelledby="how-it-works" mt={56} gap="md">
        <Title order={2} id="how-it-works">
          {t('landing.features.heading')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg">
          {steps.map((step) => (
            <Stack key={step.n} gap="xs">
              <ThemeIcon size={36} radius="xl" aria-hidden="true">
                {step.n}
              </ThemeIcon>
              <Title order={3} size="h4">
                {step.title}
              </Title>
              <Text c="dimmed">{step.text}</Text>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </Container>
  );
}
