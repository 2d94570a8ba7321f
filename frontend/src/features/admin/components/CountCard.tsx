import { Anchor, Button, Loader, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '@/lib/format/useFormatters';

interface CountCardProps {
  id: string;
  label: string;
  description: string;
  to: string;
  /** The link's text, saying what the list is for. */
  linkLabel: string;
  query: UseQueryResult<{ count: number; more: boolean }>;
}

/** A number of things waiting, linking to the filtered list. */
export function CountCard({ id, label, description, to, linkLabel, query }: CountCardProps) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const labelId = `count-${id}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby={labelId}>
      <Stack gap="xs" h="100%" justify="space-between">
        <Stack gap={4}>
          <Text id={labelId} fw={600} component="h2" size="md" m={0}>
            {label}
          </Text>
          {query.isPending && <Loader size="sm" aria-label={t('states.loading')} />}
          {query.isError && (
            <Stack gap={4} align="flex-start">
              <Text size="sm" c="red.9">
                {t('staffHome.countFailed')}
              </Text>
              <Button size="compact-xs" variant="outline" color="red.9" onClick={() => void query.refetch()}>
                {t('states.retry')}
              </Button>
            </Stack>
          )}
          {query.isSuccess && (
            <Text fz={36} fw={700} lh={1.1} data-testid={`count-${id}`}>
              {query.data.more ? t('staffHome.more', { value: number(query.data.count) }) : number(query.data.count)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        </Stack>
        <Anchor component={Link} to={to} size="sm" fw={500}>
          {linkLabel} <span aria-hidden="true">→</span>
        </Anchor>
      </Stack>
    </Paper>
  );
}
