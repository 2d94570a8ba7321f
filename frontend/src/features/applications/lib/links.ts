// Links that applicants typed in (portfolio, profiles) and staff may open.
/** Only http(s) links from applicants become anchors; anything else is shown as text. */
export function safeHttpUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
