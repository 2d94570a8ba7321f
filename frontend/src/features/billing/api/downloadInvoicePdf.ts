// GET /api/v1/customer/invoices/{id}/pdf (application/pdf). The request needs the bearer
// token, so a plain link cannot fetch it: the file is fetched, then handed to the browser.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { saveBlob } from '@/lib/api/download';
import { unwrap } from '@/lib/api/problem';

export async function fetchInvoicePdf(id: string): Promise<Blob> {
  return unwrap(await api.GET('/api/v1/customer/invoices/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }));
}

export function useDownloadInvoicePdf() {
  return useMutation({
    mutationFn: async ({ id, fileName }: { id: string; fileName: string }) => saveBlob(await fetchInvoicePdf(id), fileName),
  });
}
