import type { TicketStatus } from '@/lib/api/types';

/** Query keys owned by the support feature. */
export const supportKeys = {
  all: ['support'] as const,
  mine: (status: TicketStatus | null) => ['support', 'mine', status ?? 'all'] as const,
  ticket: (id: string) => ['support', 'ticket', id] as const,
};
