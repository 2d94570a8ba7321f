import { Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { LoadingState } from '@/components/LoadingState';
import { PageHeader } from '@/components/PageHeader';

interface DetailFrameProps<T> {
  query: UseQueryResult<T>;
  /** The heading while the item itself cannot be shown. */
  title: string;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}

/** A staff detail page's loading and error states (with the way back); the page once loaded. */
export function DetailFrame<T>({ query, title, back, children }: DetailFrameProps<T>) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <Stack>
        <PageHeader title={title} back={back} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <>{children(query.data)}</>;
}
