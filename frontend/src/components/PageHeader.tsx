import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  /** A link back to the list a detail page belongs to. */
  back?: { to: string; label: string };
  actions?: ReactNode;
}

/** A staff page's heading (also the document title) with an optional way back. */
export function PageHeader({ title, description, back, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('staff.pageTitle', { title }));
  return (
    <Stack gap={4}>
      {back && (
        <Anchor component={Link} to={back.to} size="sm">
          ← {back.label}
        </Anchor>
      )}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </Group>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
  );
}
