import { Button, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/EmptyState';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';

interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  items: readonly unknown[];
}

interface ListFrameProps {
  query: ListQuery;
  /** What the empty state says; `filtered` adds a way to clear the filters. */
  emptyTitle: string;
  emptyText: string;
  filtered?: boolean;
  onClearFilters?: () => void;
  children: ReactNode;
}

/** Loading, error and empty states around a cursor-paginated list, and its "Load more". */
export function ListFrame({ query, emptyTitle, emptyText, filtered, onClearFilters, children }: ListFrameProps) {
  const { t } = useTranslation();
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.items.length === 0) {
    return (
      <EmptyState
        title={filtered ? t('staff.list.noMatchesTitle') : emptyTitle}
        description={filtered ? t('staff.list.noMatchesText') : emptyText}
        actions={
          filtered && onClearFilters ? (
            <Button variant="default" onClick={onClearFilters}>
              {t('staff.list.clearFilters')}
            </Button>
          ) : undefined
        }
      />
    );
  }
  return (
    <>
      {children}
      <Group justify="space-between" mt="sm">
        <Text size="sm" c="dimmed" role="status">
          {t('staff.list.shown', { count: query.items.length })}
        </Text>
        {query.hasNextPage ? (
          <Button variant="default" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage}>
            {t('staff.list.loadMore')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('staff.list.end')}
          </Text>
        )}
      </Group>
    </>
  );
}
