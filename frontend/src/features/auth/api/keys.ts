import { CURRENT_USER_QUERY_KEY } from '@/lib/session/currentUser';

/** Query keys owned by the auth feature. */
export const authKeys = {
  me: CURRENT_USER_QUERY_KEY,
};
