// POST /api/v1/auth/logout
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import { tokenStore } from '@/lib/api/tokens';

/** Revokes the refresh token's family on the server. */
export async function logout(refreshToken: string): Promise<void> {
  unwrap(await api.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken } }));
}

/**
 * Logs out: tells the server, runs `leave` (navigate away from guarded pages, so they
 * do not first bounce to the login page), then forgets the session locally. The local
 * session ends even if the server cannot be told: "Log out" must log out this device.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const { mutateAsync, isPending } = useMutation({
    mutationFn: async () => {
      const refreshToken = tokenStore.getRefreshToken();
      if (refreshToken) await logout(refreshToken);
    },
  });

  const run = useCallback(
    async (leave?: () => unknown) => {
      try {
        await mutateAsync();
      } catch {
        // Already expired or unreachable: the local logout below still happens.
      }
      await leave?.();
      tokenStore.clear();
      queryClient.clear();
    },
    [mutateAsync, queryClient],
  );

  return { logout: run, isPending };
}
