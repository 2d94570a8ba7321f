/** Query keys owned by the customer feature. */
export const customerKeys = {
  all: ['customer'] as const,
  account: ['customer', 'account'] as const,
  domain: (name: string) => ['customer', 'domain', name] as const,
  partnership: (token: string) => ['customer', 'partnership', token] as const,
};
