/** Query keys owned by the onboarding feature. */
export const onboardingKeys = {
  profile: ['onboarding', 'profile'] as const,
  taxForm: ['onboarding', 'tax-form'] as const,
  terms: ['onboarding', 'terms', 'current'] as const,
};
