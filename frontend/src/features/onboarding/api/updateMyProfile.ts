// PUT /api/v1/me/profile
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Profile, ProfileUpdate } from '@/lib/api/types';
import { useRefreshCurrentUser } from '@/lib/session/currentUser';
import { onboardingKeys } from './keys';

export async function updateMyProfile(body: ProfileUpdate): Promise<Profile> {
  return unwrap(await api.PUT('/api/v1/me/profile', { body }));
}

/** Saves one section; the missing steps in /me change with it. */
export function useUpdateMyProfile() {
  const queryClient = useQueryClient();
  const refreshMe = useRefreshCurrentUser();
  return useMutation({
    mutationFn: updateMyProfile,
    onSuccess: async (profile) => {
      queryClient.setQueryData(onboardingKeys.profile, profile);
      await refreshMe();
    },
  });
}
