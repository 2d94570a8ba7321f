// GET /api/v1/me/earnings.csv and /me/earnings/statements/{year}.csv|.pdf. They need the
// bearer token, so a plain link cannot fetch them: the file is fetched, then saved.
import { useMutation } from '@tanstack/react-query';
import { saveBlob } from '@/lib/api/download';
import { unwrap } from '@/lib/api/problem';
import { untypedApi } from '@/lib/api/untyped';

export type EarningsFile = { kind: 'ledger' } | { kind: 'statement'; year: number; format: 'csv' | 'pdf' };

export function earningsFilePath(file: EarningsFile): string {
  return file.kind === 'ledger' ? '/api/v1/me/earnings.csv' : `/api/v1/me/earnings/statements/${file.year}.${file.format}`;
}

export function earningsFileName(file: EarningsFile): string {
  return file.kind === 'ledger' ? 'earnings.csv' : `earnings-statement-${file.year}.${file.format}`;
}

export async function fetchEarningsFile(file: EarningsFile): Promise<Blob> {
  return unwrap(await untypedApi.GET(earningsFilePath(file), { parseAs: 'blob' })) as Blob;
}

export function useDownloadEarningsFile() {
  return useMutation({
    mutationFn: async (file: EarningsFile) => saveBlob(await fetchEarningsFile(file), earningsFileName(file)),
  });
}
