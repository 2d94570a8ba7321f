// Query keys of the staff areas. They live here, not in each feature, because the staff
// home counts what the areas list: a decision taken in one area invalidates its prefix,
// and that refreshes the home page's counts too.
/** Every list key starts with its area's prefix. */
export const staffKeys = {
  all: ['admin'] as const,
  invitations: ['admin', 'invitations'] as const,
  applications: ['admin', 'applications'] as const,
  application: (id: string) => ['admin', 'applications', 'detail', id] as const,
  appeals: ['admin', 'appeals'] as const,
  appeal: (id: string) => ['admin', 'appeals', 'detail', id] as const,
  tickets: ['admin', 'tickets'] as const,
  freelancers: ['admin', 'freelancers'] as const,
  freelancer: (id: string) => ['admin', 'freelancers', 'detail', id] as const,
  terms: ['admin', 'terms'] as const,
  audit: ['admin', 'audit'] as const,
  program: ['admin', 'program'] as const,
  customerAccounts: ['admin', 'customer-accounts'] as const,
  customerAccount: (id: string) => ['admin', 'customer-accounts', 'detail', id] as const,
  commerceSettings: ['admin', 'commerce-settings'] as const,
  catalog: ['admin', 'catalog'] as const,
  taxRates: ['admin', 'tax-rates'] as const,
  subscriptions: ['admin', 'subscriptions'] as const,
  subscription: (id: string) => ['admin', 'subscriptions', 'detail', id] as const,
  /** A freelancer's ledger: under the freelancer, so a decision about them refreshes it. */
  earnings: (freelancerId: string) => ['admin', 'freelancers', 'detail', freelancerId, 'earnings'] as const,
  earning: (freelancerId: string, entryId: string) => ['admin', 'freelancers', 'detail', freelancerId, 'earnings', entryId] as const,
  withdrawals: ['admin', 'withdrawals'] as const,
  ledgerReport: ['admin', 'ledger', 'verify'] as const,
};

