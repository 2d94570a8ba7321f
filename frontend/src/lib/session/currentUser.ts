// The signed-in user, provided by the app's RequireAuth guard once /me has loaded, so
// pages in any feature can read it without importing the auth feature.
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import type { Me } from '@/lib/api/types';

/** Rendered as `<CurrentUserContext value={me}>` by the RequireAuth guard. */
export const CurrentUserContext = createContext<Me | null>(null);

/** The query key of GET /me (owned by the auth feature, shared so others can refresh it). */
export const CURRENT_USER_QUERY_KEY = ['auth', 'me'] as const;

/** The current user; only valid below RequireAuth. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside an authenticated route');
  return user;
}

/**
 * Reloads /me, e.g. after a step that changes the freelancer's missing steps; the
 * promise settles once the new user is in context.
 */
export function useRefreshCurrentUser(): () => Promise<void> {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: CURRENT_USER_QUERY_KEY }), [queryClient]);
}
