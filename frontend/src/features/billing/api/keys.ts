/** Query keys owned by the billing feature. */
export const billingKeys = {
  all: ['billing'] as const,
  invoices: ['billing', 'invoices'] as const,
  invoice: (id: string) => ['billing', 'invoice', id] as const,
};
