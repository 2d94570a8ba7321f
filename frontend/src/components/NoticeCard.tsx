import { Container, Paper, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface NoticeCardProps {
  title: string;
  /** 'problem' when the page explains why something cannot be done. */
  tone?: 'default' | 'problem';
  testId?: string;
  children: ReactNode;
}

/** A page of one card (an emailed link's page): its heading and what it says or offers. */
export function NoticeCard({ title, tone = 'default', testId, children }: NoticeCardProps) {
  return (
    <Container size={560} py="xl">
      <Paper withBorder shadow="sm" p="xl" radius="md" data-testid={testId} data-tone={tone}>
        <Stack gap="md">
          <Title order={1} size="h2">
            {title}
          </Title>
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}
