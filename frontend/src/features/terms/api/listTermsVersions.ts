// GET /api/v1/admin/terms
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { staffKeys } from '@/lib/api/staffKeys';
import { useCursorList } from '@/lib/api/pagination';
import type { CursorPage, TermsVersion } from './types';

export async function listTermsVersions(cursor?: string, limit?: number): Promise<CursorPage<TermsVersion>> {
  return unwrap(await api.GET('/api/v1/admin/terms', { params: { query: { cursor, limit } } }));
}

/** Every terms version, newest first, with acceptance counts. */
export function useTermsVersions() {
  return useCursorList([...staffKeys.terms, 'list'], listTermsVersions);
}
