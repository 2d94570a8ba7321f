/** Query keys owned by the storefront feature. */
export const storefrontKeys = {
  all: ['storefront'] as const,
  plans: ['storefront', 'plans'] as const,
  referral: (code: string) => ['storefront', 'referral', code] as const,
  purchase: (subscriptionId: string) => ['storefront', 'purchase', subscriptionId] as const,
};
