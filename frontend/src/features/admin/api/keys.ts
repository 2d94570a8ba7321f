/** Query keys owned by the staff area; every list key starts with its section's prefix. */
export const adminKeys = {
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
};

/** Lists load this many rows per page ("Load more" fetches the next page). */
export const PAGE_SIZE = 25;
