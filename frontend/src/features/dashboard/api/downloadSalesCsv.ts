// GET /api/v1/me/subscriptions.csv (same filters, every matching row). It needs the bearer
// token, so the file is fetched, then saved.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { saveBlob } from '@/lib/api/download';
import { unwrap } from '@/lib/api/problem';
import type { SalesFilters } from './types';

export async function fetchSalesCsv(filters: SalesFilters): Promise<Blob> {
  return unwrap(await api.GET('/api/v1/me/subscriptions.csv', { params: { query: filters }, parseAs: 'blob' }));
}

export function useDownloadSalesCsv() {
  return useMutation({ mutationFn: async (filters: SalesFilters) => saveBlob(await fetchSalesCsv(filters), 'subscriptions.csv') });
}
