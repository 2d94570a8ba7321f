// The signed-in user, provided by the app's RequireAuth guard once /me has loaded, so
// pages in any feature can read it without importing the auth feature.
import { createContext, useContext } from 'react';
import type { Me } from '@/lib/api/types';

/** Rendered as `<CurrentUserContext value={me}>` by the RequireAuth guard. */
export const CurrentUserContext = createContext<Me | null>(null);

/** The current user; only valid below RequireAuth. */
export function useCurrentUser(): Me {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() used outside an authenticated route');
  return user;
}
