import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The plan page's frame: heading, lead and what the page shows. */
export function StorefrontFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useDocumentTitle(t('storefront.pageTitle'));
  return (
    <Container size="xl" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('storefront.title')}</Title>
          <Text c="dimmed">{t('storefront.lead')}</Text>
        </Stack>
        {children}
      </Stack>
    </Container>
  );
}
