// GET /api/v1/me/application
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { isApiError, unwrap } from '@/lib/api/problem';
import type { Application } from '@/lib/api/types';
import { applicationKeys } from './keys';

/** The caller's latest application, or null before the first one (the API answers 404). */
export async function getMyApplication(): Promise<Application | null> {
  try {
    return unwrap(await api.GET('/api/v1/me/application'));
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

export function useMyApplication() {
  return useQuery({ queryKey: applicationKeys.mine, queryFn: getMyApplication });
}
