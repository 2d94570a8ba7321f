import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export default function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('forbidden.pageTitle'));
  return (
    <Container size="sm" py={64}>
      <Stack align="center" ta="center">
        <Text fw={800} fz={56} c="gray.7" aria-hidden="true">
          403
        </Text>
        <Title order={1}>{t('forbidden.title')}</Title>
        <Text>{t('forbidden.text')}</Text>
        <Button component={Link} to="/app">
          {t('forbidden.back')}
        </Button>
      </Stack>
    </Container>
  );
}
