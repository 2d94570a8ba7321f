/** Query keys owned by the auth feature. */
export const authKeys = {
  me: ['auth', 'me'] as const,
};
