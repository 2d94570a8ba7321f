// GET /api/v1/customer/invoices/{id}/pdf (application/pdf). The request needs the bearer
// token, so a plain link cannot fetch it: the file is fetched, then handed to the browser.
import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

export async function fetchInvoicePdf(id: string): Promise<Blob> {
  return unwrap(await api.GET('/api/v1/customer/invoices/{id}/pdf', { params: { path: { id } }, parseAs: 'blob' }));
}

/** Saves the PDF under `fileName` (the browser's download, or its PDF viewer). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useDownloadInvoicePdf() {
  return useMutation({
    mutationFn: async ({ id, fileName }: { id: string; fileName: string }) => saveBlob(await fetchInvoicePdf(id), fileName),
  });
}
