// Files the API answers (PDFs, CSV exports) need the bearer token, so a plain link cannot
// fetch them: the file is fetched with the client, then handed to the browser here.

/** Saves `blob` under `fileName` (the browser's download, or its PDF viewer). */
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
