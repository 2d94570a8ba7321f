/** Query keys owned by the application feature. */
export const applicationKeys = {
  mine: ['application', 'mine'] as const,
};
