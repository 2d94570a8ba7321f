// PUT /api/v1/me/profile/picture
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { PictureUploaded, Profile } from '@/lib/api/types';
import { onboardingKeys } from './keys';

export const PICTURE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const PICTURE_MAX_BYTES = 2 * 1024 * 1024;

/** The file itself is the body (not JSON, not a form), with its own Content-Type. */
export async function uploadProfilePicture(file: Blob): Promise<PictureUploaded> {
  return unwrap(
    await api.PUT('/api/v1/me/profile/picture', {
      // The generated type of a binary body is `string`; the Blob goes out untouched.
      body: file as unknown as string,
      bodySerializer: (body) => body,
      headers: { 'Content-Type': file.type },
    }),
  );
}

export function useUploadProfilePicture() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadProfilePicture,
    onSuccess: (picture) => {
      queryClient.setQueryData<Profile>(onboardingKeys.profile, (profile) =>
        profile ? { ...profile, picture_url: picture.picture_url } : profile,
      );
    },
  });
}
