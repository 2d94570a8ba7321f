// One sentence for the user from any error a request can throw.
import { isApiError } from '@/lib/api/problem';
import type { DynamicT } from '@/i18n/dynamic';

/**
 * The translated message of a problem code: the foundation's `errors.codes`, then the
 * programme's `programme.codes`, else `fallback` (the server's English detail).
 */
export function codeMessage(t: DynamicT, code: string, fallback: string): string {
  return t(`errors.codes.${code}`, t(`programme.codes.${code}`, fallback));
}

export function problemMessage(t: DynamicT, error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 429 || error.code === 'rate_limited') {
      // In whole minutes, rounded up, like the server's own detail: nobody reads "799 seconds".
      return error.retryAfter !== null
        ? t('errors.rateLimited', 'Too many attempts.', { count: Math.max(1, Math.ceil(error.retryAfter / 60)) })
        : t('errors.rateLimitedNoTime', 'Too many attempts.');
    }
    const fallback = error.problem.detail ?? error.problem.title;
    return codeMessage(t, error.code, fallback);
  }
  if (error instanceof TypeError) return t('errors.network', error.message);
  return t('errors.unexpected', 'Unexpected error');
}
