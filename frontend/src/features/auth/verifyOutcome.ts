// What a failed verification means for the reader. The API names the failure with a code;
// any code that says "expired" is an old link (a new one helps), anything else the API
// refused is a link that was used already or never valid.
import { isApiError } from '@/lib/api/problem';

export type VerifyFailure = 'expired' | 'used' | 'unreachable';

export function verifyFailure(error: unknown): VerifyFailure {
  if (!isApiError(error) || error.status >= 500 || error.status === 429) return 'unreachable';
  return error.code.includes('expired') ? 'expired' : 'used';
}
