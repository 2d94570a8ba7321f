// GET /api/v1/me
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { useIsAuthenticated } from '@/lib/api/tokens';
import type { Me } from '@/lib/api/types';
import { authKeys } from './keys';

export async function getMe(): Promise<Me> {
  return unwrap(await api.GET('/api/v1/me'));
}

/** The signed-in user with roles and, for freelancers, their onboarding status. */
export function useMe() {
  const authenticated = useIsAuthenticated();
  return useQuery({
    queryKey: authKeys.me,
    queryFn: getMe,
    enabled: authenticated,
    staleTime: 30_000,
  });
}
