import { Container, Stack, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';

export default function AdminHomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('admin.pageTitle'));
  return (
    <Container size="lg" py="md">
      <Stack>
        <Title order={1}>{t('admin.title')}</Title>
        <EmptyState title={t('admin.emptyTitle')} description={t('admin.emptyText')} />
      </Stack>
    </Container>
  );
}
