// GET /api/v1/me/earnings.csv and /me/earnings/statements/{year}.csv|.pdf. They need the
// bearer token, so a plain link cannot fetch them: the file is fetched, then saved.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { saveBlob } from '@/lib/api/download';
import { unwrap } from '@/lib/api/problem';
import type { EarningFilters } from './types';

/** The ledger (with the list's filters) or a yearly statement. */
export type EarningsFile = { kind: 'ledger'; filters: EarningFilters } | { kind: 'statement'; year: number; format: 'csv' | 'pdf' };

export function earningsFileName(file: EarningsFile): string {
  return file.kind === 'ledger' ? 'earnings.csv' : `earnings-statement-${file.year}.${file.format}`;
}

export async function fetchEarningsFile(file: EarningsFile): Promise<Blob> {
  if (file.kind === 'ledger') {
    return unwrap(await api.GET('/api/v1/me/earnings.csv', { params: { query: file.filters }, parseAs: 'blob' }));
  }
  const path = { params: { path: { year: file.year } }, parseAs: 'blob' } as const;
  return file.format === 'pdf'
    ? unwrap(await api.GET('/api/v1/me/earnings/statements/{year}.pdf', path))
    : unwrap(await api.GET('/api/v1/me/earnings/statements/{year}.csv', path));
}

export function useDownloadEarningsFile() {
  return useMutation({
    mutationFn: async (file: EarningsFile) => saveBlob(await fetchEarningsFile(file), earningsFileName(file)),
  });
}
