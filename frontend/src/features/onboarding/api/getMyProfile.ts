// GET /api/v1/me/profile
import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Profile } from '@/lib/api/types';
import { onboardingKeys } from './keys';

export async function getMyProfile(): Promise<Profile> {
  return unwrap(await api.GET('/api/v1/me/profile'));
}

/** The profile as saved so far, with which sections are complete. */
export function useMyProfile() {
  return useQuery({ queryKey: onboardingKeys.profile, queryFn: getMyProfile });
}
